package org.anisocr.run;

import org.anisocr.config.Mode;
import org.anisocr.solver.gpu.GpuSteadySolver;
import org.anisocr.solver.steady.DtLadder;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySolver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one mode strategy produced: the density N[k][node] (before any output normalisation), how it was reached,
 * and the steady residual ‖L N + S‖₂/‖S‖₂ of the unsplit operator of the run's scheme (max over bins; NaN for
 * transient runs). {@link #details()}: the mode's own facts, as they go into summary.json.
 */
public sealed interface Solution {
    double[][] density();
    /** "cpu" or "gpu". */
    String backend();
    /** Split steps (ladder, transient) or the largest number of Krylov sweeps of any bin (steady). */
    int steps();
    boolean converged();
    double residual();
    default int rungs() { return 0; }
    default double finalDtMyr() { return Double.NaN; }
    default double finalChange() { return Double.NaN; }
    default Map<String, Object> details() { return Map.of(); }

    // Every implementation shares its density array (bins × nodes doubles) rather than copying it: the strategy that
    // solved hands it over and nobody writes it afterwards (listed in RecordImmutabilityTest.SHARED).

    /**
     * Modes steady and direct on the CPU: {@link SteadySolver} in the run's scheme; method is the one used (auto
     * resolved), methodReason why.
     */
    record CpuSteady(
            double[][] density,
            SteadyMethod method,
            String methodReason,
            SteadySolver.Result result,
            double residual,
            double limiterFreshResidual,
            SteadyPlan plan)
            implements Solution {
        @Override public String backend() { return "cpu"; }
        @Override public int steps() { return result.sweepsMax(); }
        @Override public boolean converged() { return result.converged(); }
        @Override public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("steady_method", method.key());
            d.put("steady_method_reason", methodReason);
            d.put("sweeps_total_all_bins", result.sweepsTotal());
            d.put("factorisations", result.factorisations());
            d.put("picard_iterations", result.picardIterations());
            if (!Double.isNaN(limiterFreshResidual)) {
                d.put("limiter_fresh_residual", limiterFreshResidual);
            }
            d.put("steady_plan", plan.toSummary());
            return d;
        }
    }

    /**
     * Modes steady and direct on the GPU: the exact banded LU per bin ({@link GpuSteadySolver}); in mode steady
     * the requested CPU method is recorded too (on the GPU the exact LU is the fast one).
     */
    record GpuSteady(
            double[][] density,
            String device,
            Mode mode,
            SteadyMethod requested,
            GpuSteadySolver.Result result,
            double residual,
            SteadyPlan plan)
            implements Solution {
        @Override public String backend() { return "gpu"; }
        @Override public int steps() { return 0; } // exact factorisation, no iterations (as the CPU direct method)
        @Override public boolean converged() { return true; }
        @Override public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("gpu_device", device);
            d.put("steady_method", "gpu-banded-lu");
            if (mode == Mode.STEADY) {
                d.put("steady_method_requested", requested.key());
            }
            d.put("sweeps_total_all_bins", 0);
            d.put("factorisations", result.systems());
            d.put("residual_device", result.maxResidual());
            d.put("gpu_kernel", result.kernel());
            d.put("gpu_systems_per_launch", result.chunkSize());
            d.put("gpu_solve_seconds", result.deviceSeconds());
            d.put("steady_plan", plan.toSummary());
            return d;
        }
    }

    /**
     * Mode steady with batched mg-gmres: one model's share of a batch in which every bin of every model was solved
     * in lockstep ({@code BatchedSteadySolver}) on the GPU, or on its Java reference. The batch facts (models,
     * systems, waves, setup and solve times) are the whole batch's.
     * @param device         the GPU's description, or "Java reference (N threads)"
     * @param solverResidual the largest relative residual the solver measured for this model's bins
     */
    record BatchedSteady(
            double[][] density,
            String backend,
            String device,
            String methodReason,
            int iterationsMax,
            long iterationsTotal,
            boolean converged,
            double solverResidual,
            double residual,
            int batchModels,
            int batchSystems,
            int waves,
            int systemsPerWave,
            String hierarchy,
            String setup,
            double setupSeconds,
            double solveSeconds,
            SteadyPlan plan)
            implements Solution {
        @Override public int steps() { return iterationsMax; }
        @Override public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("steady_method", SteadyMethod.MG_GMRES.key());
            d.put("steady_method_reason", methodReason);
            d.put("steady_device", device);
            d.put("multigrid_levels", hierarchy);
            d.put("sweeps_total_all_bins", iterationsTotal);
            d.put("residual_solver", solverResidual);
            d.put("batch_models", batchModels);
            d.put("batch_systems", batchSystems);
            d.put("batch_waves", waves);
            d.put("batch_systems_per_wave", systemsPerWave);
            d.put("batch_setup", setup);
            d.put("batch_setup_seconds", setupSeconds);
            d.put("batch_solve_seconds", solveSeconds);
            d.put("steady_plan", plan.toSummary());
            return d;
        }
    }

    /** Mode ladder: the paper's dt ladder of split steps. */
    record Ladder(double[][] density, String backend, DtLadder.Outcome outcome, double residual) implements Solution {
        @Override public int steps() { return outcome.steps(); }
        @Override public int rungs() { return outcome.rungs(); }
        @Override public double finalDtMyr() { return outcome.finalDtMyr(); }
        @Override public double finalChange() { return outcome.finalChange(); }
        @Override public boolean converged() { return outcome.converged(); }
    }

    /** Mode transient: fixed dt up to t_end (no steady residual). */
    record Transient(double[][] density, String backend, int steps, double finalDtMyr, double finalChange)
            implements Solution {
        @Override public boolean converged() { return true; }
        @Override public double residual() { return Double.NaN; }
    }
}
