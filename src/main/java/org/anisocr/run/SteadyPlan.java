package org.anisocr.run;

import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.steady.SteadyMethod;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a steady-state model (modes steady and direct) is solved, decided by {@link SteadyPlanner} before any work:
 * which path, which steady method, on which device, in a batch or alone, with which tuning, and why.
 *
 * @param path    the solver that runs
 * @param method  the steady method it runs (auto resolved; the GPU banded LU is the exact direct method)
 * @param device  "cpu" or "gpu" (the batched path on its Java reference: "cpu")
 * @param batched whether the model's bins join the systems of other models in one batched solve
 * @param tuning  the model file's [solver.tuning] with the command line's choices over it
 * @param reason  why this path and method, in words
 */
public record SteadyPlan(Path path, SteadyMethod method, String device, boolean batched, SolverTuning tuning,
                         String reason) {
    /** The three steady solvers a model can get. */
    public enum Path {
        /** {@code SteadySolver} in the run's scheme on the CPU. */
        CPU_SCHEME,
        /** {@code GpuSteadySolver}: the exact banded LU per bin on the GPU (the paper's scheme). */
        GPU_BANDED_LU,
        /** {@code BatchedSteadySolver}: mg-gmres over every bin of every model at once (the paper's scheme). */
        BATCHED_MG_GMRES;

        /** "cpu-scheme", "gpu-banded-lu", "batched-mg-gmres". */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The plan as summary.json records it. */
    public Map<String, Object> toSummary() {
        Map<String, Object> tuningKeys = new LinkedHashMap<>();
        tuningKeys.put("multigrid_setup", tuning.multigridSetup().key());
        tuningKeys.put("line_relaxation", tuning.lineRelaxation().key());
        tuningKeys.put("steady_kernel", tuning.steadyKernel().key());
        tuningKeys.put("multigrid_sweeps", tuning.multigridSweeps());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.key());
        m.put("method", method.key());
        m.put("device", device);
        m.put("batched", batched);
        m.put("tuning", tuningKeys);
        m.put("reason", reason);
        return m;
    }
}
