package org.anisocr.analysis.gamma;

/**
 * The event generator K14 fitted above a few tens of GeV (K14 §IV, Tables IV–VII). Below {@link #aboveGeV} every model
 * uses the Geant4 fit (and below 2 GeV the experimental one-/two-pion cross-sections). Each model brings its π⁰
 * multiplicity (a1 … a5), its peak A_max (b1, b2, b3), and the high-energy shape F = (1 − √X)^β / (1 + X/C) with
 * C = λ m_π / Y_max.
 */
public enum HadronicModel {
    GEANT4(
            Double.POSITIVE_INFINITY,
            new double[] {0.728, 0.596, 0.491, 0.2503, 0.117},
            new double[] {9.13, 0.35, 9.7e-3},
            Double.NaN,
            3.0),
    PYTHIA8(50, new double[] {0.652, 0.0016, 0.488, 0.1928, 0.483}, new double[] {9.06, 0.3795, 0.01105}, 4.0, 3.5),
    SIBYLL(100, new double[] {5.436, 0.254, 0.072, 0.075, 0.166}, new double[] {10.77, 0.412, 0.01264}, 3.6, 3.55),
    QGSJET(100, new double[] {0.908, 0.0009, 6.089, 0.176, 0.448}, new double[] {13.16, 0.4419, 0.01439}, 4.5, 3.55);

    /** Proton kinetic energy [GeV] above which this model's own fit is used (Geant4 below). */
    final double aboveGeV;
    /** ⟨n_π⁰⟩ = a1 ξ^a4 (1 + e^(−a2 ξ^a5)) (1 − e^(−a3 ξ^(1/4))), ξ = (T − 3 GeV)/m_p. */
    final double[] multiplicity;
    /** A_max = b1 θ^(−b2) e^(b3 ln²θ) σ_π / m_p, θ = T/m_p. */
    final double[] peak;
    /** Exponent β of the high-energy shape (Geant4 uses 4.2 for 20–100 GeV and 4.9 above, see the cross-section). */
    final double shapeBeta;
    /** λ in C = λ m_π / Y_max. */
    final double lambda;

    HadronicModel(double aboveGeV, double[] multiplicity, double[] peak, double shapeBeta, double lambda) {
        this.aboveGeV = aboveGeV;
        this.multiplicity = multiplicity;
        this.peak = peak;
        this.shapeBeta = shapeBeta;
        this.lambda = lambda;
    }

    /** Proton kinetic energy [GeV] above which this model's own fit replaces Geant4 (infinite for Geant4). */
    public double aboveGeV() { return aboveGeV; }
}
