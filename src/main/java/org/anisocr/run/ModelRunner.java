package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.anisocr.config.OutputSettings;
import org.anisocr.config.SolverSettings;
import org.anisocr.gas.GasModel;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.GasModels;
import org.anisocr.operator.FieldDirection;
import org.anisocr.operator.MomentumTransport;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.GpuFailure;
import org.anisocr.solver.SingularSystemException;
import org.anisocr.solver.SolverDivergedException;
import org.anisocr.solver.steady.DtLadder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the discrete problem of a model and solves it in the configured mode. Pure computation:
 * no files are touched here (see {@link RunOutput}).
 */
public final class ModelRunner {

    /** Receives progress: steps done, dt, change per step. */
    public interface Progress extends DtLadder.Progress {
        /** A steady solve finished one more momentum bin (of {@code bins}); its sweeps and relative residual. */
        default void binSolved(int binsDone, int bins, int sweeps, double residual) {}
    }

    private ModelRunner() {}

    /** A 3D model has its own path ({@link Model3DJob}, {@code anisocr run}); the 2D machinery refuses it. */
    public static void require2d(ModelConfig c) {
        c.require2d("this command");
    }

    /**
     * The discrete problem of a 2D model; with [convection] or [losses] it carries their {@link MomentumTransport}
     * (the losses read the model's [gas]; {@link ModelConfig#load} has made a table's path the model file's).
     */
    public static TransportProblem problem(ModelConfig c) {
        require2d(c);
        if (!c.couplesBins()) {
            return new TransportProblem(c.grid(), c.momenta(), c.diffusion(), c.field(), c.source());
        }
        GasModel gas = c.losses().isOn() ? GasModels.resolve(c.gas(), null) : null;
        MomentumTransport transport = new MomentumTransport(c.grid(), c.momenta(), c.convection(), c.losses(), gas);
        OperatorCoefficients coefficients = new OperatorCoefficients(new FieldDirection(c.grid(), c.field()));
        return new TransportProblem(c.momenta(), c.diffusion(), coefficients, c.source(), transport);
    }

    /** A run on the CPU reference, silent (tests, figures). */
    public static RunResult run(ModelConfig c, int threads, Progress progress) {
        return run(c, SolverBackend.cpu(threads), progress);
    }

    /**
     * Solves a model in its configured mode on a resolved backend: one strategy per mode, each returning its
     * {@link Solution}; then the output normalisation.
     */
    public static RunResult run(ModelConfig c, SolverBackend given, Progress progress) {
        SolverBackend backend = c.couplesBins() ? given.forCoupledBins(c.name()) : given;
        long t0 = System.nanoTime();
        TransportProblem problem = problem(c);
        SolverSettings s = c.solver();
        Solution solution = switch (s.mode()) {
            case STEADY, DIRECT -> SteadyModeSolver.solve(problem, s, backend, progress);
            case LADDER -> TimeSteppingSolver.ladder(problem, s, backend, progress);
            case TRANSIENT -> TimeSteppingSolver.transient_(problem, s, backend, progress);
        };
        return result(c, problem, solution, backend, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Whether these models (≥ 2) are solved together by {@link #runBatch}: all in mode steady with the paper's
     * scheme, one grid size, one steady settings and tuning, and a {@link SteadyPlan} that batches them (mg-gmres as
     * their steady method, a backend that batches steady solves: the GPU); none with a wind or energy losses (the
     * batch solves independent bins).
     */
    public static boolean batchable(List<ModelConfig> cs, SolverBackend backend) {
        if (cs.size() < 2) {
            return false;
        }
        SpatialGrid g = cs.get(0).grid();
        for (ModelConfig c : cs) {
            if (c.couplesBins()
                    || c.grid().nR() != g.nR()
                    || c.grid().nZ() != g.nZ()
                    || !c.solver().steady().equals(cs.get(0).solver().steady())
                    || !c.solver().tuning().equals(cs.get(0).solver().tuning())
                    || SteadyPlanner.batched(c.solver(), c.grid(), backend) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Solves {@link #batchable} models in one batch (every bin of every model at once); one result per model, each
     * normalised as {@link #run} would. wallSeconds of each is the whole batch's; {@code log} gets the batch plan
     * first.
     * @throws BatchFailedException when the device fails or a model's system is singular or diverges (the caller may
     *         solve the models one by one)
     */
    public static List<RunResult> runBatch(List<ModelConfig> cs, SolverBackend backend, Consumer<String> log) {
        long t0 = System.nanoTime();
        // models are independent
        List<TransportProblem> problems = cs.parallelStream().map(ModelRunner::problem).toList();
        List<Solution> solutions;
        try {
            SolverSettings first = cs.get(0).solver();
            SteadyPlan plan = SteadyPlanner.batched(first, cs.get(0).grid(), backend);
            if (plan == null) {
                throw new IllegalArgumentException("runBatch needs batchable models "
                        + "(mode steady, mg-gmres, a batch device)");
            }
            solutions = BatchedSteadyModels.solve(problems, first, plan, backend, log);
        } catch (GpuFailure | SingularSystemException | SolverDivergedException e) {
            throw new BatchFailedException(e);
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        List<RunResult> out = new ArrayList<>();
        for (int m = 0; m < cs.size(); m++) {
            out.add(result(cs.get(m), problems.get(m), solutions.get(m), backend, wall));
        }
        return out;
    }

    /** The run's result from its solution: the output normalisation applied. */
    private static RunResult result(
            ModelConfig c, TransportProblem problem, Solution solution, SolverBackend backend, double wall) {
        double[][] n = solution.density();
        double scale = normalisation(c.output(), problem.grid(), problem.momenta(), n);
        if (scale != 1) {
            for (double[] bin : n) {
                for (int i = 0; i < bin.length; i++) {
                    bin[i] *= scale;
                }
            }
        }
        int threads = backend.threads();
        int usedThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new RunResult(c, problem, n, solution, scale, wall, usedThreads);
    }

    static void requireFinite(double[][] n) {
        for (int k = 0; k < n.length; k++) {
            for (double v : n[k]) {
                if (!Double.isFinite(v)) {
                    throw new SolverDivergedException("non-finite density in momentum bin " + k);
                }
            }
        }
    }

    /**
     * Factor that makes N(R☉, 0, p_ref) equal the requested value (1 when not requested); p_ref is
     * interpolated log-log between the bracketing bins, R☉ linearly between nodes.
     */
    static double normalisation(OutputSettings o, SpatialGrid g, MomentumGrid m, double[][] n) {
        if (o.normaliseAtSunTo() <= 0) {
            return 1;
        }
        double x = o.rSunKpc() / g.dR();
        int i0 = (int) Math.min(Math.floor(x), g.nR() - 2);
        double w = x - i0;
        int j = g.planeIndex();
        double[] atSun = new double[m.count()];
        for (int k = 0; k < m.count(); k++) {
            atSun[k] = (1 - w) * n[k][g.index(i0, j)] + w * n[k][g.index(i0 + 1, j)];
        }
        return normalisation(o, m, atSun);
    }

    /** The factor that makes the spectrum at the Sun {@code atSun[k]} equal the requested value at p_ref. */
    static double normalisation(OutputSettings o, MomentumGrid m, double[] atSun) {
        double value;
        if (m.count() == 1) {
            value = atSun[0];
        } else {
            double t = Math.log(o.normaliseMomentumGeV() / m.pMinGeV())
                    / Math.log(m.pMaxGeV() / m.pMinGeV())
                    * (m.count() - 1);
            int k0 = (int) Math.max(0, Math.min(m.count() - 2, Math.floor(t)));
            double f = t - k0;
            value = Math.exp((1 - f) * Math.log(atSun[k0]) + f * Math.log(atSun[k0 + 1]));
        }
        if (!(value > 0)) {
            throw new SolverDivergedException("cannot normalise: N(R☉, 0, p_ref) = " + value);
        }
        return o.normaliseAtSunTo() / value;
    }
}
