package org.anisocr.solver.steady;

/**
 * [solver.steady]: method, tolerance (relative residual ‖L N + S‖/‖S‖ per bin), GMRES restart, iterations per bin,
 * refactor_after (lu-gmres: refactor when a bin took more iterations), adi_cycle (adi-gmres: shifts per cycle).
 */
public record SteadySettings(SteadyMethod method, double tolerance, int restart, int maxIterations, int refactorAfter,
                             int adiCycle) {
    public static SteadySettings defaults(SteadyMethod method) {
        return new SteadySettings(method, 1e-10, 40, 4000, 8, 8);
    }

    public SteadySettings withTolerance(double tol) {
        return new SteadySettings(method, tol, restart, maxIterations, refactorAfter, adiCycle);
    }

    public SteadySettings withMethod(SteadyMethod m) {
        return new SteadySettings(m, tolerance, restart, maxIterations, refactorAfter, adiCycle);
    }
}
