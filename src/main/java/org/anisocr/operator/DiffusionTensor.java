package org.anisocr.operator;


/**
 * D∥(p) = D0 (p/p0)^δ∥ and D⊥(p) = εD D0 (p/p0)^δ⊥ (docs/physics.md eq. 3); uniform in space.
 * The tensor at a point is D_ij = D⊥ δ_ij + (D∥ − D⊥) b_i b_j, so per momentum only the two
 * scalars {@link #perpendicular} and {@link #anisotropic} change; the rest lives in {@link FieldDirection}.
 */
public record DiffusionTensor(double d0Kpc2PerMyr, double deltaPar, double deltaPerp, double epsD, double p0GeV) {

    /** 1 kpc²/Myr in cm²/s. */
    public static final double CM2_PER_S_PER_KPC2_PER_MYR = 3.0172e29;

    public double parallel(double pGeV) { return d0Kpc2PerMyr * Math.pow(pGeV / p0GeV, deltaPar); }

    public double perpendicular(double pGeV) { return epsD * d0Kpc2PerMyr * Math.pow(pGeV / p0GeV, deltaPerp); }

    /** D∥ − D⊥: the coefficient of b_i b_j. */
    public double anisotropic(double pGeV) { return parallel(pGeV) - perpendicular(pGeV); }

    public DiffusionTensor withD0(double d0Kpc2PerMyr) {
        return new DiffusionTensor(d0Kpc2PerMyr, deltaPar, deltaPerp, epsD, p0GeV);
    }
}
