package org.anisocr.solver.steady;

import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.SplitStepper;

/**
 * The paper's route to the steady state: march the split scheme with a large dt first, then
 * shrink dt by a constant factor rung after rung (large steps carry the slow, large-scale modes;
 * small steps damp the stiff ones that Crank–Nicolson only flips at large dt), until the relative
 * change per step drops below the tolerance on the smallest rung.
 */
public final class DtLadder {

    /** What the ladder did. */
    public record Outcome(int steps, int rungs, double finalDtMyr, double finalChange, boolean converged) {}

    /** Called after each batch of steps: steps so far, current dt, last change. */
    public interface Progress { void update(int steps, double dtMyr, double change); }

    private DtLadder() {}

    public static Outcome run(SplitStepper stepper, LadderSettings s, Progress progress) {
        MixedTermStability.requireStable(stepper.problem(), s.dtMaxMyr(), "solver.ladder.dt_max_Myr");
        int steps = 0;
        int rungs = 0;
        double dt = s.dtMaxMyr();
        double change = Double.POSITIVE_INFINITY;
        while (true) {
            rungs++;
            boolean smallest = dt <= s.dtMinMyr() * (1 + 1e-12);
            int budget = smallest ? s.maxSteps() - steps : Math.min(s.stepsPerRung(), s.maxSteps() - steps);
            int done = 0;
            while (done < budget) {
                int batch = Math.min(s.checkEvery(), budget - done);
                change = stepper.advance(dt, batch);
                done += batch;
                steps += batch;
                if (progress != null) {
                    progress.update(steps, dt, change);
                }
                if (change < s.tolerance()) {
                    break;
                }
            }
            if (smallest || steps >= s.maxSteps()) {
                return new Outcome(steps, rungs, dt, change, change < s.tolerance());
            }
            dt = Math.max(dt * s.factor(), s.dtMinMyr());
        }
    }
}
