package org.anisocr.validation;

/**
 * The error function, for the exact 3D Green's-function solution: the Maclaurin series below 3 (terms at most
 * e^9 ≈ 8e3, so about 12 correct digits) and the continued fraction of erfc above (Abramowitz &amp; Stegun 7.1.14),
 * evaluated by the modified Lentz method. ErfTest checks it against tabulated values.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double SERIES_LIMIT = 3;

    private Erf() {}

    static double erf(double u) {
        if (u < 0) {
            return -erf(-u);
        }
        if (u < SERIES_LIMIT) {
            double term = u;
            double sum = u;
            for (int n = 1; n < 200; n++) {
                term *= -u * u / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return TWO_OVER_SQRT_PI * sum;
        }
        return 1 - erfc(u);
    }

    /** erfc(u) for u ≥ 3: e^(−u²)/√π · 1/(u + (1/2)/(u + 1/(u + (3/2)/(u + 2/(u + …))))). */
    static double erfc(double u) {
        if (u < SERIES_LIMIT) {
            return 1 - erf(u);
        }
        double tiny = 1e-300;
        double f = u;
        double c = u;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = u + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = u + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-u * u) / Math.sqrt(Math.PI) / f;
    }
}
