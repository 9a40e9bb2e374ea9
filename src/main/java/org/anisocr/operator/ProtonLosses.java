package org.anisocr.operator;

/**
 * Continuous energy-loss rates −dE/dt of cosmic-ray protons (charge Z = 1) in interstellar gas, in GeV/s, as GALPROP
 * and DRAGON2 use them (Strong &amp; Moskalenko 1998, ApJ 509, 212, Appendix, after Mannheim &amp; Schlickeiser 1994,
 * A&amp;A 286, 983); rates are positive numbers (losses). p is the momentum in GeV/c.
 * <ul>
 *   <li>Ionisation of neutral H and He (Bethe–Bloch without the shell and density corrections):
 *       −dE/dt = 2π r_e² c m_e c² (1/β) Σ_s n_s [ln(2 m_e c² β²γ² Q_max / I_s²) − 2β²], with
 *       Q_max = 2 m_e c² β²γ² / (1 + 2γ m_e/m_p), I_H = 19 eV, I_He = 44 eV, n_He = 0.11 n_H.</li>
 *   <li>Coulomb scattering on free electrons at T_e: −dE/dt = 4π r_e² c m_e c² n_e ln Λ β² / (x_m³ + β³), with
 *       x_m = (3√π/4)^{1/3} (2 k T_e / m_e c²)^{1/2} and
 *       ln Λ = ½ ln[(m_e c²)² m_p γ² β⁴ / (π r_e (ħc)² n_e (m_p + 2γ m_e))].</li>
 *   <li>Pion production (inelastic pp collisions), the fit of Krakau &amp; Schlickeiser 2015 (ApJ 802, 114):
 *       −dE/dt = 3.85×10⁻¹⁶ n_H T^1.28 (T + 200)^−0.2 GeV/s with the kinetic energy T in GeV, above the pion
 *       threshold T = 0.2797 GeV (zero below).</li>
 * </ul>
 * Momentum loss: ṗ = Ė/β (dE = v dp).
 */
public final class ProtonLosses {
    /** Classical electron radius, cm (CODATA 2018). */
    static final double R_E_CM = 2.8179403262e-13;
    /** m_e c², GeV. */
    static final double ME_GEV = 0.51099895000e-3;
    /** m_p c², GeV. */
    public static final double MP_GEV = 0.93827208816;
    /** c, cm/s. */
    static final double C_CM_PER_S = 2.99792458e10;
    /** ħc, GeV cm. */
    static final double HBARC_GEV_CM = 1.973269804e-14;
    /** Boltzmann constant, GeV/K. */
    static final double KB_GEV_PER_K = 8.617333262e-14;
    /** Mean excitation energies of H and He (Strong &amp; Moskalenko 1998), GeV. */
    static final double I_H_GEV = 19e-9;
    static final double I_HE_GEV = 44e-9;
    /** He/H by number in the interstellar gas (Strong &amp; Moskalenko 1998). */
    static final double HE_PER_H = 0.11;
    /** Pion-production threshold, kinetic energy in GeV (2 m_π0 c² + m_π0² c²/(2 m_p c²)). */
    static final double PION_THRESHOLD_GEV = 0.2797;
    /** Seconds per Myr (Julian year). */
    public static final double S_PER_MYR = 3.15576e13;

    private ProtonLosses() {}

    static double gamma(double pGeV) { return Math.hypot(pGeV, MP_GEV) / MP_GEV; }

    static double beta(double pGeV) { return pGeV / Math.hypot(pGeV, MP_GEV); }

    /** Ionisation of neutral gas with n_H neutral hydrogen atoms per cm³ (n_HI + 2 n_H2), GeV/s. */
    public static double ionisationGeVPerS(double pGeV, double neutralHPerCm3) {
        if (neutralHPerCm3 <= 0) {
            return 0;
        }
        double g = gamma(pGeV);
        double b = beta(pGeV);
        double bg2 = b * b * g * g;
        double qMax = 2 * ME_GEV * bg2 / (1 + 2 * g * ME_GEV / MP_GEV);
        double lnH = Math.log(2 * ME_GEV * bg2 * qMax / (I_H_GEV * I_H_GEV)) - 2 * b * b;
        double lnHe = Math.log(2 * ME_GEV * bg2 * qMax / (I_HE_GEV * I_HE_GEV)) - 2 * b * b;
        // helium has two electrons: its stopping number carries Z_He = 2 per atom
        double sum = neutralHPerCm3 * (lnH + 2 * HE_PER_H * lnHe);
        return 2 * Math.PI * R_E_CM * R_E_CM * C_CM_PER_S * ME_GEV * sum / b;
    }

    /** Coulomb scattering on n_e free electrons per cm³ at temperature T_e, GeV/s. */
    public static double coulombGeVPerS(double pGeV, double electronsPerCm3, double electronTemperatureK) {
        if (electronsPerCm3 <= 0) {
            return 0;
        }
        double g = gamma(pGeV);
        double b = beta(pGeV);
        double xm = Math.cbrt(3 * Math.sqrt(Math.PI) / 4)
                * Math.sqrt(2 * KB_GEV_PER_K * electronTemperatureK / ME_GEV);
        double lnLambda = 0.5 * Math.log(ME_GEV * ME_GEV * MP_GEV * g * g * Math.pow(b, 4)
                / (Math.PI * R_E_CM * HBARC_GEV_CM * HBARC_GEV_CM * electronsPerCm3 * (MP_GEV + 2 * g * ME_GEV)));
        return 4 * Math.PI * R_E_CM * R_E_CM * C_CM_PER_S * ME_GEV * electronsPerCm3 * lnLambda * b * b
                / (xm * xm * xm + b * b * b);
    }

    /** Pion production on n_H hydrogen nuclei per cm³ (Krakau &amp; Schlickeiser 2015), GeV/s. */
    public static double pionGeVPerS(double pGeV, double hydrogenPerCm3) {
        double t = Math.hypot(pGeV, MP_GEV) - MP_GEV;
        if (hydrogenPerCm3 <= 0 || t <= PION_THRESHOLD_GEV) {
            return 0;
        }
        return 3.85e-16 * hydrogenPerCm3 * Math.pow(t, 1.28) * Math.pow(t + 200, -0.2);
    }

    /**
     * |ṗ| in GeV/c per Myr from the chosen losses at one place: neutral H atoms, free electrons and all H nuclei per
     * cm³.
     */
    public static double momentumLossGeVPerMyr(EnergyLosses which, double pGeV, double neutralHPerCm3,
                                               double electronsPerCm3, double hydrogenPerCm3) {
        double eDot = 0;
        if (which.ionisation()) {
            eDot += ionisationGeVPerS(pGeV, neutralHPerCm3);
        }
        if (which.coulomb()) {
            eDot += coulombGeVPerS(pGeV, electronsPerCm3, which.electronTemperatureK());
        }
        if (which.pion()) {
            eDot += pionGeVPerS(pGeV, hydrogenPerCm3);
        }
        return eDot / beta(pGeV) * S_PER_MYR;
    }
}
