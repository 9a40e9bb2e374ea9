package org.anisocr.config;

import org.anisocr.grid.MomentumGrid;

import java.util.Arrays;

/**
 * The [analysis] table (docs/physics.md §6). Every key is optional:
 * <pre>
 *   p_fit_min_GeV = 10       # spectral-index window, least squares of ln N against ln p
 *   p_fit_max_GeV = 1000
 *   z_avg_kpc     = 0        # 0: the plane node; &gt; 0: N averaged over |z| ≤ z_avg before fitting/integrating
 *   flux_p_min_GeV = 10      # lower limit of ∫ N dp
 *   r_sun_kpc     = 8.3      # where the local slope is read for the local-minus-inner difference
 *   map_p_GeV     = [10, 100, 1000]   # momenta of the N(R, z) maps (nearest bin)
 * </pre>
 */
public record AnalysisConfig(double pFitMinGeV, double pFitMaxGeV, double zAvgKpc, double fluxPMinGeV,
                             double rSunKpc, double[] mapMomentaGeV) {

    public static final AnalysisConfig DEFAULT = new AnalysisConfig(10, 1000, 0, 10, 8.3, new double[] {10, 100, 1000});

    public AnalysisConfig {
        if (!(pFitMaxGeV > pFitMinGeV)) {
            throw new ConfigException("analysis.p_fit_max_GeV = " + pFitMaxGeV
                    + " must be larger than analysis.p_fit_min_GeV = " + pFitMinGeV);
        }
        mapMomentaGeV = mapMomentaGeV.clone();
    }

    static AnalysisConfig read(TableReader t) {
        AnalysisConfig d = DEFAULT;
        AnalysisConfig c = new AnalysisConfig(
                t.optDouble("p_fit_min_GeV", d.pFitMinGeV, 1e-9, 1e12),
                t.optDouble("p_fit_max_GeV", d.pFitMaxGeV, 1e-9, 1e12),
                t.optDouble("z_avg_kpc", d.zAvgKpc, 0, 1e3),
                t.optDouble("flux_p_min_GeV", d.fluxPMinGeV, 1e-9, 1e12),
                t.optDouble("r_sun_kpc", d.rSunKpc, 0, 1e3),
                t.optDoubleArray("map_p_GeV", d.mapMomentaGeV, 1e-9, 1e12));
        t.rejectUnknown();
        return c;
    }

    /** Why these settings cannot be applied to a momentum grid (window with &lt; 2 bins, p_min outside), or null. */
    public String problemWith(MomentumGrid momenta) {
        double[] p = momenta.values();
        try {
            MomentumGrid.window(p, pFitMinGeV, pFitMaxGeV);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (fluxPMinGeV < p[0] * (1 - 1e-9) || fluxPMinGeV >= p[p.length - 1]) {
            return "flux_p_min_GeV = " + fluxPMinGeV + " lies outside the momentum grid [" + p[0] + ", "
                    + p[p.length - 1] + ") GeV";
        }
        return null;
    }

    @Override public double[] mapMomentaGeV() { return mapMomentaGeV.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof AnalysisConfig c && c.pFitMinGeV == pFitMinGeV && c.pFitMaxGeV == pFitMaxGeV
                && c.zAvgKpc == zAvgKpc && c.fluxPMinGeV == fluxPMinGeV && c.rSunKpc == rSunKpc
                && Arrays.equals(c.mapMomentaGeV, mapMomentaGeV);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mapMomentaGeV) * 31 + Double.hashCode(pFitMinGeV + 7 * pFitMaxGeV);
    }

    @Override public String toString() {
        return "AnalysisConfig[p_fit=" + pFitMinGeV + ".." + pFitMaxGeV + " GeV, z_avg=" + zAvgKpc + " kpc, flux_p_min="
                + fluxPMinGeV + " GeV, r_sun=" + rSunKpc + " kpc, map_p=" + Arrays.toString(mapMomentaGeV) + "]";
    }
}
