package org.anisocr.gas;

/**
 * Molecular hydrogen as GALPROP builds it (nH.cc, function nH2; Moskalenko et al. 2002, ApJ 565, 280, §2):
 * n_H2(R, z) = ε_CO(R) · X_CO(R) / (1 kpc in cm) · exp(−ln2 ((z − z0(R)) / z_h(R))²), molecules per cm³, where
 * ε_CO is the CO volume emissivity (K km s⁻¹ kpc⁻¹), z0 the mid-plane offset and z_h the half width at half
 * maximum, all linear in R between the table's nodes, and n_H2 = 0 beyond the last node. Negative values (none
 * in the published tables) would be clipped to 0.
 *
 * <p>{@link #bronfman1988()} is the table of Bronfman et al. 1988 (ApJ 324, 248), Table 3, columns 1, 4, 7, 10
 * (2.25–9.75 kpc, with GALPROP's closing nodes at 0 and 10.25 kpc), GALPROP's original model. {@link #galprop()}
 * is GALPROP's current default (since v54): the same B88 columns in 2.25–9.75 kpc, inside 1.5 kpc the azimuthal
 * average of Ferrière et al. 2007 (A&amp;A 467, 611) at a fixed 70 pc half width, and from 10 to 21 kpc the outer
 * Galaxy of Wouterloot et al. 1990 (A&amp;A 230, 21); numbers as tabulated in GALPROP's nH.cc. GALPROP's note
 * there: its F07 entries are F07's surface density turned into a CO emissivity with X_CO = 5e19 and the 70 pc
 * width, so with X_CO = 1.9e20 the inner 1.5 kpc hold 3.8 times F07's H2 — GALPROP's choice, kept.
 *
 * @param coEmissivityKKmSPerKpc ε_CO(R), K km s⁻¹ kpc⁻¹
 * @param midplaneOffsetKpc      z0(R), kpc (same nodes)
 * @param halfWidthKpc           z_h(R), half width at half maximum, kpc (same nodes)
 * @param xCo                    the conversion factor X_CO(R)
 */
public record MolecularHydrogen(RadialTable coEmissivityKKmSPerKpc, RadialTable midplaneOffsetKpc,
                                RadialTable halfWidthKpc, XCo xCo) {
    /** One kpc in cm (IAU 2012 au, parsec = 648000/π au). */
    public static final double KPC_IN_CM = 3.085677581e21;

    public MolecularHydrogen {
        if (!coEmissivityKKmSPerKpc.sameNodes(midplaneOffsetKpc) || !coEmissivityKKmSPerKpc.sameNodes(halfWidthKpc)) {
            throw new IllegalArgumentException("the H2 tables must share their radial nodes");
        }
        for (int i = 0; i < halfWidthKpc.size(); i++) {
            if (!(halfWidthKpc.valueAt(i) > 0)) {
                throw new IllegalArgumentException("H2 half width must be > 0 at node " + i);
            }
        }
    }

    /** GALPROP's current default table (B88 + F07 inside 1.5 kpc + W90 outside 10 kpc) with the given X_CO. */
    public static MolecularHydrogen galprop(XCo xCo) {
        return new MolecularHydrogen(new RadialTable(GALPROP_R_KPC, GALPROP_CO), new RadialTable(GALPROP_R_KPC,
                GALPROP_Z0_KPC), new RadialTable(GALPROP_R_KPC, GALPROP_ZH_KPC), xCo);
    }

    /** {@link #galprop(XCo)} with X_CO = 1.9e20 (Strong &amp; Mattox 1996), GALPROP's default. */
    public static MolecularHydrogen galprop() {
        return galprop(XCo.strongMattox1996());
    }

    /** Bronfman et al. 1988, Table 3, alone (GALPROP's original nH2), X_CO = 1.9e20. */
    public static MolecularHydrogen bronfman1988() {
        return new MolecularHydrogen(new RadialTable(B88_R_KPC, B88_CO), new RadialTable(B88_R_KPC, B88_Z0_KPC),
                new RadialTable(B88_R_KPC, B88_ZH_KPC), XCo.strongMattox1996());
    }

    /** n_H2, molecules per cm³. */
    public double densityPerCm3(double rKpc, double zKpc) {
        if (rKpc > coEmissivityKKmSPerKpc.lastRKpc()) {
            return 0;
        }
        double u = (zKpc - midplaneOffsetKpc.at(rKpc)) / halfWidthKpc.at(rKpc);
        double n = coEmissivityKKmSPerKpc.at(rKpc) * Math.exp(-Math.log(2) * u * u) * xCo.cm2PerKKmS(rKpc)
                / KPC_IN_CM;
        return Math.max(n, 0);
    }

    /** B88 Table 3, column 1 (kpc), with GALPROP's closing nodes 0 and 10.25 kpc. */
    static final double[] B88_R_KPC = {
        0.00, 2.25, 2.75, 3.25, 3.75, 4.25, 4.75, 5.25, 5.75, 6.25, 6.75, 7.25, 7.75, 8.25, 8.75, 9.25, 9.75, 10.25};
    /** B88 Table 3, column 4: CO emissivity (K km s⁻¹ kpc⁻¹). */
    static final double[] B88_CO = {
        0.00, 1.5, 3.3, 5.8, 5.5, 8.4, 9.0, 9.6, 8.6, 9.1, 7.9, 9.2, 7.7, 5.0, 3.6, 4.8, 1.7, 0.0};
    /** B88 Table 3, column 7: mid-plane offset z0 (kpc). */
    static final double[] B88_Z0_KPC = {
        0.039, 0.039, 0.036, 0.000, -.008, 0.001, -.010, -.001, -.004, -.019, -.022, -.014, -.009, -.004, 0.013, -.004,
        -.020, -.020};
    /** B88 Table 3, column 10: half width at half maximum (kpc). */
    static final double[] B88_ZH_KPC = {
        0.077, 0.077, 0.080, 0.061, 0.065, 0.071, 0.072, 0.082, 0.083, 0.073, 0.063, 0.058, 0.072, 0.080, 0.066, 0.023,
        0.147, 0.147};

    /** GALPROP nH.cc (v54–56) nodes: F07 0–1.5 kpc, B88 2.25–9.75 kpc, W90 10–21 kpc. */
    static final double[] GALPROP_R_KPC = {
        0.00, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1.00, 1.10, 1.20, 1.30, 1.40, 1.50,
        2.25, 2.75, 3.25, 3.75, 4.25, 4.75, 5.25, 5.75, 6.25, 6.75, 7.25, 7.75, 8.25, 8.75, 9.25, 9.75,
        10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
    /** CO emissivity at {@link #GALPROP_R_KPC} (K km s⁻¹ kpc⁻¹). */
    static final double[] GALPROP_CO = {
        43.7, 24.5, 10.7, 1.6, 1.4, 1.5, 1.1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1,
        1.5, 3.3, 5.8, 5.5, 8.4, 9.0, 9.6, 8.6, 9.1, 7.9, 9.2, 7.7, 5.0, 3.6, 4.8, 1.7,
        0.4, 1.2, 1.0, 0.7, 0.3, 0.15, 0.09, 0.07, 0.05, 0.005, 0.008, 0.004};
    /** Mid-plane offset at {@link #GALPROP_R_KPC} (kpc). */
    static final double[] GALPROP_Z0_KPC = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0.039, 0.036, 0.000, -.008, 0.001, -.010, -.001, -.004, -.019, -.022, -.014, -.009, -.004, 0.013, -.004, -.020,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Half width at half maximum at {@link #GALPROP_R_KPC} (kpc). */
    static final double[] GALPROP_ZH_KPC = {
        0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070, 0.070,
        0.077, 0.080, 0.061, 0.065, 0.071, 0.072, 0.082, 0.083, 0.073, 0.063, 0.058, 0.072, 0.080, 0.066, 0.023, 0.147,
        0.111, 0.136, 0.147, 0.160, 0.223, 0.257, 0.220, 0.200, 0.188, 0.200, 0.200, 0.200};
}
