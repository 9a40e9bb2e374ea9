package org.anisocr.validation;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;

/**
 * The common set-up of the validation tests (docs/physics.md §5): Rmax = 2H = 4 kpc, D0 = 1e28 cm²/s, B0 = 10 µG,
 * two momentum bins (p = 1 and 10 GeV) with δ∥ = 0.3, δ⊥ = 0.5, so that the two bins have different
 * D∥ and D⊥/D∥ and every check is made for two genuinely different tensors.
 */
public final class ValidationModels {
    public static final double R_MAX_KPC = 4;
    public static final double HALF_HEIGHT_KPC = 2;
    public static final double D0_KPC2_PER_MYR = 1e28 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR;
    public static final double B0_MICRO_GAUSS = 10;
    public static final double DELTA_PAR = 0.3;
    public static final double DELTA_PERP = 0.5;
    public static final double EPS_D = 0.05;

    private ValidationModels() {}

    public static MomentumGrid momenta() { return new MomentumGrid(1, 10, 2); }

    public static DiffusionTensor tensor(double epsD) {
        return new DiffusionTensor(D0_KPC2_PER_MYR, DELTA_PAR, DELTA_PERP, epsD, 1);
    }

    public static SpatialGrid grid(Geometry geometry, int n) {
        return new SpatialGrid(geometry, R_MAX_KPC, HALF_HEIGHT_KPC, n, n);
    }
}
