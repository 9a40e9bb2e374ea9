package org.anisocr.analysis.gamma;

/**
 * dσ/dE_γ of p p → π⁰ X → γ γ X after Kafexhiu, Aharonian, Taylor &amp; Vila 2014, Phys. Rev. D 90, 123014 (K14),
 * from the kinematic threshold to PeV energies. Units: proton kinetic energy T and photon energy E_γ in GeV,
 * cross-sections in mb, dσ/dE_γ in mb/GeV. Equation numbers are K14's.
 * <pre>
 *   dσ/dE_γ = A_max(T) F(T, E_γ)                                                           (8)
 *   σ_inel  = [30.7 − 0.96 L + 0.18 L²] [1 − (T_th/T)^1.9]³ mb,  L = ln(T/T_th)             (1)
 *   σ_π     = σ_1π + σ_2π                      T &lt; 2 GeV  (one- and two-pion channels, eqs. 2–5)
 *           = σ_inel ⟨n_π⁰⟩                    T ≥ 2 GeV  (multiplicity: eqs. 6–7, Table IV)
 *   A_max   = b0 σ_π / E_π,max^LAB              T &lt; 1 GeV,  b0 = 5.9                        (12)
 *           = b1 θ^(−b2) e^(b3 ln²θ) σ_π / m_p  T ≥ 1 GeV,  θ = T/m_p  (Table VII)
 *   F       = (1 − X^α)^β / (1 + X/C)^γ,  X = (Y − m_π)/(Y_max − m_π),  Y = E_γ + m_π²/(4E_γ),  C = λ m_π/Y_max  (11)
 *             α, β, γ, λ per energy range and model (Table V, eqs. 13–14)
 * </pre>
 * T_th = 2 m_π + m_π²/(2 m_p) = 0.2797 GeV; Y_max uses E_γ,max from the π⁰ of maximum LAB energy (eqs. 9–10).
 * The model above 50 GeV (Pythia 8) or 100 GeV (SIBYLL, QGSJET) is a {@link HadronicModel}; Geant4 below.
 * Where the ranges meet the parametrisation has small steps, as published.
 *
 * <p>Sources of the numbers: K14's equations and tables as carried by the authors' own C library (LibppGam, Kafexhiu
 * 2014, updated 2021) and by independent public implementations, which agree on every coefficient used here. One
 * departure from LibppGam: its range guards for σ_1π and σ_2π ({@code (T <= T_th) && (T > 2)}) can never be true, so it
 * adds the one- and two-pion channels also above 2 GeV (+9 mb at 10 GeV, +30 %); we follow K14's piecewise σ_π (the
 * channels below 2 GeV, σ_inel ⟨n_π⁰⟩ above), as the independent implementations do.
 */
public record PionDecayCrossSection(HadronicModel model) {
    /** Proton and neutral pion masses [GeV] (PDG, as in K14). */
    public static final double M_P = 0.938272;
    public static final double M_PI = 0.134976;
    /** Kinematic threshold of π⁰ production [GeV]. */
    public static final double T_TH = 2 * M_PI + M_PI * M_PI / (2 * M_P);

    public static PionDecayCrossSection pythia8() { return new PionDecayCrossSection(HadronicModel.PYTHIA8); }

    /** Total inelastic p p cross-section [mb] (eq. 1). */
    public static double sigmaInelMb(double tGeV) {
        if (tGeV <= T_TH) {
            return 0;
        }
        double l = Math.log(tGeV / T_TH);
        double k = 1 - Math.pow(T_TH / tGeV, 1.9);
        return (30.7 - 0.96 * l + 0.18 * l * l) * k * k * k;
    }

    /** s = 2 m_p (T + 2 m_p) [GeV²]. */
    static double s(double tGeV) { return 2 * M_P * (tGeV + 2 * M_P); }

    /** Largest π⁰ energy in the LAB frame [GeV] (eq. 10). */
    public static double piMaxLabGeV(double tGeV) {
        double s = s(tGeV);
        double rs = Math.sqrt(s);
        double gammaCm = (tGeV + 2 * M_P) / rs;
        double ePiCm = (s - 4 * M_P * M_P + M_PI * M_PI) / (2 * rs);
        double pPiCm = Math.sqrt(Math.max(0, ePiCm * ePiCm - M_PI * M_PI));
        double betaCm = Math.sqrt(1 - 1 / (gammaCm * gammaCm));
        return gammaCm * (ePiCm + pPiCm * betaCm);
    }

    /** Largest γ-ray energy [GeV]: the forward photon of the most energetic π⁰ (eq. 9). */
    public static double gammaMaxGeV(double tGeV) {
        double g = piMaxLabGeV(tGeV) / M_PI;
        double b = Math.sqrt(Math.max(0, 1 - 1 / (g * g)));
        return 0.5 * M_PI * g * (1 + b);
    }

    /** p p → p p π⁰ [mb], T &lt; 2 GeV (eqs. 2–4: Breit–Wigner resonance M = 1.1883, Γ = 0.2264 GeV). */
    static double sigmaOnePionMb(double tGeV) {
        if (tGeV <= T_TH) {
            return 0;
        }
        double mRes = 1.1883;
        double wRes = 0.2264;
        double sigma0 = 7.66e-3;
        double s = s(tGeV);
        double rs = Math.sqrt(s);
        double a = s - M_PI * M_PI - 4 * M_P * M_P;
        double eta = Math.sqrt(Math.max(0, a * a - 16 * M_PI * M_PI * M_P * M_P)) / (2 * M_PI * rs);
        double g = Math.sqrt(mRes * mRes * (mRes * mRes + wRes * wRes));
        double k = Math.sqrt(8) * mRes * wRes * g / (Math.PI * Math.sqrt(mRes * mRes + g));
        double x = rs - M_P;
        double fbw = M_P * k / ((x * x - mRes * mRes) * (x * x - mRes * mRes) + mRes * mRes * wRes * wRes);
        return sigma0 * Math.pow(eta, 1.95) * (1 + eta + Math.pow(eta, 5)) * Math.pow(fbw, 1.86);
    }

    /** The two-pion channels [mb], 0.56 ≤ T &lt; 2 GeV (eq. 5). */
    static double sigmaTwoPionMb(double tGeV) {
        return tGeV < 0.56 ? 0 : 5.7 / (1 + Math.exp(-9.3 * (tGeV - 1.4)));
    }

    /** Mean π⁰ multiplicity, T ≥ 2 GeV (eqs. 6–7, Table IV). */
    public double multiplicity(double tGeV) {
        if (tGeV < 2) {
            return 0;
        }
        if (tGeV < 5) {
            double q = (tGeV - T_TH) / M_P;
            return -6e-3 + 0.237 * q - 0.023 * q * q;
        }
        double[] a = (tGeV > model.aboveGeV ? model : HadronicModel.GEANT4).multiplicity;
        double xi = (tGeV - 3) / M_P;
        return a[0]
                * Math.pow(xi, a[3])
                * (1 + Math.exp(-a[1] * Math.pow(xi, a[4])))
                * (1 - Math.exp(-a[2] * Math.pow(xi, 0.25)));
    }

    /** π⁰ production cross-section σ_π [mb]. */
    public double sigmaPi0Mb(double tGeV) {
        if (tGeV <= T_TH) {
            return 0;
        }
        if (tGeV < 2) {
            return sigmaOnePionMb(tGeV) + sigmaTwoPionMb(tGeV);
        }
        return sigmaInelMb(tGeV) * multiplicity(tGeV);
    }

    /** Peak value A_max of dσ/dE_γ [mb/GeV] (eq. 12, Table VII). */
    public double peakMbPerGeV(double tGeV) {
        if (tGeV <= T_TH) {
            return 0;
        }
        double sigmaPi = sigmaPi0Mb(tGeV);
        if (tGeV < 1) {
            return 5.9 * sigmaPi / piMaxLabGeV(tGeV);
        }
        double[] b = tGeV < 5 ? new double[] {9.53, 0.52, 0.054}
                : (tGeV > model.aboveGeV ? model : HadronicModel.GEANT4).peak;
        double theta = tGeV / M_P;
        double lt = Math.log(theta);
        return b[0] * Math.pow(theta, -b[1]) * Math.exp(b[2] * lt * lt) * sigmaPi / M_P;
    }

    /** Shape F(T, E_γ) ∈ [0, 1] (eq. 11, Table V); 0 outside the kinematic range. */
    public double shape(double tGeV, double eGammaGeV) {
        if (tGeV <= T_TH || !(eGammaGeV > 0)) {
            return 0;
        }
        double eMax = gammaMaxGeV(tGeV);
        double yMax = eMax + M_PI * M_PI / (4 * eMax);
        double y = eGammaGeV + M_PI * M_PI / (4 * eGammaGeV);
        double x = (y - M_PI) / (yMax - M_PI);
        if (!(x >= 0 && x < 1)) {
            return 0;
        }
        double theta = tGeV / M_P;
        if (tGeV < 1) {
            return Math.pow(1 - x, 3.29 - 0.2 * Math.pow(theta, -1.5));
        }
        if (tGeV > model.aboveGeV) {
            return Math.pow(1 - Math.sqrt(x), model.shapeBeta) / (1 + x / (model.lambda * M_PI / yMax));
        }
        double c = 3.0 * M_PI / yMax; // Geant4: λ = 3
        if (tGeV <= 20) {
            double q = (tGeV - 1) / M_P;
            double mu = 1.25 * Math.pow(q, 1.25) * Math.exp(-1.25 * q);
            double beta = tGeV <= 4 ? mu + 2.45 : 1.5 * mu + 4.95;
            double gamma = tGeV <= 4 ? mu + 1.45 : mu + 1.5;
            return Math.pow(1 - x, beta) / Math.pow(1 + x / c, gamma);
        }
        return Math.pow(1 - Math.sqrt(x), tGeV <= 100 ? 4.2 : 4.9) / (1 + x / c);
    }

    /** dσ/dE_γ [mb/GeV] for one proton of kinetic energy T on a hydrogen atom at rest (p p only, no enhancement). */
    public double dSigmaDEgammaMbPerGeV(double tGeV, double eGammaGeV) {
        double f = shape(tGeV, eGammaGeV);
        return f == 0 ? 0 : peakMbPerGeV(tGeV) * f;
    }
}
