package org.anisocr.validation;

/**
 * Exponentially scaled modified Bessel function e^(−x) I0(x), x ≥ 0, to about 1e-15 relative.
 * x < 30: the power series I0(x) = Σ (x²/4)^k/(k!)² (all terms positive, no cancellation), times e^(−x).
 * x ≥ 30: the asymptotic expansion e^(−x) I0(x) ~ (2πx)^(−1/2) Σ a_k, a_k = a_{k−1} (2k−1)²/(8 k x),
 * summed until the terms stop decreasing or drop below 1e-17 of the sum (at x = 30 the smallest term is ~e^(−60)).
 */
public final class BesselI0 {
    private static final double SWITCH = 30;

    private BesselI0() {}

    public static double scaled(double x) {
        if (x < 0) {
            x = -x;
        }
        if (x < SWITCH) {
            double q = x * x / 4;
            double term = 1;
            double sum = 1;
            for (int k = 1; k < 500; k++) {
                term *= q / ((double) k * k);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return sum * Math.exp(-x);
        }
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 200; k++) {
            double next = term * (2.0 * k - 1) * (2.0 * k - 1) / (8.0 * k * x);
            if (next >= term) {
                break;
            }
            term = next;
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum / Math.sqrt(2 * Math.PI * x);
    }
}
