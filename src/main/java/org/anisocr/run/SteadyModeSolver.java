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

/**
 * Modes steady and direct: L N + S = 0 per momentum bin. With the paper's scheme and a GPU chosen by the backend:
 * where the steady method resolves to mg-gmres, the batched multigrid on the device ({@link BatchedSteadyModels});
 * otherwise {@link GpuSteadySolver} (exact banded LU on the device, the twin of the CPU direct solve). An auto run
 * falls back to the CPU with one line when the device fails. Otherwise {@link SteadySolver} in the run's scheme ("direct" is
 * the steady solver's exact method; both work for every scheme).
 */
final class SteadyModeSolver {
    private SteadyModeSolver() {}

    static Solution solve(TransportProblem problem, SolverSettings s, SolverBackend backend, ModelRunner.Progress progress) {
        if (BatchedSteadyModels.applies(s, problem.grid(), backend)) {
            try {
                return BatchedSteadyModels.solve(java.util.List.of(problem), s, backend, line -> { }).get(0);
            } catch (GpuFailure e) {
                if (backend.requested() != Backend.AUTO) {
                    throw e;
                }
                backend.fallBack("GPU multigrid steady solve failed (" + e.getMessage() + "); using the CPU backend");
                return onCpu(problem, s, backend.threads(), progress);
            }
        }
        if (backend.steadyOnGpu(s.scheme())) {
            try (GpuSteadySolver g = backend.openGpuSteadySolver()) {
                GpuSteadySolver.Result r = g.solve(problem);
                double[][] n = r.density()[0];
                ModelRunner.requireFinite(n);
                return new Solution.GpuSteady(n, g.info().describe(), s.mode(), s.steady().method(), r,
                        DiscreteOperator.maxRelativeResidual(problem, n));
            } catch (GpuFailure e) {
                if (backend.requested() == Backend.GPU) {
                    throw e;
                }
                backend.fallBack("GPU steady solve failed (" + e.getMessage() + "); using the CPU backend");
            }
        }
        return onCpu(problem, s, backend.threads(), progress);
    }

    static Solution.CpuSteady onCpu(TransportProblem problem, SolverSettings s, int threads, ModelRunner.Progress progress) {
        SteadySettings settings = s.mode() == Mode.DIRECT ? s.steady().withMethod(SteadyMethod.DIRECT) : s.steady();
        SteadySolver.Result r = SchemeSteadySolver.solve(problem, s.scheme(), new SteadySolver(settings, threads, binCounter(problem.bins(), progress)),
                s.picardMaxIterations());
        double[][] n = r.density();
        ModelRunner.requireFinite(n);
        double residual = switch (s.scheme()) {
            case PAPER -> DiscreteOperator.maxRelativeResidual(problem, n);
            case SYMMETRIC -> SchemeSteadySolver.maxRelativeResidual(SchemeSteadySolver.operator(problem, s.scheme()), n);
            case SYMMETRIC_LIMITED -> r.residual(); // of the final frozen operator, which n solves
        };
        double fresh = s.scheme() == Scheme.SYMMETRIC_LIMITED ? SchemeSteadySolver.reportedResidual(problem, s.scheme(), n) : Double.NaN;
        SteadySolver.Choice choice = SteadySolver.choose(settings.method(), problem.grid());
        return new Solution.CpuSteady(n, choice.method(), choice.reason(), r, residual, fresh);
    }

    /** Counts finished bins across the solving threads for the progress display (null when nobody listens). */
    private static SteadySolver.BinProgress binCounter(int bins, ModelRunner.Progress progress) {
        if (progress == null) return null;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        return (bin, iterations, residual) -> progress.binSolved(done.incrementAndGet(), bins, iterations, residual);
    }
}
