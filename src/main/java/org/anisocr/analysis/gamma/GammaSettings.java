package org.anisocr.analysis.gamma;

/**
 * What the γ-ray products are computed with. {@link #DEFAULT}: E_γ = 1 GeV – 1 TeV at 6 energies a decade (19 maps),
 * the γ-ray index fitted over 10–100 GeV, K14 with Pythia 8 above 50 GeV and K14's nuclear enhancement, the proton
 * integral at 40 nodes a decade, J_p normalised to AMS-02 at R☉ = 8.3 kpc on the plane.
 */
public record GammaSettings(double eMinGeV, double eMaxGeV, int energiesPerDecade, double fitMinGeV, double fitMaxGeV,
                            HadronicModel model, NuclearEnhancement enhancement, int protonNodesPerDecade,
                            LocalProtonFlux localFlux, double rSunKpc) {

    public static final GammaSettings DEFAULT = new GammaSettings(1, 1000, 6, 10, 100, HadronicModel.PYTHIA8,
            NuclearEnhancement.K14, 40, LocalProtonFlux.AMS02_2015, 8.3);

    public GammaSettings {
        if (!(eMinGeV > 0) || !(eMaxGeV > eMinGeV)) {
            throw new IllegalArgumentException("need 0 < E_min < E_max, got " + eMinGeV + ", " + eMaxGeV);
        }
        if (energiesPerDecade < 1) {
            throw new IllegalArgumentException("energies per decade must be ≥ 1, got " + energiesPerDecade);
        }
        if (!(fitMaxGeV > fitMinGeV)) {
            throw new IllegalArgumentException("γ-index window needs max > min, got " + fitMinGeV + ", " + fitMaxGeV);
        }
    }

    /** Log-spaced photon energies from E_min to E_max (both included when the span is a whole number of steps). */
    public double[] photonEnergiesGeV() {
        double decades = Math.log10(eMaxGeV / eMinGeV);
        int n = (int) Math.round(decades * energiesPerDecade) + 1;
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = eMinGeV * Math.pow(eMaxGeV / eMinGeV, j / (double) (n - 1));
        }
        return e;
    }
}
