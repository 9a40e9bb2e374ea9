package org.anisocr.solver.steady;

import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.SymmetricOperator;
import org.anisocr.operator.TransportProblem;

/**
 * Steady state of a problem in the configured spatial scheme: "paper", "symmetric" (linear: one solve) or
 * "symmetric-limited" (nonlinear: Picard iteration over solves of the operator with its limiter factors frozen at
 * the previous iterate, never increasing (φ ← min(φ, φ(N))), until no factor changes by more than 1e-3; the
 * answer then solves its final frozen operator to the solver tolerance, and that residual is the one reported).
 */
public final class SchemeSteadySolver {
    /** The Picard iteration stops when no limiter factor changed by more than this. */
    static final double LIMITER_SETTLED = 1e-3;

    private SchemeSteadySolver() {}

    /** The linear operator of a scheme (for the limited scheme: frozen at the all-averages, i.e. unlimited, state). */
    public static SteadyOperator operator(TransportProblem problem, Scheme scheme) {
        return switch (scheme) {
            case PAPER -> new PaperSteadyOperator(problem);
            case SYMMETRIC -> new SymmetricOperator(problem);
            case SYMMETRIC_LIMITED -> SymmetricOperator.limited(problem);
        };
    }

    public static SteadySolver.Result solve(
            TransportProblem problem, Scheme scheme, SteadySolver solver, int picardMax) {
        SteadyOperator op = operator(problem, scheme);
        SteadySolver.Result r = solver.solve(op, null);
        if (scheme != Scheme.SYMMETRIC_LIMITED) {
            return r;
        }
        SymmetricOperator limited = (SymmetricOperator) op;
        int sweeps = r.sweepsMax();
        int factorisations = r.factorisations();
        long total = r.sweepsTotal();
        double tol = solver.settings().tolerance();
        SymmetricOperator frozen = limited.frozenAt(r.density());
        for (int it = 1; ; it++) {
            r = solver.solve(frozen, r.density());
            sweeps += r.sweepsMax();
            total += r.sweepsTotal();
            factorisations += r.factorisations();
            SymmetricOperator next = limited.frozenAt(r.density(), frozen);
            // settled: the limiter factors no longer change, so r solves its own (final) frozen operator
            boolean settled = next.limiterChange(frozen) <= LIMITER_SETTLED;
            if (settled || it >= picardMax) {
                return new SteadySolver.Result(r.density(), sweeps, total, factorisations, r.residual(),
                        r.converged() && settled, it);
            }
            frozen = next;
        }
    }

    /**
     * max over bins of ‖L_k N_k + S_k‖/‖S_k‖ for an operator (with a wind or losses: L_k with their terms, S_k with
     * the inflow from bin k + 1) (for the limited scheme: pass it frozen at n). */
    public static double maxRelativeResidual(SteadyOperator op, double[][] n) {
        double worst = 0;
        for (int k = 0; k < op.bins(); k++) {
            NinePointMatrix m = op.matrix(k);
            double[] s = op.transport() == null ? op.source(k)
                    : op.transport().sourceWithInflow(k, op.source(k), k + 1 < op.bins() ? n[k + 1] : null);
            worst = Math.max(worst, m.relativeResidual(n[k], s));
        }
        return worst;
    }

    /**
     * ‖L N + S‖/‖S‖ with the limiter frozen afresh at n itself (limited scheme). Because the Picard iteration only
     * ever lowers the limiter factors, the final state can be more limited than its own fresh factors; this number
     * says by how much (it goes into summary.json as limiter_fresh_residual).
     */
    public static double reportedResidual(TransportProblem problem, Scheme scheme, double[][] n) {
        SteadyOperator op = operator(problem, scheme);
        if (op instanceof SymmetricOperator s && s.isLimited()) {
            op = s.frozenAt(n);
        }
        return maxRelativeResidual(op, n);
    }
}
