package org.anisocr.solver.cpu;

/**
 * Thomas algorithm split into a factorisation and a solve, so that a Crank–Nicolson line whose matrix
 * does not change between steps (fixed dt) is factored once: the solve then has no divisions in its
 * dependent chain. No pivoting: the Crank–Nicolson matrices are diagonally dominant.
 *
 * <p>Lines may be strided: element q of a line lives at {@code off + q·stride} of the node-indexed arrays.
 */
final class Tridiagonal {
    private Tridiagonal() {}

    /**
     * Factors lower[q] x[q−1] + diag[q] x[q] + upper[q] x[q+1] (q = 0..n−1, line arrays, not strided) into
     * invPivot (1/β_q) and ratio (upper[q−1]/β_{q−1}, at q ≥ 1), written strided into the node arrays.
     */
    static void factor(int n, double[] lower, double[] diag, double[] upper,
                       double[] invPivot, double[] ratio, int off, int stride) {
        double inv = 1 / diag[0];
        invPivot[off] = inv;
        for (int q = 1; q < n; q++) {
            double r = upper[q - 1] * inv;
            inv = 1 / (diag[q] - lower[q] * r);
            ratio[off + q * stride] = r;
            invPivot[off + q * stride] = inv;
        }
    }

    /** Solves in place into rhs (a line array), with lower the same sub-diagonal that was factored. */
    static void solve(int n, double[] lower, double[] invPivot, double[] ratio, int off, int stride, double[] rhs) {
        double y = rhs[0] * invPivot[off];
        rhs[0] = y;
        for (int q = 1; q < n; q++) {
            y = (rhs[q] - lower[q] * y) * invPivot[off + q * stride];
            rhs[q] = y;
        }
        for (int q = n - 2; q >= 0; q--) rhs[q] -= ratio[off + (q + 1) * stride] * rhs[q + 1];
    }
}
