package org.anisocr.analysis;

/**
 * Observed order of convergence and Richardson-extrapolated limit of a quantity q(h) computed on grids refined
 * by a constant ratio r = h_{k−1}/h_k. From the last three levels:
 * <pre>  p = ln(|q₁ − q₂| / |q₂ − q₃|) / ln r,   q∞ = q₃ + (q₃ − q₂)/(r^p − 1)  </pre>
 * When p cannot be observed (fewer than three levels, or the differences do not shrink, or are zero) the
 * scheme's formal order is used for the extrapolation and {@code observed} is NaN.
 *
 * @param observed    the observed order (NaN when it cannot be measured)
 * @param orderUsed   the order the extrapolation used
 * @param extrapolated q∞
 * @param errorEstimate |q∞ − q_finest|: how far the finest level is from the limit
 */
public record RichardsonExtrapolation(double observed, double orderUsed, double extrapolated, double errorEstimate) {

    /** @param q values from the coarsest to the finest level; ratio: h_coarse/h_fine between neighbours (> 1) */
    public static RichardsonExtrapolation of(double[] q, double ratio, double formalOrder) {
        int n = q.length;
        if (n < 2) {
            return new RichardsonExtrapolation(Double.NaN, formalOrder, n == 1 ? q[0] : Double.NaN, Double.NaN);
        }
        double observed = Double.NaN;
        if (n >= 3) {
            double d1 = Math.abs(q[n - 3] - q[n - 2]);
            double d2 = Math.abs(q[n - 2] - q[n - 1]);
            if (d2 > 0 && d1 > d2) {
                observed = Math.log(d1 / d2) / Math.log(ratio);
            }
        }
        double p = Double.isFinite(observed) ? observed : formalOrder;
        double limit = q[n - 1] + (q[n - 1] - q[n - 2]) / (Math.pow(ratio, p) - 1);
        return new RichardsonExtrapolation(observed, p, limit, Math.abs(limit - q[n - 1]));
    }
}
