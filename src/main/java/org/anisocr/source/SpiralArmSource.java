package org.anisocr.source;

/**
 * The four-arm source distribution of Faucher-Giguère &amp; Kaspi 2006 (ApJ 643, 332, §3.2; "FK06"), the birth places
 * of pulsars that CRPropa, DRAGON and PICARD users take as a spiral-arm source of cosmic rays, made a continuous
 * density for a grid code. FK06 draw a birth place in four steps:
 * <ol>
 *   <li>a radius from the surface density of Yusifov &amp; Küçük 2004 (A&amp;A 422, 545, eq. 15):
 *       ρ(R) ∝ ((R + R1)/(R☉ + R1))^a exp(−b (R − R☉)/(R☉ + R1)), a = 1.64, b = 4.01, R1 = 0.55 kpc,
 *       R☉ = 8.5 kpc;</li>
 *   <li>one of four logarithmic arms with equal odds, the azimuth on its centre line θ(R) = k ln(R/r0) + θ0
 *       (FK06 Table 2): Norma k = 4.25, r0 = 3.48 kpc, θ0 = 1.57; Carina–Sagittarius 4.25, 3.48 kpc, 4.71;
 *       Perseus 4.89, 4.90 kpc, 4.09; Crux–Scutum 4.89, 4.90 kpc, 0.95 (k and θ0 in radians);</li>
 *   <li>a displacement off the centre line of typical size σ = 0.07 R, and near the centre an extra azimuth
 *       θ_corr = θ_rand e^(−0.35 R/kpc), θ_rand uniform in [0, 2π), which smooths the arms' inner ends away;</li>
 *   <li>a height from an exponential of mean |z| = 0.05 kpc.</li>
 * </ol>
 * As a density:
 * <pre>
 *   S(R, φ, z) = ρ(R) · A(R, φ) · e^(−|z|/z0),     A = (2π/4) Σ_arms P(θ − θ_arm(R)),   θ = φ − π/2
 * </pre>
 * P is the distribution of the azimuth about an arm's centre: a Gaussian of angular width σ_θ = (σ/R)/sin ψ (the
 * offset σ taken across an arm of pitch ψ, tan ψ = 1/k), shifted by θ_corr (the Gaussian convolved with the uniform
 * distribution on [0, W], W = 2π e^(−0.35 R)), wrapped onto one turn. Each P integrates to 1 over a turn, so the
 * ring average of A is exactly 1: the arms move ρ(R) in azimuth and keep FK06's radial profile. Where this density
 * departs from FK06's sampling: the offset is a Gaussian across the arm rather than FK06's isotropic kick (its
 * along-arm part does not change the density of an arm), and ρ is not re-weighted for the arms' radial overlap.
 *
 * <p>Frame: FK06 measure θ counter-clockwise seen from the north with the Sun at θ = π/2, i.e. at (0, R☉); the frame
 * of {@code field.FieldVector3} has the Sun at φ = π, so φ = θ + π/2. This puts the Carina–Sagittarius arm about
 * 1 kpc inside the Sun and the Perseus arm about 2 kpc outside it, and makes the arms trail (φ grows outwards along
 * an arm) as JF12's do.
 *
 * @param a          radial power a of ρ(R)
 * @param b          radial exponent b of ρ(R)
 * @param r1Kpc      radial offset R1 of ρ(R) (kpc)
 * @param rSunKpc    R☉ of ρ(R) (kpc)
 * @param z0Kpc      scale height of e^(−|z|/z0) (kpc)
 * @param armWidth   σ/R, the displacement off an arm per unit radius
 * @param alphaInj   injection index: spectrum (p/p0)^(−αinj)
 * @param p0GeV      reference momentum of the spectrum (GeV)
 */
public record SpiralArmSource(double a, double b, double r1Kpc, double rSunKpc, double z0Kpc, double armWidth,
                              double alphaInj, double p0GeV) implements Source3D {
    public static final String MODEL = "fk06-arms";

    /** k of each arm (FK06 Table 2): Norma, Carina–Sagittarius, Perseus, Crux–Scutum. */
    private static final double[] ARM_K = {4.25, 4.25, 4.89, 4.89};
    /** r0 of each arm (kpc). */
    private static final double[] ARM_R0_KPC = {3.48, 3.48, 4.90, 4.90};
    /** θ0 of each arm (rad). */
    private static final double[] ARM_THETA0 = {1.57, 4.71, 4.09, 0.95};
    /** 1/0.35: the e-folding radius of FK06's central azimuth smearing (kpc). */
    private static final double CORRECTION_RADIUS_KPC = 1 / 0.35;

    /** FK06 with the injection spectrum (p/1 GeV)^(−αinj). */
    public static SpiralArmSource fk06(double alphaInj) {
        return new SpiralArmSource(1.64, 4.01, 0.55, 8.5, 0.05, 0.07, alphaInj, 1.0);
    }

    public static int arms() { return ARM_K.length; }

    @Override public String name() { return MODEL; }

    @Override public double spectrum(double pGeV) { return Math.pow(pGeV / p0GeV, -alphaInj); }

    @Override public double spatial(double xKpc, double yKpc, double zKpc) {
        double rKpc = Math.sqrt(xKpc * xKpc + yKpc * yKpc);
        return radial(rKpc) * armFactor(xKpc, yKpc) * Math.exp(-Math.abs(zKpc) / z0Kpc);
    }

    /** ρ(R) of Yusifov &amp; Küçük 2004, 1 at R☉: the ring average of the source on the plane. */
    public double radial(double rKpc) {
        return Math.pow((rKpc + r1Kpc) / (rSunKpc + r1Kpc), a) * Math.exp(-b * (rKpc - rSunKpc) / (rSunKpc + r1Kpc));
    }

    /** A(R, φ): the arms' azimuthal redistribution, ring average 1. On the axis, where φ is undefined, 1. */
    public double armFactor(double xKpc, double yKpc) {
        double rKpc = Math.sqrt(xKpc * xKpc + yKpc * yKpc);
        if (rKpc == 0) {
            return 1;
        }
        double theta = Math.atan2(yKpc, xKpc) - Math.PI / 2;
        double shift = 2 * Math.PI * Math.exp(-rKpc / CORRECTION_RADIUS_KPC);
        double sum = 0;
        for (int arm = 0; arm < ARM_K.length; arm++) {
            double k = ARM_K[arm];
            double sinPitch = 1 / Math.sqrt(1 + k * k);
            double width = armWidth / sinPitch;
            double offset = theta - (k * Math.log(rKpc / ARM_R0_KPC[arm]) + ARM_THETA0[arm]);
            sum += wrappedAzimuth(Math.IEEEremainder(offset, 2 * Math.PI), width, shift);
        }
        return 2 * Math.PI / ARM_K.length * sum;
    }

    /**
     * The density of θ − θ_arm = g + s on one turn, g Gaussian of width σ and s uniform on [0, W ≤ 2π], at an offset
     * in [−π, π]: summed over the images of as many turns as reach 6σ (one either side for FK06's σ ≈ 0.3 rad).
     */
    static double wrappedAzimuth(double offset, double sigma, double shift) {
        int turns = 1 + (int) Math.ceil(6 * sigma / (2 * Math.PI));
        double p = 0;
        for (int turn = -turns; turn <= turns + 1; turn++) {
            double u = offset + 2 * Math.PI * turn;
            if (shift < 1e-3 * sigma) {
                double t = (u - shift / 2) / sigma;
                p += Math.exp(-0.5 * t * t) / (Math.sqrt(2 * Math.PI) * sigma);
            } else {
                p += (normalCdf(u / sigma) - normalCdf((u - shift) / sigma)) / shift;
            }
        }
        return p;
    }

    /**
     * Φ(x) through erf of Abramowitz &amp; Stegun 1964, eq. 7.1.26 (absolute error ≤ 1.5e-7): a source shape needs no
     * more, and Java has no erf.
     */
    static double normalCdf(double x) {
        double u = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * u);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-u * u);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
