package org.anisocr.bench;

/** Comparisons of two per-bin states shared by the benchmarks and the GPU-vs-CPU tests. */
public final class Measurements {
    private Measurements() {}

    /**
     * max over bins of ‖a − ref‖∞ / ‖ref‖∞; a bin whose reference is zero (or NaN) contributes its absolute
     * difference ‖a − ref‖∞.
     */
    public static double maxRelDiff(double[][] a, double[][] ref) {
        return maxRelDiff(a, ref, false);
    }

    /**
     * max over bins of ‖a − ref‖∞ / ‖ref‖∞, as {@link #maxRelDiff(double[][], double[][])}, except that a bin whose
     * reference is zero (or NaN) is left out when {@code skipZeroReference}.
     */
    public static double maxRelDiff(double[][] a, double[][] ref, boolean skipZeroReference) {
        double worst = 0;
        for (int k = 0; k < ref.length; k++) {
            double diff = 0;
            double mag = 0;
            for (int i = 0; i < ref[k].length; i++) {
                diff = Math.max(diff, Math.abs(a[k][i] - ref[k][i]));
                mag = Math.max(mag, Math.abs(ref[k][i]));
            }
            if (mag > 0) {
                worst = Math.max(worst, diff / mag);
            } else if (!skipZeroReference) {
                worst = Math.max(worst, diff);
            }
        }
        return worst;
    }
}
