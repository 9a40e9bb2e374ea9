package org.anisocr.solver.linalg;

import java.util.Arrays;

/**
 * The small least-squares problem of one GMRES cycle, min ‖β e₁ − H y‖ over the (j+1)×j upper Hessenberg matrix H
 * that Arnoldi builds column by column, kept triangular by Givens rotations as the columns arrive: the rotated
 * right-hand side g then gives the residual estimate |g_{j}| after each column for free, and the solution y is one
 * back substitution at the end of the cycle. One instance per system, reused from cycle to cycle (mutable work
 * space of a solver, not a value).
 */
public final class HessenbergLeastSquares {
    private final double[][] h;
    private final double[] cs;
    private final double[] sn;
    private final double[] g;
    private int columns;

    /** Room for {@code restart} columns. */
    public HessenbergLeastSquares(int restart) {
        h = new double[restart + 1][restart];
        cs = new double[restart];
        sn = new double[restart];
        g = new double[restart + 1];
    }

    /** Starts a cycle whose initial residual has norm {@code beta} (g = β e₁, no columns). */
    public void start(double beta) {
        Arrays.fill(g, 0);
        g[0] = beta;
        columns = 0;
    }

    /** Sets entry H(i, j) of the column being built (i ≤ j + 1), before {@link #addColumn}. */
    public void set(int i, int j, double value) {
        h[i][j] = value;
    }

    /**
     * Closes column j = {@link #columns()}, whose entries were {@link #set}: applies the earlier rotations to it,
     * eliminates H(j+1, j) with a new rotation and rotates g.
     *
     * @return the residual estimate |g_{j+1}| of the least-squares problem with the columns so far
     */
    public double addColumn() {
        int jj = columns;
        for (int i = 0; i < jj; i++) { // previous Givens rotations
            double t = cs[i] * h[i][jj] + sn[i] * h[i + 1][jj];
            h[i + 1][jj] = -sn[i] * h[i][jj] + cs[i] * h[i + 1][jj];
            h[i][jj] = t;
        }
        double den = Math.hypot(h[jj][jj], h[jj + 1][jj]);
        cs[jj] = h[jj][jj] / den;
        sn[jj] = h[jj + 1][jj] / den;
        h[jj][jj] = den;
        h[jj + 1][jj] = 0;
        g[jj + 1] = -sn[jj] * g[jj];
        g[jj] = cs[jj] * g[jj];
        columns = jj + 1;
        return Math.abs(g[jj + 1]);
    }

    /** The columns added since {@link #start}. */
    public int columns() {
        return columns;
    }

    /** y with R y = g over the columns added (back substitution): the coefficients of the Krylov directions. */
    public double[] solve() {
        int used = columns;
        double[] y = new double[used];
        for (int i = used - 1; i >= 0; i--) {
            double t = g[i];
            for (int c = i + 1; c < used; c++) {
                t -= h[i][c] * y[c];
            }
            y[i] = t / h[i][i];
        }
        return y;
    }
}
