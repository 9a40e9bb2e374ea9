package org.anisocr.analysis.sky;

/**
 * γ-ray emissivity per unit volume, ε_e(x, y, z) = q_γ(E_e, r) n_H(r) [photons cm⁻³ s⁻¹ GeV⁻¹], at a fixed list of
 * photon energies, in the Galactocentric frame of this package (kpc). It is zero outside the model's cylinder
 * R ≤ R_max, |z| ≤ H. The 2D models give {@link AxisymmetricEmissivity}; a 3D model's field plugs in the same way
 * (trilinear on its box, its breakpoints the crossings of its grid planes).
 *
 * <p>Implementations are read-only after construction: {@link LineOfSight} calls them from many threads.
 */
public interface EmissivityField {
    /** How many photon energies each sample carries. */
    int energyCount();

    /** Radius of the model's cylinder (kpc): the emissivity is zero beyond it. */
    double rMaxKpc();

    /** Half-height of the model's cylinder (kpc): the emissivity is zero at |z| &gt; H. */
    double halfHeightKpc();

    /**
     * Adds to {@code out} the distances s ∈ (s0, s1) along {@code ray} where the field is not smooth (faces of the
     * interpolation cells, surfaces of a body), in any order. Between two of them the quadrature of
     * {@link LineOfSight} treats the integrand as smooth.
     */
    void breakpoints(Ray ray, double s0, double s1, Breakpoints out);

    /** acc[e] += weight · ε_e(x, y, z) for every energy e. */
    void accumulate(double xKpc, double yKpc, double zKpc, double weight, double[] acc);
}
