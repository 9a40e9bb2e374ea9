package org.anisocr.solver.linalg;

/**
 * The Thomas algorithm for tridiagonal lines, split into a factorisation and a solve, so that a line matrix that
 * does not change between solves (a Crank–Nicolson line at fixed dt, a multigrid level's line relaxation) is
 * factored once and each solve has no division in its dependent chain. For line entries l_q, d_q, u_q:
 * <pre>
 *   factor: β_q = d_q − l_q c_{q−1},  inv_q = 1/β_q,  c_q = u_q·inv_q
 *   solve:  y_q = (r_q − l_q y_{q−1})·inv_q,  x_q = y_q − c_q x_{q+1}
 * </pre>
 * so a solve reads the line's lower entries l and the factors inv, c: 3 numbers a node.
 *
 * <p>Lines may be strided: element q of a line lives at {@code off + q·stride} of node-indexed arrays.
 * {@code sign} (+1 or −1) scales the given entries: a solve with −L from L's stencil passes −1 rather than a
 * negated copy (multiplying by −1 is exact, so the result is bit for bit that of the copy).
 * No pivoting: the line matrices in use are diagonally dominant; a zero or non-finite pivot throws.
 */
public final class Thomas {
    private Thomas() {}

    /**
     * Factors the line sign·(lower[a] x_{q−1} + diag[a] x_q + upper[a] x_{q+1}), a = aOff + q·aStride (q = 0..n−1),
     * into inv_q and c_q, written at off + q·stride of inv and c.
     *
     * @throws ArithmeticException on a zero or non-finite pivot
     */
    public static void factor(int n, double sign, double[] lower, double[] diag, double[] upper, int aOff, int aStride,
                              double[] inv, double[] c, int off, int stride) {
        double cPrev = 0;
        for (int q = 0; q < n; q++) {
            int a = aOff + q * aStride;
            int f = off + q * stride;
            double beta = q == 0 ? sign * diag[a] : sign * diag[a] - sign * lower[a] * cPrev;
            if (beta == 0 || !Double.isFinite(beta)) {
                throw new ArithmeticException("zero pivot in a tridiagonal line solve at element " + q
                        + " (node " + f + ")");
            }
            inv[f] = 1 / beta;
            c[f] = sign * upper[a] * inv[f];
            cPrev = c[f];
        }
    }

    /**
     * Solves one factored line: x_q for q = 0..n−1 from rhs, both at xOff + q·xStride, where lower (the same entries
     * that were factored, with the same sign) is read too; inv and c at off + q·stride. rhs and x may be the same
     * array.
     */
    public static void solve(int n, double sign, double[] lower, double[] inv, double[] c, int off, int stride,
                             double[] rhs, double[] x, int xOff, int xStride) {
        double y = rhs[xOff] * inv[off];
        x[xOff] = y;
        for (int q = 1; q < n; q++) {
            int at = xOff + q * xStride;
            y = (rhs[at] - sign * lower[at] * y) * inv[off + q * stride];
            x[at] = y;
        }
        for (int q = n - 2; q >= 0; q--) {
            x[xOff + q * xStride] -= c[off + q * stride] * x[xOff + (q + 1) * xStride];
        }
    }

    /**
     * Solves {@code lines} factored lines together, all arrays node-indexed: line p's element q at
     * first + p·lineStep + q·stride. Element q of every line is done before element q+1 (lines innermost), so
     * that for strided lines (columns of a row-major grid) neighbouring lines are neighbouring in memory: the
     * accesses stream, as they would coalesce on a GPU. Same arithmetic as {@link #solve}, line by line.
     */
    public static void solveLines(int n, int lines, double sign, double[] lower, double[] inv, double[] c,
                                  int first, int lineStep, int stride, double[] rhs, double[] x) {
        int end = first + lines * lineStep;
        for (int at = first; at < end; at += lineStep) {
            x[at] = rhs[at] * inv[at];
        }
        for (int q = 1; q < n; q++) {
            int start = first + q * stride;
            for (int at = start; at < start + lines * lineStep; at += lineStep) {
                x[at] = (rhs[at] - sign * lower[at] * x[at - stride]) * inv[at];
            }
        }
        for (int q = n - 2; q >= 0; q--) {
            int start = first + q * stride;
            for (int at = start; at < start + lines * lineStep; at += lineStep) {
                x[at] -= c[at] * x[at + stride];
            }
        }
    }
}
