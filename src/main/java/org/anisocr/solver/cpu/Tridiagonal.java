package org.anisocr.solver.cpu;

/** Thomas algorithm for one tridiagonal system; no pivoting (the Crank–Nicolson matrices are diagonally dominant). */
final class Tridiagonal {
    private Tridiagonal() {}

    /**
     * Solves lower[i] x[i−1] + diag[i] x[i] + upper[i] x[i+1] = rhs[i], i = 0..n−1, in place into rhs.
     * scratch must hold n values; lower[0] and upper[n−1] are ignored.
     */
    static void solve(int n, double[] lower, double[] diag, double[] upper, double[] rhs, double[] scratch) {
        double beta = diag[0];
        rhs[0] /= beta;
        for (int i = 1; i < n; i++) {
            scratch[i] = upper[i - 1] / beta;
            beta = diag[i] - lower[i] * scratch[i];
            rhs[i] = (rhs[i] - lower[i] * rhs[i - 1]) / beta;
        }
        for (int i = n - 2; i >= 0; i--) rhs[i] -= scratch[i + 1] * rhs[i + 1];
    }
}
