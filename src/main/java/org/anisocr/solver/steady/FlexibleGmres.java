package org.anisocr.solver.steady;

import org.anisocr.operator.NinePointMatrix;
import org.anisocr.solver.linalg.HessenbergLeastSquares;

import java.util.Arrays;

/**
 * Restarted flexible GMRES (Saad 1993) for A x = b with A = −L (one bin) and right preconditioning:
 * the Krylov basis is built from A·M_j⁻¹ v_j and the preconditioned directions z_j = M_j⁻¹ v_j are kept, so the
 * preconditioner may vary between iterations (Wachspress-cycled ADI does). Right preconditioning means the
 * residual GMRES minimises is the true residual ‖b − A x‖, i.e. exactly the ‖L N + S‖ every mode reports.
 *
 * <p>One iteration = one operator application + one preconditioner application: the unit this project
 * calls a "sweep" for Krylov solvers (see bench/STEADY.md).
 */
public final class FlexibleGmres {
    private final int restart;
    /** Krylov and preconditioned vectors, kept from solve to solve and allocated only as far as used: a solve that
     *  converges in 15 iterations touches 31 vectors, not 2·restart + 1 (memory and page faults at large grids). */
    private double[][] v = new double[0][];
    private double[][] z = new double[0][];
    private double[] r = new double[0];

    public FlexibleGmres(int restart) { this.restart = restart; }

    private static double[] vector(double[][] pool, int q, int n) {
        if (pool[q] == null || pool[q].length != n) {
            pool[q] = new double[n];
        }
        return pool[q];
    }

    /** What one solve did. */
    public record Outcome(int iterations, double relativeResidual, boolean converged) {}

    /**
     * Solves −L x = s to ‖L x + s‖ ≤ tol·‖s‖, starting from x (overwritten with the answer).
     */
    public Outcome solve(NinePointMatrix l, double[] s, double[] x, Preconditioner m, double tol, int maxIterations) {
        int n = x.length;
        double bNorm = norm(s);
        if (bNorm == 0) { Arrays.fill(x, 0); return new Outcome(0, 0, true); }
        if (v.length != restart + 1) { v = new double[restart + 1][]; z = new double[restart][]; }
        if (r.length != n) {
            r = new double[n];
        }
        double[][] v = this.v;
        double[][] z = this.z;
        double[] r = this.r;
        HessenbergLeastSquares ls = new HessenbergLeastSquares(restart);
        int iterations = 0;
        double rel = residual(l, s, x, r) / bNorm;
        while (rel > tol && iterations < maxIterations) {
            double beta = norm(r);
            vector(v, 0, n);
            for (int q = 0; q < n; q++) {
                v[0][q] = r[q] / beta;
            }
            ls.start(beta);
            for (int jj = 0; jj < restart && iterations < maxIterations; jj++) {
                double hn = arnoldiStep(l, m, ls, v, z, jj, n);
                double estimate = ls.addColumn();
                iterations++;
                // margin: the estimate drifts from the true residual
                if (estimate <= 0.5 * tol * bNorm || hn == 0) {
                    break;
                }
            }
            double[] y = ls.solve();
            int used = y.length;
            for (int i = 0; i < used; i++) {
                for (int q = 0; q < n; q++) {
                    x[q] += y[i] * z[i][q];
                }
            }
            double previous = rel;
            rel = residual(l, s, x, r) / bNorm; // the true residual decides, not the recurrence
            if (!(rel < previous)) {
                break; // stagnation (or breakdown): give up rather than loop
            }
        }
        return new Outcome(iterations, rel, rel <= tol);
    }

    /**
     * One flexible Arnoldi step: z_jj = M⁻¹ v_jj, w = A z_jj (A = −L), w orthogonalised against v_0..v_jj by
     * modified Gram–Schmidt into column jj of the Hessenberg matrix, then normalised into v_jj+1. Returns the
     * subdiagonal entry h_jj+1,jj (0 on breakdown, w then left unnormalised). Separate from {@link #solve} so the
     * restart loop reads as: build a basis vector, check the residual estimate, update x.
     */
    private static double arnoldiStep(NinePointMatrix l, Preconditioner m, HessenbergLeastSquares ls, double[][] v,
                                      double[][] z, int jj, int n) {
        m.apply(v[jj], vector(z, jj, n));
        double[] w = vector(v, jj + 1, n);
        l.apply(z[jj], w);
        for (int q = 0; q < n; q++) {
            w[q] = -w[q]; // A = −L
        }
        for (int i = 0; i <= jj; i++) { // modified Gram–Schmidt
            double d = dot(w, v[i]);
            ls.set(i, jj, d);
            for (int q = 0; q < n; q++) {
                w[q] -= d * v[i][q];
            }
        }
        double hn = norm(w);
        ls.set(jj + 1, jj, hn);
        if (hn != 0) {
            for (int q = 0; q < n; q++) {
                w[q] /= hn;
            }
        }
        return hn;
    }

    /** r = s + L x (= b − A x); returns ‖r‖. */
    static double residual(NinePointMatrix l, double[] s, double[] x, double[] r) {
        l.apply(x, r);
        for (int q = 0; q < r.length; q++) {
            r[q] += s[q];
        }
        return norm(r);
    }

    static double dot(double[] a, double[] b) {
        double d = 0;
        for (int q = 0; q < a.length; q++) {
            d += a[q] * b[q];
        }
        return d;
    }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }
}
