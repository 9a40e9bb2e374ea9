package org.anisocr.run;

import org.anisocr.config.Mode;
import org.anisocr.config.SolverSettings;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backend;
import org.anisocr.solver.GpuFailure;
import org.anisocr.solver.gpu.GpuSteadySolver;
import org.anisocr.solver.steady.SchemeSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.anisocr.solver.steady.SteadySolver;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Modes steady and direct: L N + S = 0 per momentum bin, by the path {@link SteadyPlanner} chose before any work:
 * batched mg-gmres ({@link BatchedSteadyModels}), the exact banded LU on the GPU ({@link GpuSteadySolver}, the twin
 * of the CPU direct solve), or {@link SteadySolver} in the run's scheme ("direct" is the steady solver's exact method;
 * both work for every scheme). An auto run falls back to the CPU with one line when the GPU fails ({@link GpuFailure}
 * only: any other exception is a bug or the model's own, and the CPU would not fix it).
 */
final class SteadyModeSolver {
    private SteadyModeSolver() {}

    static Solution solve(
            TransportProblem problem, SolverSettings s, SolverBackend backend, ModelRunner.Progress progress) {
        SteadyPlan plan = SteadyPlanner.plan(s, problem.grid(), backend);
        return switch (plan.path()) {
            case BATCHED_MG_GMRES -> batched(problem, s, plan, backend, progress);
            case GPU_BANDED_LU -> onGpu(problem, s, plan, backend, progress);
            case CPU_SCHEME -> onCpu(problem, s, plan, backend.threads(), progress);
        };
    }

    private static Solution batched(TransportProblem problem, SolverSettings s, SteadyPlan plan, SolverBackend backend,
                                    ModelRunner.Progress progress) {
        try {
            return BatchedSteadyModels.solve(List.of(problem), s, plan, backend, line -> { }).get(0);
        } catch (GpuFailure e) {
            if (backend.requested() != Backend.AUTO) {
                throw e;
            }
            return fallBack("GPU multigrid steady solve failed (" + e.getMessage() + ")", problem, s, plan, backend,
                    progress);
        }
    }

    private static Solution onGpu(TransportProblem problem, SolverSettings s, SteadyPlan plan, SolverBackend backend,
                                  ModelRunner.Progress progress) {
        try (GpuSteadySolver g = backend.openGpuSteadySolver(plan.tuning())) {
            GpuSteadySolver.Result r = g.solve(problem);
            double[][] n = r.density()[0];
            ModelRunner.requireFinite(n);
            return new Solution.GpuSteady(n, g.info().describe(), s.mode(), s.steady().method(), r,
                    DiscreteOperator.maxRelativeResidual(problem, n), plan);
        } catch (GpuFailure e) {
            if (backend.requested() == Backend.GPU) {
                throw e;
            }
            return fallBack("GPU steady solve failed (" + e.getMessage() + ")", problem, s, plan, backend, progress);
        }
    }

    /** An auto run whose GPU failed: one line, then the CPU, its plan saying why. */
    private static Solution fallBack(String why, TransportProblem problem, SolverSettings s, SteadyPlan plan,
                                     SolverBackend backend, ModelRunner.Progress progress) {
        backend.fallBack(why + "; using the CPU backend");
        SteadyPlan cpu = SteadyPlanner.onCpu(s, problem.grid(), plan.tuning(), why);
        return onCpu(problem, s, cpu, backend.threads(), progress);
    }

    static Solution.CpuSteady onCpu(TransportProblem problem, SolverSettings s, SteadyPlan plan, int threads,
                                    ModelRunner.Progress progress) {
        SteadySettings settings = s.mode() == Mode.DIRECT ? s.steady().withMethod(SteadyMethod.DIRECT) : s.steady();
        SteadySolver solver = new SteadySolver(settings, plan.tuning(), threads, binCounter(problem.bins(), progress));
        SteadySolver.Result r = SchemeSteadySolver.solve(problem, s.scheme(), solver, s.picardMaxIterations());
        double[][] n = r.density();
        ModelRunner.requireFinite(n);
        double residual =
                switch (s.scheme()) {
                    case PAPER -> DiscreteOperator.maxRelativeResidual(problem, n);
                    case SYMMETRIC ->
                        SchemeSteadySolver.maxRelativeResidual(SchemeSteadySolver.operator(problem, s.scheme()), n);
                    case SYMMETRIC_LIMITED -> r.residual(); // of the final frozen operator, which n solves
                };
        double fresh = s.scheme() == Scheme.SYMMETRIC_LIMITED
                ? SchemeSteadySolver.reportedResidual(problem, s.scheme(), n)
                : Double.NaN;
        return new Solution.CpuSteady(n, plan.method(), plan.reason(), r, residual, fresh, plan);
    }

    /** Counts finished bins across the solving threads for the progress display (null when nobody listens). */
    private static SteadySolver.BinProgress binCounter(int bins, ModelRunner.Progress progress) {
        if (progress == null) {
            return null;
        }
        AtomicInteger done = new AtomicInteger();
        return (bin, iterations, residual) -> progress.binSolved(done.incrementAndGet(), bins, iterations, residual);
    }
}
