package org.anisocr.operator;

import org.anisocr.config.TableReader;

/**
 * D∥(p) = D0 (p/p0)^δ∥ and D⊥(p) = εD D0 (p/p0)^δ⊥ (SPEC eq. 3); uniform in space.
 * The tensor at a point is D_ij = D⊥ δ_ij + (D∥ − D⊥) b_i b_j, so per momentum only the two
 * scalars {@link #perpendicular} and {@link #anisotropic} change; the rest lives in {@link FieldDirection}.
 */
public record DiffusionTensor(double d0Kpc2PerMyr, double deltaPar, double deltaPerp, double epsD, double p0GeV) {

    /** 1 kpc²/Myr in cm²/s. */
    public static final double CM2_PER_S_PER_KPC2_PER_MYR = 3.0172e29;

    public static DiffusionTensor read(TableReader t) {
        double d0 = t.optDouble("D0_cm2_s", 1e28, 1e20, 1e35);
        return new DiffusionTensor(d0 / CM2_PER_S_PER_KPC2_PER_MYR,
                t.optDouble("delta_par", 0.3, -2, 2), t.optDouble("delta_perp", 0.5, -2, 2),
                t.optDouble("eps_D", 0.1, 1e-8, 1e4), t.optDouble("p0_GeV", 1, 1e-6, 1e9));
    }

    public double parallel(double pGeV) { return d0Kpc2PerMyr * Math.pow(pGeV / p0GeV, deltaPar); }

    public double perpendicular(double pGeV) { return epsD * d0Kpc2PerMyr * Math.pow(pGeV / p0GeV, deltaPerp); }

    /** D∥ − D⊥: the coefficient of b_i b_j. */
    public double anisotropic(double pGeV) { return parallel(pGeV) - perpendicular(pGeV); }

    public DiffusionTensor withD0(double d0Kpc2PerMyr) { return new DiffusionTensor(d0Kpc2PerMyr, deltaPar, deltaPerp, epsD, p0GeV); }
}
