package org.anisocr.analysis;

/**
 * ∫_{p_min}^{∞} N dp of one spectrum N(p_k) on a (log-spaced) momentum grid.
 *
 * <p>Between neighbouring bins N is taken as the power law through the two values (linear in ln N – ln p) and
 * integrated exactly: ∫_{p_k}^{p_{k+1}} N dp = N_k p_k (r^{1−s} − 1)/(1 − s), r = p_{k+1}/p_k, s = −ln(N_{k+1}/N_k)/ln
 * r, with the limit N_k p_k ln r at s = 1. This is the trapezoid rule's job done exactly for the power laws the
 * spectra are; where N ≤ 0 in a pair (no logarithm) the segment falls back to the trapezoid in ln p, ∫ N p d ln p.
 * A p_min that falls inside a bin starts on the same local power law.
 *
 * <p>Beyond the last bin the spectrum is continued analytically as the power law of the last two bins:
 * ∫_{p_max}^{∞} N dp = N_last p_max/(s − 1), finite only for s &gt; 1; otherwise the integral diverges and the
 * result is NaN.
 */
public final class IntegratedDensity {
    private IntegratedDensity() {}

    public static double aboveMomentum(double[] pGeV, double[] n, double pMinGeV) {
        int last = pGeV.length - 1;
        if (last < 1) {
            throw new IllegalArgumentException("need at least 2 momentum bins to integrate N dp");
        }
        if (pMinGeV < pGeV[0] * (1 - 1e-9) || pMinGeV >= pGeV[last]) {
            throw new IllegalArgumentException("flux_p_min = " + pMinGeV + " GeV must lie in [" + pGeV[0] + ", "
                    + pGeV[last] + ") GeV, the momentum grid");
        }
        for (double v : n) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        double sum = 0;
        for (int k = 0; k < last; k++) {
            double a = pGeV[k];
            double b = pGeV[k + 1];
            if (b <= pMinGeV) {
                continue;
            }
            double lo = Math.max(a, pMinGeV);
            sum += segment(a, n[k], b, n[k + 1], lo);
        }
        double tailSlope = localSlope(pGeV[last - 1], n[last - 1], pGeV[last], n[last]);
        if (n[last] == 0) {
            return sum;
        }
        if (!(tailSlope > 1)) {
            return Double.NaN;
        }
        return sum + n[last] * pGeV[last] / (tailSlope - 1);
    }

    /** s = −d ln N/d ln p between two bins; NaN if either value is ≤ 0. */
    static double localSlope(double pa, double na, double pb, double nb) {
        if (!(na > 0) || !(nb > 0)) {
            return Double.NaN;
        }
        return -Math.log(nb / na) / Math.log(pb / pa);
    }

    /** ∫_{lo}^{b} N dp on the segment [a, b] with N(a) = na, N(b) = nb. */
    private static double segment(double a, double na, double b, double nb, double lo) {
        double s = localSlope(a, na, b, nb);
        if (Double.isNaN(s)) {
            // Trapezoid in ln p on f = N p, restricted linearly to [lo, b].
            double la = Math.log(a);
            double lb = Math.log(b);
            double l0 = Math.log(lo);
            double fa = na * a;
            double fb = nb * b;
            double f0 = fa + (fb - fa) * (l0 - la) / (lb - la);
            return 0.5 * (f0 + fb) * (lb - l0);
        }
        double n0 = na * Math.pow(lo / a, -s);
        double r = b / lo;
        if (Math.abs(1 - s) < 1e-12) {
            return n0 * lo * Math.log(r);
        }
        return n0 * lo * (Math.pow(r, 1 - s) - 1) / (1 - s);
    }

    /** One value per radial cell: spectra[i][k]. */
    public static double[] profile(double[] pGeV, double[][] spectra, double pMinGeV) {
        double[] out = new double[spectra.length];
        for (int i = 0; i < spectra.length; i++) {
            out[i] = aboveMomentum(pGeV, spectra[i], pMinGeV);
        }
        return out;
    }
}
