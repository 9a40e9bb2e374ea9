package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.anisocr.config.OutputSettings;
import org.anisocr.config.SolverSettings;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backends;
import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.SolverDivergedException;
import org.anisocr.solver.SplitStepper;
import org.anisocr.solver.gpu.GpuSteadySolver;
import org.anisocr.solver.steady.DtLadder;
import org.anisocr.solver.steady.SchemeSteadySolver;
import org.anisocr.solver.steady.SteadySolver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the discrete problem of a model and solves it in the configured mode. Pure computation:
 * no files are touched here (see io.RunOutput).
 */
public final class ModelRunner {

    /** Receives progress: steps done, dt, change per step. */
    public interface Progress extends DtLadder.Progress {}

    private ModelRunner() {}

    public static TransportProblem problem(ModelConfig c) {
        return new TransportProblem(c.grid(), c.momenta(), c.diffusion(), c.field(), c.source());
    }

    /**
     * @param openStepper opens the time stepper of the chosen backend for a problem
     * @param threads     CPU threads (0 = all); recorded in the result
     */
    public static RunResult run(ModelConfig c, Function<TransportProblem, SplitStepper> openStepper, int threads,
                                Progress progress) {
        return run(c, openStepper, "cpu", line -> { }, threads, progress);
    }

    /**
     * @param steadyBackend auto | cpu | gpu for the modes steady and direct: with the paper's scheme and a GPU
     *                      chosen ({@link Backends#steadyOnGpu}) the bins are solved by {@link GpuSteadySolver}
     *                      (exact banded LU on the device, the twin of the CPU direct solve); auto falls back to
     *                      the CPU with one line to {@code log}
     */
    public static RunResult run(ModelConfig c, Function<TransportProblem, SplitStepper> openStepper, String steadyBackend,
                                Consumer<String> log, int threads, Progress progress) {
        long t0 = System.nanoTime();
        TransportProblem problem = problem(c);
        SolverSettings s = c.solver();
        double[][] n;
        String backend;
        int steps = 0, rungs = 0;
        double finalDt = Double.NaN, change = Double.NaN;
        boolean converged = true;
        Map<String, Object> details = new LinkedHashMap<>();
        double limitedResidual = Double.NaN;
        switch (s.mode()) {
            case "steady", "direct" -> {
                boolean gpu = false;
                if (!steadyBackend.equalsIgnoreCase("cpu")) {
                    if (!s.scheme().equals("paper")) {
                        if (steadyBackend.equalsIgnoreCase("gpu"))
                            log.accept("note: scheme " + s.scheme() + " runs on the CPU (the GPU steady solver implements the paper's scheme)");
                    } else {
                        gpu = Backends.steadyOnGpu(steadyBackend, log);
                    }
                }
                if (gpu) {
                    GpuSteadySolver.Result r = null;
                    try (GpuSteadySolver g = new GpuSteadySolver()) {
                        r = g.solve(problem);
                        details.put("gpu_device", g.info().describe());
                    } catch (RuntimeException e) {
                        if (steadyBackend.equalsIgnoreCase("gpu")) throw e;
                        log.accept("GPU steady solve failed (" + e.getMessage() + "); using the CPU backend");
                    }
                    if (r != null) {
                        n = r.density()[0];
                        backend = "gpu";
                        steps = 0; // exact factorisation, no iterations (as the CPU direct method)
                        details.put("steady_method", "gpu-banded-lu");
                        if (s.mode().equals("steady")) details.put("steady_method_requested", s.steady().method()); // the CPU method; on the GPU the exact LU is the fast one
                        details.put("sweeps_total_all_bins", 0);
                        details.put("factorisations", r.systems());
                        details.put("residual_device", r.maxResidual());
                        details.put("gpu_kernel", r.kernel());
                        details.put("gpu_systems_per_launch", r.chunkSize());
                        details.put("gpu_solve_seconds", r.deviceSeconds());
                        break;
                    }
                }
                // "direct" is the steady solver's exact method; both work for every scheme
                SteadySolver.Settings settings = s.mode().equals("direct")
                        ? s.steady().withMethod("direct") : s.steady();
                SteadySolver.Result r = SchemeSteadySolver.solve(problem, s.scheme(), new SteadySolver(settings, threads),
                        s.picardMaxIterations());
                n = r.density();
                backend = "cpu";
                steps = r.sweepsMax();
                converged = r.converged();
                SteadySolver.Choice choice = SteadySolver.choose(settings.method(), problem.grid());
                details.put("steady_method", choice.method());
                details.put("steady_method_reason", choice.reason());
                details.put("sweeps_total_all_bins", r.sweepsTotal());
                details.put("factorisations", r.factorisations());
                details.put("picard_iterations", r.picardIterations());
                if (s.scheme().equals("symmetric-limited")) {
                    limitedResidual = r.residual(); // of the final frozen operator, which n solves
                    details.put("limiter_fresh_residual", SchemeSteadySolver.reportedResidual(problem, s.scheme(), n));
                }
            }
            case "ladder" -> {
                try (SplitStepper stepper = openStepper.apply(problem)) {
                    DtLadder.Outcome o = DtLadder.run(stepper, s.ladder(), progress);
                    n = stepper.state();
                    backend = stepper.backend();
                    steps = o.steps();
                    rungs = o.rungs();
                    finalDt = o.finalDtMyr();
                    change = o.finalChange();
                    converged = o.converged();
                }
            }
            case "transient" -> {
                MixedTermStability.requireStable(problem, s.transientDtMyr(), "solver.transient.dt_Myr");
                try (SplitStepper stepper = openStepper.apply(problem)) {
                    steps = (int) Math.round(s.transientEndMyr() / s.transientDtMyr());
                    int chunk = Math.max(1, Math.min(steps, 100));
                    for (int done = 0; done < steps; done += chunk) {
                        change = stepper.advance(s.transientDtMyr(), Math.min(chunk, steps - done));
                        if (progress != null) progress.update(Math.min(done + chunk, steps), s.transientDtMyr(), change);
                    }
                    n = stepper.state();
                    backend = stepper.backend();
                    finalDt = s.transientDtMyr();
                }
            }
            default -> throw new IllegalStateException("mode " + s.mode());
        }
        requireFinite(n);
        double residual = s.mode().equals("transient") ? Double.NaN
                : s.scheme().equals("paper") ? DiscreteOperator.maxRelativeResidual(problem, n)
                : s.scheme().equals("symmetric-limited") ? limitedResidual
                : SchemeSteadySolver.maxRelativeResidual(SchemeSteadySolver.operator(problem, s.scheme()), n);
        double scale = normalisation(c.output(), problem.grid(), problem.momenta(), n);
        if (scale != 1) for (double[] bin : n) for (int i = 0; i < bin.length; i++) bin[i] *= scale;
        double wall = (System.nanoTime() - t0) * 1e-9;
        int usedThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new RunResult(c, problem, n, backend, s.mode(), steps, rungs, finalDt, change, converged, residual, scale, wall, usedThreads, details);
    }

    static void requireFinite(double[][] n) {
        for (int k = 0; k < n.length; k++)
            for (double v : n[k])
                if (!Double.isFinite(v)) throw new SolverDivergedException("non-finite density in momentum bin " + k);
    }

    /**
     * Factor that makes N(R☉, 0, p_ref) equal the requested value (1 when not requested); p_ref is
     * interpolated log-log between the bracketing bins, R☉ linearly between nodes.
     */
    static double normalisation(OutputSettings o, SpatialGrid g, MomentumGrid m, double[][] n) {
        if (o.normaliseAtSunTo() <= 0) return 1;
        double x = o.rSunKpc() / g.dR();
        int i0 = (int) Math.min(Math.floor(x), g.nR() - 2);
        double w = x - i0;
        int j = g.planeIndex();
        double[] atSun = new double[m.count()];
        for (int k = 0; k < m.count(); k++)
            atSun[k] = (1 - w) * n[k][g.index(i0, j)] + w * n[k][g.index(i0 + 1, j)];
        double value;
        if (m.count() == 1) value = atSun[0];
        else {
            double t = Math.log(o.normaliseMomentumGeV() / m.pMinGeV()) / Math.log(m.pMaxGeV() / m.pMinGeV()) * (m.count() - 1);
            int k0 = (int) Math.max(0, Math.min(m.count() - 2, Math.floor(t)));
            double f = t - k0;
            value = Math.exp((1 - f) * Math.log(atSun[k0]) + f * Math.log(atSun[k0 + 1]));
        }
        if (!(value > 0)) throw new SolverDivergedException("cannot normalise: N(R☉, 0, p_ref) = " + value);
        return o.normaliseAtSunTo() / value;
    }
}
