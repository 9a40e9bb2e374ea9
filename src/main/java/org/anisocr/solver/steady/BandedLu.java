package org.anisocr.solver.steady;

/**
 * LU factorisation with partial pivoting of a banded matrix (LAPACK dgbtf2, unblocked), column-major
 * band storage with room for the fill-in that row interchanges create: A(i, c) lives at
 * ab[kv + i − c + c·ld], kv = kl + ku, ld = 2 kl + ku + 1.
 */
final class BandedLu {
    private final int n;
    private final int kl;
    private final int ku;
    private final int kv;
    private final int ld;
    private final double[] ab;
    private final int[] pivot;
    private boolean factored;

    BandedLu(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.ku = ku;
        this.kv = kl + ku;
        this.ld = 2 * kl + ku + 1;
        long size = (long) ld * n;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("band matrix too large: " + n + " rows × " + ld);
        }
        ab = new double[(int) size];
        pivot = new int[n];
    }

    void set(int i, int c, double v) {
        if (c - i > ku || i - c > kl) {
            throw new IllegalArgumentException("entry (" + i + "," + c + ") outside the band");
        }
        ab[kv + i - c + c * ld] = v;
    }

    private int at(int i, int c) { return kv + i - c + c * ld; }

    /** The factors and pivots as stored (read by the multigrid packing for the device; not copied). */
    double[] band() { return ab; }
    int[] pivots() { return pivot; }
    int rows() { return n; }
    int lowerBandwidth() { return kl; }
    int upperBandwidth() { return ku; }

    void factor() {
        int ju = 0;
        for (int j = 0; j < n; j++) {
            int km = Math.min(kl, n - 1 - j);
            int jp = 0;
            double max = Math.abs(ab[at(j, j)]);
            for (int t = 1; t <= km; t++) {
                double v = Math.abs(ab[at(j + t, j)]);
                if (v > max) { max = v; jp = t; }
            }
            pivot[j] = j + jp;
            if (max == 0) {
                throw new ArithmeticException("singular matrix at row " + j);
            }
            ju = Math.max(ju, Math.min(j + ku + jp, n - 1));
            if (jp != 0) {
                for (int c = j; c <= ju; c++) {
                    int a = at(j, c);
                    int b = at(j + jp, c);
                    double tmp = ab[a];
                    ab[a] = ab[b];
                    ab[b] = tmp;
                }
            }
            double inv = 1 / ab[at(j, j)];
            int col = at(j + 1, j);
            for (int t = 0; t < km; t++) {
                ab[col + t] *= inv;
            }
            for (int c = j + 1; c <= ju; c++) {
                double a = ab[at(j, c)];
                if (a == 0) {
                    continue;
                }
                int dst = at(j + 1, c);
                for (int t = 0; t < km; t++) {
                    ab[dst + t] -= ab[col + t] * a;
                }
            }
        }
        factored = true;
    }

    /**
     * The factors rounded to single precision, for use as a preconditioner: half the memory traffic of
     * {@link #solve} (the solve is memory-bound), and GMRES absorbs the 1e-7 relative perturbation.
     */
    float[] singlePrecisionFactors() {
        if (!factored) {
            throw new IllegalStateException("factor() first");
        }
        float[] f = new float[ab.length];
        for (int q = 0; q < ab.length; q++) {
            f[q] = (float) ab[q];
        }
        return f;
    }

    /**
     * Like {@link #solve} with factors from {@link #singlePrecisionFactors} (arithmetic in double). The two
     * substitution loops are deliberately kept as two copies: one loop reading the factors through an accessor
     * (measured on 201×81) made the double solve ~20 % and this one ~60 % slower, losing the single-precision gain.
     */
    void solve(float[] f, double[] b) {
        for (int j = 0; j < n; j++) {
            int p = pivot[j];
            if (p != j) { double t = b[j]; b[j] = b[p]; b[p] = t; }
            int km = Math.min(kl, n - 1 - j);
            double bj = b[j];
            if (bj == 0) {
                continue;
            }
            int col = at(j + 1, j);
            for (int t = 0; t < km; t++) {
                b[j + 1 + t] -= f[col + t] * bj;
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            b[j] /= f[at(j, j)];
            double bj = b[j];
            if (bj == 0) {
                continue;
            }
            int top = Math.max(0, j - kv);
            int base = at(top, j);
            for (int i = top; i < j; i++) {
                b[i] -= f[base + (i - top)] * bj;
            }
        }
    }

    /** Solves A x = b in place. */
    void solve(double[] b) {
        if (!factored) {
            throw new IllegalStateException("factor() first");
        }
        for (int j = 0; j < n; j++) {
            int p = pivot[j];
            if (p != j) { double t = b[j]; b[j] = b[p]; b[p] = t; }
            int km = Math.min(kl, n - 1 - j);
            double bj = b[j];
            if (bj == 0) {
                continue;
            }
            int col = at(j + 1, j);
            for (int t = 0; t < km; t++) {
                b[j + 1 + t] -= ab[col + t] * bj;
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            b[j] /= ab[at(j, j)];
            double bj = b[j];
            if (bj == 0) {
                continue;
            }
            int top = Math.max(0, j - kv);
            int base = at(top, j);
            for (int i = top; i < j; i++) {
                b[i] -= ab[base + (i - top)] * bj;
            }
        }
    }
}
