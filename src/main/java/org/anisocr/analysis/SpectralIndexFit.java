package org.anisocr.analysis;

import org.anisocr.grid.MomentumGrid;

/**
 * α = −d ln N / d ln p as the least-squares slope of ln N against ln p over the momentum bins inside a window
 * [p_lo, p_hi] (docs/physics.md §6). A spectrum with any N ≤ 0 or non-finite value in the window has no slope: NaN.
 */
public final class SpectralIndexFit {
    private SpectralIndexFit() {}

    /** Indices k with p_lo ≤ p_k ≤ p_hi; see {@link MomentumGrid#window}. */
    public static int[] window(double[] pGeV, double pLoGeV, double pHiGeV) {
        return MomentumGrid.window(pGeV, pLoGeV, pHiGeV);
    }

    /** −(least-squares slope of ln N vs ln p) over the bins ks; NaN if any N there is ≤ 0 or not finite. */
    public static double alpha(double[] pGeV, double[] n, int[] ks) {
        double sx = 0;
        double sy = 0;
        for (int k : ks) {
            if (!(n[k] > 0) || !Double.isFinite(n[k])) {
                return Double.NaN;
            }
            sx += Math.log(pGeV[k]);
            sy += Math.log(n[k]);
        }
        double mx = sx / ks.length;
        double my = sy / ks.length;
        double sxy = 0;
        double sxx = 0;
        for (int k : ks) {
            double dx = Math.log(pGeV[k]) - mx;
            sxy += dx * (Math.log(n[k]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }

    /** α for every radial cell: spectra[i][k]. */
    public static double[] profile(double[] pGeV, double[][] spectra, double pLoGeV, double pHiGeV) {
        int[] ks = window(pGeV, pLoGeV, pHiGeV);
        double[] alpha = new double[spectra.length];
        for (int i = 0; i < spectra.length; i++) {
            alpha[i] = alpha(pGeV, spectra[i], ks);
        }
        return alpha;
    }
}
