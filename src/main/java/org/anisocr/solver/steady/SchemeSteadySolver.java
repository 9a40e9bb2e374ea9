package org.anisocr.solver.steady;

import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.SymmetricOperator;
import org.anisocr.operator.TransportProblem;

/**
 * Steady state of a problem in the configured spatial scheme: "paper", "symmetric" (linear: one solve) or
 * "symmetric-limited" (nonlinear: Picard iteration over solves of the operator with its limiter frozen at the
 * previous iterate, until the nonlinear residual ‖L(N) N + S‖/‖S‖ is below the tolerance).
 */
public final class SchemeSteadySolver {
    /** Under-relaxation factor of the Picard iteration of the limited scheme. */
    static final double PICARD_DAMPING = 0.5;

    private SchemeSteadySolver() {}

    /** The linear operator of a scheme (for the limited scheme: frozen at the all-averages, i.e. unlimited, state). */
    public static SteadyOperator operator(TransportProblem problem, String scheme) {
        return switch (scheme) {
            case "paper" -> new PaperSteadyOperator(problem);
            case "symmetric" -> new SymmetricOperator(problem);
            case "symmetric-limited" -> SymmetricOperator.limited(problem);
            default -> throw new IllegalArgumentException("scheme " + scheme);
        };
    }

    public static SteadySolver.Result solve(TransportProblem problem, String scheme, SteadySolver solver, int picardMax) {
        SteadyOperator op = operator(problem, scheme);
        SteadySolver.Result r = solver.solve(op, null);
        if (!scheme.equals("symmetric-limited")) return r;
        SymmetricOperator limited = (SymmetricOperator) op;
        int sweeps = r.sweepsMax(), factorisations = r.factorisations();
        long total = r.sweepsTotal();
        double tol = solver.settings().tolerance();
        for (int it = 1; it <= picardMax; it++) {
            SymmetricOperator frozen = limited.frozenAt(r.density());
            double nonlinear = maxRelativeResidual(frozen, r.density());
            if (nonlinear <= tol || it == picardMax)
                return new SteadySolver.Result(r.density(), sweeps, total, factorisations, nonlinear, nonlinear <= tol, it);
            double[][] previous = r.density();
            r = solver.solve(frozen, previous);
            // under-relaxation: the undamped iteration overshoots between limiter states
            for (int k = 0; k < previous.length; k++)
                for (int q = 0; q < previous[k].length; q++)
                    r.density()[k][q] = previous[k][q] + PICARD_DAMPING * (r.density()[k][q] - previous[k][q]);
            sweeps += r.sweepsMax();
            total += r.sweepsTotal();
            factorisations += r.factorisations();
        }
        throw new AssertionError("unreachable");
    }

    /** max over bins of ‖L_k N_k + S_k‖/‖S_k‖ for an operator (for the limited scheme: pass it frozen at n). */
    public static double maxRelativeResidual(SteadyOperator op, double[][] n) {
        double worst = 0;
        for (int k = 0; k < op.bins(); k++) {
            NinePointMatrix m = op.matrix(k);
            worst = Math.max(worst, m.relativeResidual(n[k], op.source(k)));
        }
        return worst;
    }

    /** The residual a run reports for its scheme: nonlinear (limiter frozen at n itself) for the limited one. */
    public static double reportedResidual(TransportProblem problem, String scheme, double[][] n) {
        SteadyOperator op = operator(problem, scheme);
        if (op instanceof SymmetricOperator s && s.isLimited()) op = s.frozenAt(n);
        return maxRelativeResidual(op, n);
    }
}
