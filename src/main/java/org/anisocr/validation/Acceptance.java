package org.anisocr.validation;

import org.anisocr.grid.Geometry;
import org.anisocr.validation.GreenFunctionValidation.Case;

/**
 * The acceptance bounds of the validation, in one place: `anisocr validate` and the JUnit tests both check these.
 * Error bounds for the Green-function tests are the measured values (docs/validation.md) plus a margin of
 * about 25–35 %; order bounds sit below the measured orders by about 0.1 (G2 is pre-asymptotic on 51→101).
 * None of them would pass with a wrong sign of the mixed term, a missing drift or a first-order stencil.
 */
public final class Acceptance {
    private Acceptance() {}

    /** P1–P3: relative L2 error on 121² (docs/physics.md §5). */
    public static final double P_L2_AT_121 = 1e-3;
    /** P1–P3: observed L2 order between successive grids from 61² on (the scheme is second order, measured
     *  ≈ 1.95–2.00; docs/physics.md §5). */
    public static final double P_ORDER_MIN = 1.9;
    /** Split-scheme fixed point: observed order of its distance to the direct steady state in dt. */
    public static final double SPLIT_DT_ORDER_MIN = 0.9;
    public static final double SPLIT_DT_ORDER_MAX = 1.1;
    /** Split-scheme fixed point: the march counts as converged when the relative change per step is below this. */
    public static final double SPLIT_TOLERANCE = 1e-12;

    /** Green-function refinement (fixed Δ): L2 bound on 101² and on 201², observed order 51→101 and 101→201. */
    public static double gL2At101(Case c) {
        return switch (c) { case G1, G1_CYL -> 3e-3; case G2 -> 2e-2; case G3 -> 4e-3; default -> Double.NaN; };
    }
    public static double gL2At201(Case c) {
        return switch (c) { case G1, G1_CYL -> 7.5e-4; case G2 -> 5e-3; case G3 -> 1e-3; default -> Double.NaN; };
    }
    public static double gOrderCoarse(Case c) { return c == Case.G2 ? 1.55 : 1.9; }
    public static double gOrderFine(Case c) { return c == Case.G2 ? 1.8 : 1.9; }
    /** Paper set-up (101², Δ = h, dt = 0.001 Myr): worst L2 error over the times. */
    public static double gPaperL2At101(Case c) {
        return switch (c) { case G1, G1_CYL -> 0.09; case G2 -> 0.27; case G3 -> 0.018; default -> Double.NaN; };
    }
    /** Mass drift of the pulse at the first time (before anything reaches a wall). */
    public static final double G_MASS_DRIFT = 1e-11;

    /** Isotropy, symmetry, D0 scaling: relative differences at round-off. */
    public static final double ROUND_OFF = 1e-11;
    /** Zero source: the solution must be exactly zero. */
    public static final double ZERO = 0;
    /** Steady mass balance for tensors with D_Rz = 0 (exactly conservative stencil). */
    public static final double BALANCE_EXACT = 1e-11;

    /** Steady mass balance for the X-like odd-radial field (D_Rz ≠ 0): observed order between 61² and 121². */
    public static final double BALANCE_ORDER_MIN = 1.8;
    /** Steady mass balance for the odd-radial field on 121² (measured 1.40e-4 cylindrical, 7.1e-5 slab). */
    public static double balanceOddRadialAt121(Geometry g) {
        return g == Geometry.CYLINDRICAL ? 2e-4 : 1e-4;
    }

    /** M3D (3D manufactured solution): L2 error on 65³ (measured 4.30e-4) and observed L2 order to 33³ and 65³
     *  (measured 1.94, 1.98). */
    public static final double M3D_L2_AT_65 = 5.5e-4;
    public static final double M3D_ORDER_MIN = 1.9;
    /** G3D (3D steady Green's function): L2 error on 65³ (measured 7.06e-4); observed L2 order to 65³ (measured
     *  1.92, still pre-asymptotic across the source's 0.22 kpc narrow width) and to 129³ (measured 1.97). */
    public static final double G3D_L2_AT_65 = 9e-4;
    public static final double G3D_ORDER_MIN_TO_65 = 1.85;
    public static final double G3D_ORDER_MIN_TO_129 = 1.9;
    /** axisym-3d (R_max = 20 kpc, H = 4 kpc): max |N3D − N2D| / max N2D over R ≤ 0.8 R_max at h = 0.25 kpc (the
     *  1 % the 3D design asks for; measured 0.35 %) and at h = 0.5 kpc (measured 1.37 %), its observed order
     *  (measured 1.88, 1.95), and the relative difference at R = 8.5 kpc on the plane at h = 0.25 kpc (measured
     *  3.0e-4). */
    public static final double AXISYM_MAX_AT_QUARTER_KPC = 0.01;
    public static final double AXISYM_MAX_AT_HALF_KPC = 0.018;
    public static final double AXISYM_ORDER_MIN = 1.8;
    public static final double AXISYM_SUN_AT_QUARTER_KPC = 1e-3;
    /** mirror-3d: N(M x) − N(x) for a symmetry M of field and source, relative to max N: the solver's tolerance
     *  (measured ≤ 1.5e-15, and 1.1e-12 for the quarter-turn, which the multigrid smoother's line order breaks). */
    public static final double MIRROR_3D = 1e-10;
    /** jf12-field: against CRPropa per component / |B| (measured 2.7e-15), angles in degrees (measured ≤ 3e-14),
     *  |∇·B| · 1 kpc / |B| (measured 1.7e-12: the differences' truncation), the net flux through R = 5 kpc (paper
     *  §5.1: zero up to the rounding of the published b_j, which gives −0.0048) and its agreement with the value
     *  computed from Table 1 alone (measured 2.4e-6, the midpoint rule's error at the arm boundaries). */
    public static final double JF12_CRPROPA = 1e-12;
    public static final double JF12_ANGLE_DEG = 1e-10;
    public static final double JF12_DIVERGENCE = 1e-8;
    public static final double JF12_NET_FLUX = 0.01;
    public static final double JF12_FLUX_VS_TABLE = 1e-4;
}
