package org.anisocr.operator;

import org.anisocr.grid.SpatialGrid;

import java.util.Arrays;

/**
 * The discrete operator L of one momentum bin written as a general 9-point stencil:
 * <pre>  (L N)_{i,j} = Σ_{a,b ∈ {−1,0,1}} c[a,b]_{i,j} N_{i+a, j+b}  </pre>
 * Both the paper's 7-coefficient scheme and the symmetric (Günter) scheme are written in this form, so every
 * steady solver (operator application, banded assembly, line relaxation) is written once, against this class.
 *
 * <p>Storage: {@code c[p][idx]} with p = (b+1)·3 + (a+1) (a along R, b along z), idx = j·NR + i. Rows of
 * Dirichlet nodes are all zero (N = 0 there) and entries that would point outside the grid (i − 1 on the
 * axis) are zero too, so applying the stencil never needs a boundary test beyond "is this row Dirichlet".
 */
public final class NinePointMatrix {
    /** Stencil slot of the offset (a, b), a, b ∈ {−1, 0, 1}. */
    public static int slot(int a, int b) { return (b + 1) * 3 + (a + 1); }
    public static final int CENTRE = 4;

    private final SpatialGrid grid;
    private final double[][] c = new double[9][];

    public NinePointMatrix(SpatialGrid grid) {
        this.grid = grid;
        for (int p = 0; p < 9; p++) {
            c[p] = new double[grid.size()];
        }
    }

    public SpatialGrid grid() { return grid; }

    /** The coefficient array of one slot; writable (builders fill it). */
    public double[] coefficients(int a, int b) { return c[slot(a, b)]; }

    public double get(int a, int b, int idx) { return c[slot(a, b)][idx]; }

    public void add(int a, int b, int idx, double v) { c[slot(a, b)][idx] += v; }

    /** out = L N; zero on Dirichlet nodes. */
    public void apply(double[] n, double[] out) {
        int nR = grid.nR();
        int nZ = grid.nZ();
        double[] sw = c[0];
        double[] s = c[1];
        double[] se = c[2];
        double[] w = c[3];
        double[] ce = c[4];
        double[] e = c[5];
        double[] nw = c[6];
        double[] no = c[7];
        double[] ne = c[8];
        for (int j = 0; j < nZ; j++) {
            int row = j * nR;
            if (j == 0 || j == nZ - 1) { Arrays.fill(out, row, row + nR, 0); continue; }
            // axis node i = 0: no i − 1 neighbours (their coefficients are zero by construction)
            int idx = row;
            out[idx] = ce[idx] * n[idx] + e[idx] * n[idx + 1] + s[idx] * n[idx - nR] + no[idx] * n[idx + nR]
                    + se[idx] * n[idx - nR + 1] + ne[idx] * n[idx + nR + 1];
            for (int i = 1; i < nR - 1; i++) {
                idx = row + i;
                out[idx] = ce[idx] * n[idx] + w[idx] * n[idx - 1] + e[idx] * n[idx + 1]
                        + s[idx] * n[idx - nR] + no[idx] * n[idx + nR]
                        + sw[idx] * n[idx - nR - 1] + se[idx] * n[idx - nR + 1]
                        + nw[idx] * n[idx + nR - 1] + ne[idx] * n[idx + nR + 1];
            }
            out[row + nR - 1] = 0;
        }
    }

    /** ‖L N + S‖₂ / ‖S‖₂ (absolute ‖L N‖₂ when S = 0). */
    public double relativeResidual(double[] n, double[] source) {
        double[] ln = new double[n.length];
        apply(n, ln);
        return residualNorm(ln, source);
    }

    /** ‖ln + s‖₂ / ‖s‖₂ (absolute ‖ln‖₂ when s = 0): the steady residual from an already applied L N. */
    static double residualNorm(double[] ln, double[] s) {
        double num = 0;
        double den = 0;
        for (int idx = 0; idx < ln.length; idx++) {
            double r = ln[idx] + s[idx];
            num += r * r;
            den += s[idx] * s[idx];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    /** Zeroes Dirichlet rows and the couplings to Dirichlet or out-of-grid columns (N = 0 there anyway). */
    public void clearBoundaries() {
        int nR = grid.nR();
        int nZ = grid.nZ();
        for (int j = 0; j < nZ; j++) {
            for (int i = 0; i < nR; i++) {
                int idx = grid.index(i, j);
                for (int b = -1; b <= 1; b++) {
                    for (int a = -1; a <= 1; a++) {
                        int ii = i + a;
                        int jj = j + b;
                        boolean outside = ii < 0 || ii >= nR || jj < 0 || jj >= nZ;
                        if (grid.isDirichlet(i, j) || outside || grid.isDirichlet(ii, jj)) {
                            c[slot(a, b)][idx] = 0;
                        }
                    }
                }
            }
        }
    }
}
