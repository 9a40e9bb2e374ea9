package org.anisocr.analysis.gamma;

/**
 * The nuclear enhancement factor of K14 (§V, eq. 24): γ rays from cosmic-ray and interstellar nuclei heavier than
 * hydrogen, expressed as a factor on the p p cross-section,
 * <pre>
 *   ε(T) = ε_c + (ε1 + ε2) σ_R,pp G(T) / σ_inel(T),   G(T) = 1 + ln max(1, σ_inel(T)/σ_inel(T0)),   T0 = 1 TeV
 * </pre>
 * with K14's values for the local cosmic-ray and interstellar composition: ε_c = 1.37, ε1 = 0.29, ε2 = 0.1,
 * σ_R,pp = 31.4 mb. The result is about 1.8 at 10 GeV – 1 TeV (measured in the tests). {@link #NONE} gives p p alone.
 */
public record NuclearEnhancement(double epsC, double eps1, double eps2, double sigmaRppMb, double t0GeV) {
    public static final NuclearEnhancement K14 = new NuclearEnhancement(1.37, 0.29, 0.1, 31.4, 1e3);
    public static final NuclearEnhancement NONE = new NuclearEnhancement(1, 0, 0, 31.4, 1e3);

    public double at(double tGeV) {
        if (eps1 == 0 && eps2 == 0) {
            return epsC;
        }
        double sigma = PionDecayCrossSection.sigmaInelMb(tGeV);
        if (!(sigma > 0)) {
            return epsC;
        }
        double g = 1 + Math.log(Math.max(1, sigma / PionDecayCrossSection.sigmaInelMb(t0GeV)));
        return epsC + (eps1 + eps2) * sigmaRppMb * g / sigma;
    }
}
