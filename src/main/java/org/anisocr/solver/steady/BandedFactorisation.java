package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;

import java.util.Arrays;

/**
 * Exact factorisation of −L (one momentum bin, any 9-point operator) as a banded LU with partial pivoting.
 * Unknowns are the non-Dirichlet nodes i = 0..NR−2, j = 1..Nz−2, numbered along the shorter grid direction
 * first so that the bandwidth is min(NR−1, Nz−2) + 1. Cost: factor ~ n·bw², solve ~ 3 n·bw.
 * Used as the reference direct solve and, for a neighbouring bin, as a preconditioner.
 */
public final class BandedFactorisation {
    private final SpatialGrid g;
    private final int nI;
    private final int nJ;
    private final boolean radialFastest;
    private final BandedLu lu;

    private float[] single;

    /** Exact factorisation (double precision solves). */
    public BandedFactorisation(NinePointMatrix m) { this(m, false); }

    /**
     * @param preconditionerOnly keep only single-precision factors (half the memory traffic per solve); the
     *                           solve is then accurate to ~1e-7 relative, enough for a preconditioner
     */
    public BandedFactorisation(NinePointMatrix m, boolean preconditionerOnly) {
        g = m.grid();
        nI = g.nR() - 1;
        nJ = g.nZ() - 2;
        radialFastest = nI <= nJ;
        int bw = (radialFastest ? nI : nJ) + 1;
        int unknowns = nI * nJ;
        lu = new BandedLu(unknowns, bw, bw);
        for (int j = 1; j <= nJ; j++) {
            for (int i = 0; i < nI; i++) {
                int idx = g.index(i, j);
                int row = unknown(i, j);
                for (int b = -1; b <= 1; b++) {
                    for (int a = -1; a <= 1; a++) {
                        double v = m.get(a, b, idx);
                        int col = unknown(i + a, j + b);
                        if (col >= 0 && v != 0) {
                            lu.set(row, col, -v); // −L: positive diagonal
                        }
                    }
                }
            }
        }
        lu.factor();
        if (preconditionerOnly) {
            single = lu.singlePrecisionFactors();
        }
    }

    /** The factors (exact solves only) and the numbering, for the multigrid packing of the device. */
    BandedLu lu() { return lu; }
    boolean radialFastest() { return radialFastest; }

    private int unknown(int i, int j) {
        int jj = j - 1;
        if (i < 0 || i >= nI || jj < 0 || jj >= nJ) {
            return -1;
        }
        return radialFastest ? jj * nI + i : i * nJ + jj;
    }

    /** x = (−L)⁻¹ r on the node layout (Dirichlet nodes of x set to 0). x and r may be the same array. */
    public void solve(double[] r, double[] x) {
        double[] b = new double[nI * nJ];
        for (int j = 1; j <= nJ; j++) {
            for (int i = 0; i < nI; i++) {
                b[unknown(i, j)] = r[g.index(i, j)];
            }
        }
        if (single != null) {
            lu.solve(single, b);
        } else {
            lu.solve(b);
        }
        Arrays.fill(x, 0);
        for (int j = 1; j <= nJ; j++) {
            for (int i = 0; i < nI; i++) {
                x[g.index(i, j)] = b[unknown(i, j)];
            }
        }
    }
}
