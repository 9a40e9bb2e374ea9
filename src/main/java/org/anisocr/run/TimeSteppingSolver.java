package org.anisocr.run;

import org.anisocr.config.SolverSettings;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.SplitStepper;
import org.anisocr.solver.steady.DtLadder;

/** Modes ladder and transient: the paper's split step on the backend's stepper. */
final class TimeSteppingSolver {
    private TimeSteppingSolver() {}

    /** Mode ladder: the paper's dt ladder to steady state. */
    static Solution.Ladder ladder(
            TransportProblem problem, SolverSettings s, SolverBackend backend, DtLadder.Progress progress) {
        try (SplitStepper stepper = backend.openStepper(problem)) {
            DtLadder.Outcome o = DtLadder.run(stepper, s.ladder(), progress);
            double[][] n = stepper.state();
            ModelRunner.requireFinite(n);
            return new Solution.Ladder(n, stepper.backend(), o, DiscreteOperator.maxRelativeResidual(problem, n));
        }
    }

    /** Mode transient: fixed dt up to t_end, progress every 100 steps. */
    static Solution.Transient transient_(
            TransportProblem problem, SolverSettings s, SolverBackend backend, DtLadder.Progress progress) {
        double dt = s.transientDtMyr();
        MixedTermStability.requireStable(problem, dt, "solver.transient.dt_Myr");
        try (SplitStepper stepper = backend.openStepper(problem)) {
            int steps = (int) Math.round(s.transientEndMyr() / dt);
            int chunk = Math.max(1, Math.min(steps, 100));
            double change = Double.NaN;
            for (int done = 0; done < steps; done += chunk) {
                change = stepper.advance(dt, Math.min(chunk, steps - done));
                if (progress != null) {
                    progress.update(Math.min(done + chunk, steps), dt, change);
                }
            }
            double[][] n = stepper.state();
            ModelRunner.requireFinite(n);
            return new Solution.Transient(n, stepper.backend(), steps, dt, change);
        }
    }
}
