package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.solver.linalg.Thomas;

/**
 * Batched tridiagonal solves along every grid line of one direction for A = −L restricted to the line:
 * for R-lines (fixed j, unknowns i = 0..NR−2) the couplings (−1, 0), (0, 0), (1, 0); for z-lines (fixed i, unknowns
 * j = 1..Nz−2) the couplings (0, −1), (0, 0), (0, 1). The factors of {@link Thomas} (inv, c) are computed once
 * (setup) and stored per node, so a solve reads the line's lower coupling from the stencil and inv, c from here:
 * 3 numbers a node. The stencil is L's, so the lines are factored and solved with sign −1.
 * Lines of one parity (zebra) are solved together; they are independent, one GPU thread a line.
 * Layout: node (i, j) at j·NR + i. A z-line solve runs row by row with the lines innermost, so that neighbouring
 * lines are neighbouring in memory (coalesced on the GPU, streamed on the CPU).
 * No pivoting: the line matrices of −L are diagonally dominant for the grids in use (checked: a zero pivot throws).
 */
final class TridiagonalLines {
    final LineDirection direction;
    private final SpatialGrid g;
    final double[] lower;
    final double[] inv;
    final double[] c; // read by the fused relaxation kernel of ZebraLineRelaxation

    TridiagonalLines(NinePointMatrix l, LineDirection direction) {
        this.direction = direction;
        g = l.grid();
        int n = g.size();
        inv = new double[n];
        c = new double[n];
        boolean alongR = direction == LineDirection.ALONG_R;
        lower = l.coefficients(alongR ? -1 : 0, alongR ? 0 : -1);
        double[] d = l.coefficients(0, 0);
        double[] up = l.coefficients(alongR ? 1 : 0, alongR ? 0 : 1);
        int nR = g.nR();
        int nZ = g.nZ();
        if (alongR) {
            for (int j = 1; j < nZ - 1; j++) {
                int row = j * nR;
                Thomas.factor(nR - 1, -1, lower, d, up, row, 1, inv, c, row, 1);
            }
        } else {
            for (int i = 0; i < nR - 1; i++) {
                int first = nR + i;
                Thomas.factor(nZ - 2, -1, lower, d, up, first, nR, inv, c, first, nR);
            }
        }
    }

    /**
     * x = (line part of −L)⁻¹ rhs on every line of the given parity (line index j for R-lines, i for z-lines,
     * parity 0 = even, 1 = odd); other nodes of x untouched. rhs and x may be the same array.
     */
    void solve(double[] rhs, double[] x, int parity) {
        int nR = g.nR();
        int nZ = g.nZ();
        if (direction == LineDirection.ALONG_R) {
            for (int j = 1 + ((1 + parity) & 1); j < nZ - 1; j += 2) { // rows j ≡ parity (mod 2), interior
                int row = j * nR;
                Thomas.solve(nR - 1, -1, lower, inv, c, row, 1, rhs, x, row, 1);
            }
        } else {
            int i0 = parity;
            Thomas.solveLines(nZ - 2, (nR - i0) / 2, -1, lower, inv, c, nR + i0, 2, nR, rhs, x);
        }
    }
}
