package org.anisocr.gas;

/**
 * Atomic hydrogen as GALPROP builds it by default (nH.cc, function nHI; Moskalenko et al. 2002, ApJ 565, 280, §2):
 * n_HI(R, z) = Y(R) / n_GB · f(R, z).
 * <ul>
 *   <li>Y(R): the mid-plane density of Gordon &amp; Burton 1976 (ApJ 208, 346), Table 1, column 3, given per ring
 *       of column 1 (first ring 0–2 kpc, then 0.5 kpc rings to 16 kpc); the table's nodes are the ring centres,
 *       interpolated linearly between them, flat inside the first centre, and beyond the last centre
 *       Y = Y_last · exp(−(R − R_last) / {@code tailScaleKpc}) with a 3 kpc scale (GALPROP's extrapolation).</li>
 *   <li>n_GB = 0.33 cm⁻³: Gordon &amp; Burton's mean disk density at 4–8 kpc, so that Y / n_GB is a shape.</li>
 *   <li>f(R, z): Dickey &amp; Lockman 1990 (ARA&amp;A 28, 215, Table 2) for R ≤ 8 kpc, Cox, Krügel &amp; Mezger 1986
 *       (A&amp;A 155, 380) for R ≥ 10 kpc, linear in R between. The DL90 profile integrates to 6.2e20 cm⁻² (their
 *       mean HI column at 4–8 kpc), which is how the whole model is normalised.</li>
 * </ul>
 *
 * @param midplaneRingsPerCm3 Y(R) on the ring centres (cm⁻³)
 * @param diskMeanPerCm3      n_GB (cm⁻³)
 * @param tailScaleKpc        exponential scale beyond the last ring centre (kpc)
 * @param inner               vertical profile inside {@code blendFromKpc}
 * @param outer               vertical profile outside {@code blendToKpc}
 * @param blendFromKpc        where the linear blend of the two profiles starts (kpc)
 * @param blendToKpc          where it ends (kpc)
 */
public record AtomicHydrogen(RadialTable midplaneRingsPerCm3, double diskMeanPerCm3, double tailScaleKpc,
                             DickeyLockman1990 inner, CoxKrugelMezger1986 outer, double blendFromKpc,
                             double blendToKpc) {
    /** Gordon &amp; Burton 1976, Table 1, column 1: ring boundaries (kpc), as GALPROP's nHI lists them. */
    static final double[] GB76_RING_EDGES_KPC = {
        0.0, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 11.0,
        11.5, 12.0, 12.5, 13.0, 13.5, 14.0, 14.5, 15.0, 15.5, 16.0};

    /**
     * Gordon &amp; Burton 1976, Table 1, column 3: n_HI (cm⁻³) of the ring that starts at the same index of
     * {@link #GB76_RING_EDGES_KPC}; the last entry (0 at 16 kpc) closes the table and is not a ring.
     */
    static final double[] GB76_DENSITY_PER_CM3 = {
        .10, .13, .14, .16, .19, .25, .30, .33, .32, .31,
        .30, .37, .38, .36, .32, .29, .38, .40, .25, .23,
        .32, .36, .32, .25, .16, .10, .09, .08, .06, .00};

    public AtomicHydrogen {
        if (!(diskMeanPerCm3 > 0) || !(tailScaleKpc > 0) || !(blendToKpc > blendFromKpc)) {
            throw new IllegalArgumentException("HI model needs n_GB > 0, a tail scale > 0 and blendTo > blendFrom");
        }
    }

    /** GALPROP's default n_HI (nH.cc, nHI): GB76 rings, DL90 inside 8 kpc, CKM86 outside 10 kpc. */
    public static AtomicHydrogen gordonBurton1976() {
        int rings = GB76_RING_EDGES_KPC.length - 1;
        double[] centres = new double[rings];
        double[] density = new double[rings];
        for (int i = 0; i < rings; i++) {
            centres[i] = 0.5 * (GB76_RING_EDGES_KPC[i] + GB76_RING_EDGES_KPC[i + 1]);
            density[i] = GB76_DENSITY_PER_CM3[i];
        }
        return new AtomicHydrogen(new RadialTable(centres, density), 0.33, 3.0, DickeyLockman1990.published(),
                CoxKrugelMezger1986.published(), 8.0, 10.0);
    }

    /** n_HI (cm⁻³). */
    public double densityPerCm3(double rKpc, double zKpc) {
        return radialShape(rKpc) * vertical(rKpc, zKpc);
    }

    /** Y(R) / n_GB: the mid-plane radial shape. */
    public double radialShape(double rKpc) {
        RadialTable t = midplaneRingsPerCm3;
        double y = rKpc > t.lastRKpc()
                ? t.valueAt(t.size() - 1) * Math.exp(-(rKpc - t.lastRKpc()) / tailScaleKpc)
                : t.at(rKpc);
        return y / diskMeanPerCm3;
    }

    /** f(R, z) (cm⁻³): DL90 inside, CKM86 outside, linear between. */
    public double vertical(double rKpc, double zKpc) {
        if (rKpc <= blendFromKpc) {
            return inner.densityPerCm3(zKpc);
        }
        double out = outer.densityPerCm3(rKpc, zKpc);
        if (rKpc >= blendToKpc) {
            return out;
        }
        double in = inner.densityPerCm3(zKpc);
        double w = (rKpc - blendFromKpc) / (blendToKpc - blendFromKpc);
        return in + w * (out - in);
    }

    /**
     * The HI vertical profile of Dickey &amp; Lockman 1990 (ARA&amp;A 28, 215, Table 2): two Gaussians (given by
     * their full widths at half maximum) and an exponential, n(z) = a1 e^(−ln2 (2z/w1)²) + a2 e^(−ln2 (2z/w2)²)
     * + b e^(−|z|/h). Mid-plane sum 0.566 cm⁻³, column 6.2e20 cm⁻².
     */
    public record DickeyLockman1990(double a1PerCm3, double fwhm1Kpc, double a2PerCm3, double fwhm2Kpc,
                                    double bPerCm3, double expScaleKpc) {
        public static DickeyLockman1990 published() {
            return new DickeyLockman1990(0.395, 0.212, 0.107, 0.530, 0.064, 0.403);
        }

        public double densityPerCm3(double zKpc) {
            double g1 = 2 * zKpc / fwhm1Kpc;
            double g2 = 2 * zKpc / fwhm2Kpc;
            double ln2 = Math.log(2);
            return a1PerCm3 * Math.exp(-ln2 * g1 * g1) + a2PerCm3 * Math.exp(-ln2 * g2 * g2)
                    + bPerCm3 * Math.exp(-Math.abs(zKpc) / expScaleKpc);
        }
    }

    /**
     * The outer-Galaxy HI profile after Cox, Krügel &amp; Mezger 1986 (A&amp;A 155, 380) as GALPROP uses it: a
     * Gaussian whose height flares with R, n(R, z) = n0 e^(−(z / (h0 e^(k R)))²), with n0 the DL90 local mid-plane
     * density 0.57 cm⁻³, h0 = 0.0523 kpc, k = 0.11 kpc⁻¹.
     */
    public record CoxKrugelMezger1986(double midplanePerCm3, double heightKpc, double flarePerKpc) {
        public static CoxKrugelMezger1986 published() {
            return new CoxKrugelMezger1986(0.57, 0.0523, 0.11);
        }

        public double densityPerCm3(double rKpc, double zKpc) {
            double u = zKpc / (heightKpc * Math.exp(flarePerKpc * rKpc));
            return midplanePerCm3 * Math.exp(-u * u);
        }
    }
}
