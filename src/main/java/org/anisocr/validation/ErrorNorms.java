package org.anisocr.validation;

/**
 * Relative errors of a numerical field against a reference, over all grid nodes (unweighted):
 * L2 = ‖N − N*‖₂ / ‖N*‖₂ and max = ‖N − N*‖∞ / ‖N*‖∞. Unweighted node sums treat the axis and the
 * outer nodes like any other, which is stricter near R = 0 than a 2πR-weighted norm.
 */
public record ErrorNorms(double l2Rel, double maxRel) {

    public static ErrorNorms of(double[] numeric, double[] exact) {
        if (numeric.length != exact.length) {
            throw new IllegalArgumentException("length mismatch");
        }
        double num = 0;
        double den = 0;
        double maxDiff = 0;
        double maxRef = 0;
        for (int i = 0; i < exact.length; i++) {
            double d = numeric[i] - exact[i];
            num += d * d;
            den += exact[i] * exact[i];
            maxDiff = Math.max(maxDiff, Math.abs(d));
            maxRef = Math.max(maxRef, Math.abs(exact[i]));
        }
        if (den == 0) {
            return new ErrorNorms(Math.sqrt(num), maxDiff);
        }
        return new ErrorNorms(Math.sqrt(num / den), maxDiff / maxRef);
    }

    /** The larger of each norm (used to report the worst momentum bin). */
    public ErrorNorms worst(ErrorNorms o) {
        return new ErrorNorms(Math.max(l2Rel, o.l2Rel), Math.max(maxRel, o.maxRel));
    }

    /** Observed order p from errors on two grids: e ∝ h^p. */
    public static double order(double eCoarse, double eFine, double hCoarse, double hFine) {
        return Math.log(eCoarse / eFine) / Math.log(hCoarse / hFine);
    }
}
