package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;

/**
 * Batched tridiagonal (Thomas) solves along every grid line of one direction for A = −L restricted to the line:
 * for R-lines (fixed j, unknowns i = 0..NR−2) the couplings (−1, 0), (0, 0), (1, 0); for z-lines (fixed i, unknowns
 * j = 1..Nz−2) the couplings (0, −1), (0, 0), (0, 1). The factors are computed once (setup) and stored per node:
 * <pre>  β_q = d_q − l_q c_{q−1},  inv_q = 1/β_q,  c_q = u_q·inv_q;   solve: y_q = (r_q − l_q y_{q−1})·inv_q,  x_q = y_q − c_q x_{q+1}  </pre>
 * so a solve reads the line's lower coupling from the stencil and inv, c from here: 3 numbers a node.
 * Lines of one parity (zebra) are solved together; they are independent, one GPU thread a line.
 * Layout: node (i, j) at j·NR + i. A z-line solve runs row by row with the lines innermost, so that neighbouring
 * lines are neighbouring in memory (coalesced on the GPU, streamed on the CPU).
 * No pivoting: the line matrices of −L are diagonally dominant for the grids in use (checked: a zero pivot throws).
 */
final class TridiagonalLines {
    final LineDirection direction;
    private final SpatialGrid g;
    final double[] lower, inv, c; // read by the fused relaxation kernel of ZebraLineRelaxation

    TridiagonalLines(NinePointMatrix l, LineDirection direction) {
        this.direction = direction;
        g = l.grid();
        int n = g.size();
        inv = new double[n];
        c = new double[n];
        boolean alongR = direction == LineDirection.ALONG_R;
        lower = l.coefficients(alongR ? -1 : 0, alongR ? 0 : -1);
        double[] d = l.coefficients(0, 0), up = l.coefficients(alongR ? 1 : 0, alongR ? 0 : 1);
        int nR = g.nR(), nZ = g.nZ();
        if (alongR) {
            for (int j = 1; j < nZ - 1; j++) {
                double cPrev = 0;
                for (int i = 0; i < nR - 1; i++) {
                    int idx = j * nR + i;
                    double beta = -d[idx] - (i > 0 ? -lower[idx] * cPrev : 0);
                    set(idx, beta, -up[idx]);
                    cPrev = c[idx];
                }
            }
        } else {
            for (int i = 0; i < nR - 1; i++) {
                double cPrev = 0;
                for (int j = 1; j < nZ - 1; j++) {
                    int idx = j * nR + i;
                    double beta = -d[idx] - (j > 1 ? -lower[idx] * cPrev : 0);
                    set(idx, beta, -up[idx]);
                    cPrev = c[idx];
                }
            }
        }
    }

    private void set(int idx, double beta, double upper) {
        if (beta == 0 || !Double.isFinite(beta)) throw new ArithmeticException("zero pivot in a line solve at node " + idx);
        inv[idx] = 1 / beta;
        c[idx] = upper * inv[idx];
    }

    /**
     * x = (line part of −L)⁻¹ rhs on every line of the given parity (line index j for R-lines, i for z-lines,
     * parity 0 = even, 1 = odd); other nodes of x untouched. rhs and x may be the same array.
     */
    void solve(double[] rhs, double[] x, int parity) {
        int nR = g.nR(), nZ = g.nZ();
        double[] lo = lower;
        if (direction == LineDirection.ALONG_R) {
            for (int j = 1 + ((1 + parity) & 1); j < nZ - 1; j += 2) { // rows j ≡ parity (mod 2), interior
                int row = j * nR;
                double y = rhs[row] * inv[row];
                x[row] = y;
                for (int idx = row + 1; idx < row + nR - 1; idx++) {
                    y = (rhs[idx] + lo[idx] * y) * inv[idx]; // −L's lower coupling is −lo
                    x[idx] = y;
                }
                for (int idx = row + nR - 3; idx >= row; idx--) x[idx] -= c[idx] * x[idx + 1];
            }
        } else {
            int i0 = parity;
            int first = nR + i0;
            for (int idx = first; idx < 2 * nR - 1; idx += 2) x[idx] = rhs[idx] * inv[idx];
            for (int j = 2; j < nZ - 1; j++) {
                int row = j * nR;
                for (int idx = row + i0; idx < row + nR - 1; idx += 2)
                    x[idx] = (rhs[idx] + lo[idx] * x[idx - nR]) * inv[idx];
            }
            for (int j = nZ - 3; j >= 1; j--) {
                int row = j * nR;
                for (int idx = row + i0; idx < row + nR - 1; idx += 2) x[idx] -= c[idx] * x[idx + nR];
            }
        }
    }
}
