package org.anisocr.analysis.gamma;

/**
 * The measured local proton intensity that fixes the absolute scale of J_p: the model's N at (R☉, z = 0) is scaled so
 * that J_p(T_ref) equals this value. At ~100 GeV solar modulation is negligible, so the top-of-atmosphere flux stands
 * for the local interstellar one.
 *
 * @param kineticEnergyGeV T_ref
 * @param intensityPerM2SrSGeV J_p(T_ref) [m⁻² sr⁻¹ s⁻¹ GeV⁻¹]
 * @param reference where the number is published (data/README.md lists it too)
 */
public record LocalProtonFlux(double kineticEnergyGeV, double intensityPerM2SrSGeV, String reference) {
    /**
     * AMS-02 proton flux, Aguilar et al. 2015, Phys. Rev. Lett. 114, 171103 (Table I, rigidity bin 100–108 GV),
     * as converted to kinetic energy per particle by the Cosmic-Ray DataBase (CRDB, lpsc.in2p3.fr/crdb):
     * J(T = 102.989 GeV) = 4.08517e-2 m⁻² sr⁻¹ s⁻¹ GeV⁻¹ (stat. 5.8e-4). data/local_proton_flux.csv holds it.
     */
    public static final LocalProtonFlux AMS02_2015 = new LocalProtonFlux(102.989, 4.08517e-2,
            "AMS-02 (Aguilar et al. 2015, PRL 114, 171103), via CRDB kinetic-energy conversion");

    public LocalProtonFlux {
        if (!(kineticEnergyGeV > 0) || !(intensityPerM2SrSGeV > 0)) {
            throw new IllegalArgumentException("local proton flux needs T > 0 and J > 0, got T = " + kineticEnergyGeV
                    + ", J = " + intensityPerM2SrSGeV);
        }
    }

    /** J_p(T_ref) in cm⁻² sr⁻¹ s⁻¹ GeV⁻¹. */
    public double intensityPerCm2SrSGeV() { return intensityPerM2SrSGeV * 1e-4; }
}
