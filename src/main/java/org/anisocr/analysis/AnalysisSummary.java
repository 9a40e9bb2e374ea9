package org.anisocr.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headline numbers of one model for summary.json and the sweep index: α at the innermost radial cell and at R☉,
 * their difference (local minus inner Galaxy; positive when the inner Galaxy is harder), the number of radial cells
 * without a slope (N ≤ 0 in the window), and ∫_{p_min}^∞ N dp at R☉.
 */
public record AnalysisSummary(
        double rInnerKpc,
        double alphaInner,
        double rSunKpc,
        double alphaSun,
        double alphaSunMinusInner,
        int cellsWithoutSlope,
        double pFitMinGeV,
        double pFitMaxGeV,
        double fluxPMinGeV,
        double densityAbovePMinAtSun) {

    /** Ordered map for JSON (NaN becomes null, which JSON can carry). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r_inner_kpc", rInnerKpc);
        m.put("alpha_inner", nullIfNaN(alphaInner));
        m.put("r_sun_kpc", rSunKpc);
        m.put("alpha_sun", nullIfNaN(alphaSun));
        m.put("alpha_sun_minus_inner", nullIfNaN(alphaSunMinusInner));
        m.put("cells_without_slope", cellsWithoutSlope);
        m.put("p_fit_min_GeV", pFitMinGeV);
        m.put("p_fit_max_GeV", pFitMaxGeV);
        m.put("flux_p_min_GeV", fluxPMinGeV);
        m.put("N_above_pmin_at_sun", nullIfNaN(densityAbovePMinAtSun));
        return m;
    }

    private static Object nullIfNaN(double v) { return Double.isFinite(v) ? v : null; }
}
