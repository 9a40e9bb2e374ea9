package org.anisocr.analysis.sky;

import java.util.Arrays;

/**
 * The γ-ray intensity of one direction, I_e(ℓ, b) = (1/4π) ∫ ε_e(r(s)) ds [cm⁻² s⁻¹ sr⁻¹ MeV⁻¹], from the observer
 * at (−R☉, 0, z☉) to where the ray leaves the model's cylinder (|z| = H or R = R_max). q_γ is the emissivity per H
 * atom into all directions and emission is isotropic, hence the 1/4π per steradian.
 *
 * <p>Quadrature: the ray is cut at the field's {@link EmissivityField#breakpoints breakpoints} (cell faces, the
 * closest approach to the axis), each piece into parts no longer than {@code maxStepKpc}, and each part gets
 * Gauss–Legendre with {@code gaussPoints} nodes. Between breakpoints a bilinear field is smooth in s, so the error
 * falls like the step to the power 2·gaussPoints; no sample ever straddles a kink.
 */
public final class LineOfSight {
    /**
     * cm per kpc: 1 pc = (648 000/π) au with the au fixed at 149 597 870 700 m (IAU 2012 Resolution B2, IAU 2015
     * Resolution B2).
     */
    public static final double CM_PER_KPC = 648_000 / Math.PI * 1.495_978_707e13 * 1e3;
    /** GeV⁻¹ → MeV⁻¹: the unit Fermi-LAT diffuse models are given in. */
    static final double GEV_PER_MEV = 1e-3;

    /** Gauss–Legendre nodes on [−1, 1] and weights, orders 1 to 4 (Abramowitz &amp; Stegun 1964, Table 25.4). */
    private static final double[][] GL_NODES = {
            {0},
            {-0.577_350_269_189_625_8, 0.577_350_269_189_625_8},
            {-0.774_596_669_241_483_4, 0, 0.774_596_669_241_483_4},
            {-0.861_136_311_594_052_6, -0.339_981_043_584_856_3, 0.339_981_043_584_856_3, 0.861_136_311_594_052_6}};
    private static final double[][] GL_WEIGHTS = {
            {2},
            {1, 1},
            {5.0 / 9, 8.0 / 9, 5.0 / 9},
            {0.347_854_845_137_453_9, 0.652_145_154_862_546_1, 0.652_145_154_862_546_1, 0.347_854_845_137_453_9}};

    /**
     * Where the observer stands and how finely the rays are sampled.
     *
     * @param rSunKpc     the observer's Galactocentric radius R☉
     * @param zSunKpc     the observer's height above the plane z☉
     * @param maxStepKpc  the longest quadrature part between breakpoints
     * @param gaussPoints Gauss–Legendre nodes per part, 1 to 4
     */
    public record Settings(double rSunKpc, double zSunKpc, double maxStepKpc, int gaussPoints) {
        /**
         * The maps' default: parts of at most 0.05 kpc with 2 nodes. On the paper's 0.1 kpc grid that changes the
         * maps by less than 1e-5 relative against 0.0125 kpc and 4 nodes (LineOfSightTest, docs/validation.md).
         */
        public static Settings of(double rSunKpc, double zSunKpc) {
            return new Settings(rSunKpc, zSunKpc, 0.1, 2);
        }

        public Settings {
            if (!(rSunKpc >= 0) || !Double.isFinite(rSunKpc) || !Double.isFinite(zSunKpc)) {
                throw new IllegalArgumentException("observer needs a finite R☉ ≥ 0 and z☉, got " + rSunKpc + ", "
                        + zSunKpc);
            }
            if (!(maxStepKpc > 0) || gaussPoints < 1 || gaussPoints > GL_NODES.length) {
                throw new IllegalArgumentException("need a step > 0 and 1 to 4 Gauss points, got " + maxStepKpc
                        + ", " + gaussPoints);
            }
        }
    }

    private final EmissivityField field;
    private final Settings settings;

    public LineOfSight(EmissivityField field, Settings settings) {
        this.field = field;
        this.settings = settings;
    }

    public int energyCount() { return field.energyCount(); }

    public Settings settings() { return settings; }

    /** I_e in cm⁻² s⁻¹ sr⁻¹ MeV⁻¹ towards Galactic (ℓ, b) in radians. */
    public double[] intensity(double longitudeRad, double latitudeRad) {
        double[] out = new double[field.energyCount()];
        intensity(longitudeRad, latitudeRad, out, new Breakpoints());
        return out;
    }

    /**
     * I_e into {@code out} (overwritten); {@code scratch} is the calling thread's buffer, reused between rays.
     */
    public void intensity(double longitudeRad, double latitudeRad, double[] out, Breakpoints scratch) {
        Arrays.fill(out, 0);
        Ray ray = Ray.fromObserver(settings.rSunKpc(), settings.zSunKpc(), longitudeRad, latitudeRad);
        double[] span = insideCylinder(ray, field.rMaxKpc(), field.halfHeightKpc());
        if (span == null) {
            return;
        }
        scratch.clear();
        scratch.add(span[0]);
        field.breakpoints(ray, span[0], span[1], scratch);
        scratch.add(span[1]);
        scratch.sort();
        double[] nodes = GL_NODES[settings.gaussPoints() - 1];
        double[] weights = GL_WEIGHTS[settings.gaussPoints() - 1];
        for (int k = 0; k + 1 < scratch.size(); k++) {
            double a = scratch.get(k);
            double length = scratch.get(k + 1) - a;
            if (!(length > 0)) {
                continue;
            }
            int parts = (int) Math.ceil(length / settings.maxStepKpc());
            double h = length / parts;
            for (int p = 0; p < parts; p++) {
                double mid = a + (p + 0.5) * h;
                for (int g = 0; g < nodes.length; g++) {
                    double s = mid + 0.5 * h * nodes[g];
                    field.accumulate(ray.x(s), ray.y(s), ray.z(s), 0.5 * h * weights[g], out);
                }
            }
        }
        double scale = CM_PER_KPC * GEV_PER_MEV / (4 * Math.PI);
        for (int e = 0; e < out.length; e++) {
            out[e] *= scale;
        }
    }

    /**
     * The part [s_in, s_out] of the ray (s ≥ 0) inside the cylinder R ≤ rMax, |z| ≤ H, or null when it misses it.
     */
    static double[] insideCylinder(Ray ray, double rMaxKpc, double halfHeightKpc) {
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        if (ray.dz() != 0) {
            double s1 = (-halfHeightKpc - ray.z0Kpc()) / ray.dz();
            double s2 = (halfHeightKpc - ray.z0Kpc()) / ray.dz();
            lo = Math.max(lo, Math.min(s1, s2));
            hi = Math.min(hi, Math.max(s1, s2));
        } else if (Math.abs(ray.z0Kpc()) > halfHeightKpc) {
            return null;
        }
        double a = ray.dx() * ray.dx() + ray.dy() * ray.dy();
        double b = ray.x0Kpc() * ray.dx() + ray.y0Kpc() * ray.dy();
        double c = ray.x0Kpc() * ray.x0Kpc() + ray.y0Kpc() * ray.y0Kpc() - rMaxKpc * rMaxKpc;
        if (a > 0) {
            double disc = b * b - a * c;
            if (disc < 0) {
                return null;
            }
            double root = Math.sqrt(disc);
            lo = Math.max(lo, (-b - root) / a);
            hi = Math.min(hi, (-b + root) / a);
        } else if (c > 0) {
            return null;
        }
        return hi > lo ? new double[] {lo, hi} : null;
    }
}
