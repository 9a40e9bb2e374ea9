package org.anisocr.analysis.gamma;

/**
 * q_γ(E_γ) = 4π ∫ J_p(T) ε(T) dσ/dE_γ(T, E_γ) dT, the γ-ray emissivity per hydrogen atom [s⁻¹ GeV⁻¹], as a fixed
 * quadrature: the integral runs in ln T over T_th … 1 PeV ({@code perDecade} nodes a decade, trapezoid), so the
 * weights W_jk = 4π ε(T_k) dσ/dE_γ(T_k, E_j) T_k Δ(ln T)_k [cm²] are computed once and q_j = Σ_k W_jk J(T_k) for
 * every grid node. dσ/dE_γ vanishes continuously at the kinematic limit, so no node needs the exact lower bound.
 * J_p in cm⁻² sr⁻¹ s⁻¹ GeV⁻¹.
 */
public final class GammaEmissivity {
    static final double MB_TO_CM2 = 1e-27;
    /** Upper end of the proton integral [GeV]: K14 is fitted to 1 PeV. */
    static final double T_TOP_GEV = 1e6;

    private final double[] eGammaGeV;
    private final double[] tGeV;
    private final double[][] weight;

    public GammaEmissivity(
            PionDecayCrossSection xs, NuclearEnhancement enhancement, double[] eGammaGeV, int perDecade) {
        if (perDecade < 4) {
            throw new IllegalArgumentException("at least 4 proton energies per decade, got " + perDecade);
        }
        this.eGammaGeV = eGammaGeV.clone();
        double lo = Math.log(PionDecayCrossSection.T_TH);
        double hi = Math.log(T_TOP_GEV);
        int n = (int) Math.ceil((hi - lo) / Math.log(10) * perDecade) + 1;
        double h = (hi - lo) / (n - 1);
        tGeV = new double[n];
        for (int k = 0; k < n; k++) {
            tGeV[k] = Math.exp(lo + k * h);
        }
        weight = new double[eGammaGeV.length][n];
        for (int k = 0; k < n; k++) {
            double t = tGeV[k];
            double w = 4 * Math.PI * enhancement.at(t) * t * h * (k == 0 || k == n - 1 ? 0.5 : 1) * MB_TO_CM2;
            for (int j = 0; j < eGammaGeV.length; j++) {
                weight[j][k] = w * xs.dSigmaDEgammaMbPerGeV(t, eGammaGeV[j]);
            }
        }
    }

    /** The proton kinetic energies [GeV] at which {@link #emissivity} wants J_p. */
    public double[] kineticEnergiesGeV() { return tGeV.clone(); }

    /** Proton momenta [GeV] of those energies: p = sqrt(T (T + 2 m_p)). */
    public double[] momentaGeV() {
        double[] p = new double[tGeV.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.sqrt(tGeV[k] * (tGeV[k] + 2 * PionDecayCrossSection.M_P));
        }
        return p;
    }

    public double[] photonEnergiesGeV() { return eGammaGeV.clone(); }

    /** q_γ(E_j) [s⁻¹ GeV⁻¹ per H atom] for J_p given at {@link #kineticEnergiesGeV()} [cm⁻² sr⁻¹ s⁻¹ GeV⁻¹]. */
    public double[] emissivity(double[] jAtT) {
        if (jAtT.length != tGeV.length) {
            throw new IllegalArgumentException("J has " + jAtT.length + " values, the quadrature " + tGeV.length);
        }
        double[] q = new double[eGammaGeV.length];
        for (int j = 0; j < q.length; j++) {
            double sum = 0;
            double[] w = weight[j];
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * jAtT[k];
            }
            q[j] = sum;
        }
        return q;
    }
}
