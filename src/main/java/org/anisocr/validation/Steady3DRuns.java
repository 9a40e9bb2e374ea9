package org.anisocr.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.solver.steady3d.Steady3DResult;
import org.anisocr.solver.steady3d.Steady3DSettings;
import org.anisocr.solver.steady3d.SteadySolver3D;

/**
 * What the 3D validation cases share: the solver settings, sampling a function on the nodes, and one grid's errors
 * with the observed orders between successive grids.
 */
public final class Steady3DRuns {
    /**
     * Relative residual every 3D case solves to: far below the discretisation errors measured (≥ 1e-6), so the
     * errors reported are those of the scheme, not of the iteration.
     */
    public static final double TOLERANCE = 1e-11;
    /** Enough for the unpreconditioned CG baseline on the finest grids used here. */
    public static final int MAX_ITERATIONS = 50_000;

    /** A function of position (kpc). */
    @FunctionalInterface
    public interface Profile {
        double at(double xKpc, double yKpc, double zKpc);
    }

    /** Errors of one grid against the exact solution (all nodes, unweighted, as {@link ErrorNorms}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GridResult(@JsonProperty("n") int n, @JsonProperty("h_kpc") double h,
                             @JsonProperty("error_l2_rel") double l2Rel, @JsonProperty("error_max_rel") double maxRel,
                             @JsonProperty("iterations") int iterations,
                             @JsonProperty("residual") double residual, @JsonProperty("seconds") double seconds,
                             @JsonProperty("order") Double orderL2, @JsonProperty("order_max") Double orderMax)
            implements ObservedOrders.GridErrors<GridResult> {
        @Override
        public GridResult withOrders(Double l2, Double max) {
            return new GridResult(n, h, l2Rel, maxRel, iterations, residual, seconds, l2, max);
        }
    }

    private Steady3DRuns() {}

    /** −L N = S to {@link #TOLERANCE}; throws if the solver stops short (a number from it would mean nothing). */
    public static Steady3DResult solve(SymmetricOperator3D op, double dParallel, double dPerp, double[] source) {
        Steady3DResult r = new SteadySolver3D(op, new Steady3DSettings(TOLERANCE, MAX_ITERATIONS))
                .solve(dParallel, dPerp, source, null);
        if (!r.converged()) {
            throw new IllegalStateException("3D steady solve did not converge: relative residual "
                    + r.relativeResidual() + " after " + r.iterations() + " iterations");
        }
        return r;
    }

    /** f at every node; 0 at the Dirichlet nodes when {@code interiorOnly}. */
    public static double[] sample(CartesianGrid3D g, Profile f, boolean interiorOnly) {
        double[] v = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (!(interiorOnly && g.isDirichlet(i, j, k))) {
                        v[g.index(i, j, k)] = f.at(g.xKpc(i), g.yKpc(j), g.zKpc(k));
                    }
                }
            }
        }
        return v;
    }

    static GridResult result(CartesianGrid3D g, double[] numeric, double[] exact, Steady3DResult r, long t0) {
        ErrorNorms e = ErrorNorms.of(numeric, exact);
        return new GridResult(g.nX(), g.dxKpc(), e.l2Rel(), e.maxRel(), r.iterations(), r.relativeResidual(),
                (System.nanoTime() - t0) * 1e-9, null, null);
    }
}
