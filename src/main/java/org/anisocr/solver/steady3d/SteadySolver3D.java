package org.anisocr.solver.steady3d;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;

/**
 * Solves −L N = S for one momentum bin on a 3D grid, L the symmetric scheme with the bin's D∥ and D⊥. One instance
 * serves every bin of a model (the operator depends on the field only).
 *
 * <p>Baseline: unpreconditioned conjugate gradients, correct for any SPD −L but with an iteration count that grows
 * like 1/h and with the anisotropy; the multigrid preconditioner replaces it behind the same methods.
 */
public final class SteadySolver3D {
    private final SymmetricOperator3D operator;
    private final Steady3DSettings settings;

    public SteadySolver3D(SymmetricOperator3D operator, Steady3DSettings settings) {
        this.operator = operator;
        this.settings = settings;
    }

    /** Bytes this solver needs for one bin in flight beyond the solution itself: an estimate to refuse up front. */
    public static long estimateBytes(CartesianGrid3D grid) {
        return 5L * Double.BYTES * grid.size();
    }

    /**
     * The steady state for the bin with D∥, D⊥ (kpc²/Myr) and source S (per Myr, 0 on Dirichlet nodes);
     * {@code guess} (may be null) starts the iteration, e.g. the neighbouring bin's answer.
     */
    public Steady3DResult solve(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr, double[] source, double[] guess) {
        int n = operator.grid().size();
        double[] x = guess == null ? new double[n] : guess.clone();
        double[] r = new double[n];
        double[] ap = new double[n];
        // r = S + L x (the residual of −L x = S)
        operator.apply(dParallelKpc2PerMyr, dPerpKpc2PerMyr, x, r);
        double sourceNorm = Math.sqrt(dot(source, source));
        if (sourceNorm == 0) {
            return new Steady3DResult(new double[n], 0, 0, true);
        }
        for (int i = 0; i < n; i++) {
            r[i] += source[i];
        }
        double[] p = r.clone();
        double rr = dot(r, r);
        int it = 0;
        while (Math.sqrt(rr) > settings.tolerance() * sourceNorm && it < settings.maxIterations()) {
            operator.apply(dParallelKpc2PerMyr, dPerpKpc2PerMyr, p, ap);
            // A = −L
            double pAp = -dot(p, ap);
            double alpha = rr / pAp;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] += alpha * ap[i];
            }
            double rrNew = dot(r, r);
            double beta = rrNew / rr;
            rr = rrNew;
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * p[i];
            }
            it++;
        }
        double relative = Math.sqrt(rr) / sourceNorm;
        return new Steady3DResult(x, it, relative, relative <= settings.tolerance());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
