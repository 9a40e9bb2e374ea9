package org.anisocr.analysis.gamma;

/**
 * N(p) from the model's momentum grid at other momenta: a power law between neighbouring bins (linear in ln N – ln p,
 * as {@link org.anisocr.analysis.IntegratedDensity} assumes), continued beyond the last bin with the slope of the last
 * two bins (needed because a γ ray of E_γ takes protons up to ~ 10–100 E_γ), and zero below the first bin (which only
 * matters for E_γ below ~ 0.3 p_min). Where a pair has N ≤ 0 (no logarithm) the value is linear in ln p, and 0 beyond.
 */
final class SpectrumInterpolation {
    private final int[] segment;
    private final double[] fraction;

    SpectrumInterpolation(double[] gridPGeV, double[] atPGeV) {
        int n = gridPGeV.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 momentum bins");
        }
        segment = new int[atPGeV.length];
        fraction = new double[atPGeV.length];
        for (int m = 0; m < atPGeV.length; m++) {
            double p = atPGeV[m];
            if (p < gridPGeV[0] * (1 - 1e-12)) { segment[m] = -1; continue; }
            int i = 0;
            while (i < n - 2 && gridPGeV[i + 1] < p) {
                i++;
            }
            segment[m] = i;
            fraction[m] = Math.log(p / gridPGeV[i]) / Math.log(gridPGeV[i + 1] / gridPGeV[i]); // > 1 beyond the grid
        }
    }

    double[] apply(double[] n) {
        double[] out = new double[segment.length];
        for (int m = 0; m < out.length; m++) {
            int i = segment[m];
            if (i < 0) {
                continue;
            }
            double a = n[i];
            double b = n[i + 1];
            double t = fraction[m];
            if (a > 0 && b > 0) {
                out[m] = a * Math.exp(t * Math.log(b / a));
            } else {
                out[m] = t <= 1 ? Math.max(0, a + t * (b - a)) : 0;
            }
        }
        return out;
    }
}
