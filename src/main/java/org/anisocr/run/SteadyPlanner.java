package org.anisocr.run;

import org.anisocr.config.Mode;
import org.anisocr.config.SolverSettings;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.Scheme;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySolver;

/**
 * The one place that chooses how a steady-state model is solved, before any work ({@link SteadyPlan}):
 * <ul>
 *   <li>batched mg-gmres: mode steady, the paper's scheme, a steady method that resolves to mg-gmres on this grid
 *       (auto above the LU crossover), and a backend that batches steady solves (the GPU, or its Java reference);</li>
 *   <li>else the GPU banded LU: the paper's scheme on a backend whose steady solves go to the GPU;</li>
 *   <li>else the CPU steady solver in the run's scheme (mode direct: the exact banded LU).</li>
 * </ul>
 * The tuning is resolved here too: the model file's [solver.tuning] with the command line's choices over it.
 */
final class SteadyPlanner {
    private SteadyPlanner() {}

    /** The plan of a model with these settings on this grid and backend (may log the backend's one fallback line). */
    static SteadyPlan plan(SolverSettings s, SpatialGrid grid, SolverBackend backend) {
        SolverTuning tuning = backend.tuningFor(s.tuning());
        SteadyPlan batched = batched(s, grid, backend);
        if (batched != null) {
            return batched;
        }
        if (backend.steadyOnGpu(s.scheme())) {
            return new SteadyPlan(SteadyPlan.Path.GPU_BANDED_LU, SteadyMethod.DIRECT, "gpu", false, tuning,
                    "the paper's scheme on the GPU: the exact banded LU per bin (the fast method there)");
        }
        return onCpu(s, grid, tuning, null);
    }

    /**
     * The batched plan when a model with these settings joins a batch on this backend, else null (asked of every
     * model of a sweep: it asks the backend only about mode steady with the paper's scheme and mg-gmres).
     */
    static SteadyPlan batched(SolverSettings s, SpatialGrid grid, SolverBackend backend) {
        SteadySolver.Choice choice = SteadySolver.choose(s.steady().method(), grid);
        if (s.mode() == Mode.STEADY && s.scheme() == Scheme.PAPER && choice.method() == SteadyMethod.MG_GMRES
                && backend.batchesSteady(s.scheme())) {
            return new SteadyPlan(SteadyPlan.Path.BATCHED_MG_GMRES, SteadyMethod.MG_GMRES, backend.batchDeviceKind(),
                    true, backend.tuningFor(s.tuning()), choice.reason());
        }
        return null;
    }

    /**
     * The CPU steady solver in the run's scheme: the plan of a CPU backend, and where an auto run goes when the GPU
     * fails ({@code gpuFailure} then says why; null otherwise).
     */
    static SteadyPlan onCpu(SolverSettings s, SpatialGrid grid, SolverTuning tuning, String gpuFailure) {
        SteadyMethod asked = s.mode() == Mode.DIRECT ? SteadyMethod.DIRECT : s.steady().method();
        SteadySolver.Choice choice = SteadySolver.choose(asked, grid);
        String reason = gpuFailure == null ? choice.reason() : gpuFailure + "; on the CPU: " + choice.reason();
        return new SteadyPlan(SteadyPlan.Path.CPU_SCHEME, choice.method(), "cpu", false, tuning, reason);
    }
}
