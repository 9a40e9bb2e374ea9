package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * mg-gmres for a whole family at once: every momentum bin of every model (all on one grid) is one system of a
 * batch, solved in lockstep by {@link BatchedMgGmres} on the backend's {@link MultigridBatchOps} (the Java reference
 * or a {@link MultigridDevice}). Setup (one multigrid hierarchy per system) runs on the CPU, in parallel, or, for the
 * paper's operator on a device that can, on the device itself ({@link MultigridDevice#setUpPaper}: the same
 * hierarchies, without building, packing and copying them on the host; {@link SolverTuning#multigridSetup}). When the
 * batch does not fit the memory budget (the device's, or half the free Java heap for the reference) it is solved in
 * <i>waves</i> of as many systems as fit, in order; the answer does not depend on the split (systems are independent).
 */
public final class BatchedSteadySolver {
    /**
     * Krylov vectors kept per system: a batch holds 2·restart + 1 finest-grid vectors per system, so the configured
     * restart (default 40) is capped here. mg-gmres converges in 8–20 iterations on the paper's models; a system that
     * needs more restarts, which costs a little convergence, not the answer.
     */
    public static final int MAX_RESTART = 24;

    /**
     * What a batched solve did. The arrays are shared, not copied (models × bins × nodes doubles): the solver hands
     * them over and keeps no reference.
     * @param density        [model][bin][node]
     * @param residual       ‖L N + S‖/‖S‖ per model and bin, as the solver measured it
     * @param iterations     Krylov iterations per model and bin
     * @param waves          how many waves the batch took
     * @param systemsPerWave the wave size the memory budget allowed
     * @param setup          where the hierarchies were built: "cpu" (on the CPU; for a device: then packed and
     * uploaded)
     *                       or "device" ({@link MultigridDevice#setUpPaper})
     * @param setupSeconds   hierarchy construction summed over waves (on the CPU: from the matrices to the upload of
     * the
     *                       packed hierarchies for a device; on the device: the table upload and the setup kernels)
     * @param solveSeconds   solve phase (uploads, iterations, downloads) summed over waves
     */
    public record Result(double[][][] density, double[][] residual, int[][] iterations, int waves, int systemsPerWave,
                         String hierarchy, String setup, double setupSeconds, double solveSeconds) {
        public double maxResidual() {
            double m = 0;
            for (double[] r : residual) {
                for (double v : r) {
                    m = Math.max(m, v);
                }
            }
            return m;
        }

        public int maxIterations() {
            int m = 0;
            for (int[] it : iterations) {
                for (int v : it) {
                    m = Math.max(m, v);
                }
            }
            return m;
        }
    }

    private BatchedSteadySolver() {}

    /** The grids of the multigrid hierarchy on this fine grid, finest first (the last is solved by banded LU). */
    public static List<SpatialGrid> levelGrids(SpatialGrid fine) { return MultigridHierarchy.gridsFor(fine); }

    /**
     * Bytes one system needs in the solve phase of a batch on this grid: the hierarchy (9 stencil and 4 line-factor
     * values a node on every level but the coarsest, which holds the banded LU), the work vectors of the cycle
     * (3 a node a level) and 2·restart + 2 finest-grid Krylov vectors. The device reduction buffers are small beside
     * it.
     */
    public static long bytesPerSystem(SpatialGrid fine, int restart) {
        List<SpatialGrid> grids = MultigridHierarchy.gridsFor(fine);
        long values = 0;
        for (int k = 0; k < grids.size(); k++) {
            long nodes = grids.get(k).size();
            values += nodes * (9 + (k < grids.size() - 1 ? 4 : 0) + 3);
        }
        SpatialGrid c = grids.get(grids.size() - 1);
        long nI = c.nR() - 1;
        long nJ = c.nZ() - 2;
        long bw = Math.min(nI, nJ) + 1;
        values += (3 * bw + 1) * nI * nJ + nI * nJ / 2 + nI * nJ; // band, pivots (int), coarsest work
        values += (2L * restart + 2) * fine.size();
        return 8 * values;
    }

    /**
     * How a batch will be solved, decided before any work: every bin of every model is a system of
     * {@code bytesPerSystem} on the device; a wave takes as many as the budget allows.
     * @param setup "cpu" or "device": where the hierarchies will be built ({@link SolverTuning#multigridSetup}; a CPU
     *              setup for a device also bounds the wave by the host memory that packing takes)
     */
    public record Plan(
            int models,
            int systems,
            int restart,
            long bytesPerSystem,
            long budgetBytes,
            int systemsPerWave,
            int waves,
            String setup) {
        /**
         * "3 models, 99 systems of 9.3 MiB, budget 61.2 GiB (the Java heap): 1 wave of up to 99 systems, setup on the
         * cpu".
         */
        public String describe(String where) {
            return String.format(
                    Locale.ROOT,
                    "%d models, %d systems of %.1f MiB, budget %.1f GiB (%s): %d wave%s of up to %d systems, setup on"
                            + " the %s",
                    models,
                    systems,
                    bytesPerSystem / 1048576.0,
                    budgetBytes / 1073741824.0,
                    where,
                    waves,
                    waves == 1 ? "" : "s",
                    systemsPerWave,
                    setup);
        }
    }

    /** The plan of {@link #solve} with the device's budget (or, device null, half the free Java heap). */
    public static Plan plan(List<? extends SteadyOperator> models, SteadySettings settings, MultigridDevice device) {
        return plan(models, settings, SolverTuning.defaults(), device);
    }

    /** As above, the hierarchies built where {@code tuning} says. */
    public static Plan plan(List<? extends SteadyOperator> models, SteadySettings settings, SolverTuning tuning,
                            MultigridDevice device) {
        return plan(models, settings, tuning, device, budgetOf(device));
    }

    private static long budgetOf(MultigridDevice device) {
        if (device != null) {
            return device.memoryBudgetBytes();
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2;
    }

    /**
     * @throws IllegalArgumentException when the models do not share a grid or the grid has no coarser level
     * @throws IllegalStateException    when not even one system fits the budget
     */
    static Plan plan(List<? extends SteadyOperator> models, SteadySettings settings, SolverTuning tuning,
                     MultigridDevice device, long budget) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to solve");
        }
        SpatialGrid grid = models.get(0).grid();
        for (SteadyOperator m : models) {
            if (m.grid().nR() != grid.nR() || m.grid().nZ() != grid.nZ()) {
                throw new IllegalArgumentException("all models of a batch need one grid: " + grid.nR() + "x" + grid.nZ()
                        + " vs " + m.grid().nR() + "x" + m.grid().nZ());
            }
        }
        if (MultigridHierarchy.levelsFor(grid) < 2) {
            throw new IllegalArgumentException("grid " + grid.nR() + "x" + grid.nZ()
                    + " cannot be coarsened for multigrid (needs NR-1 or Nz-1 even and more than "
                    + MultigridHierarchy.COARSEST_NODES + " nodes)");
        }
        int restart = Math.min(settings.restart(), MAX_RESTART);
        int systems = 0;
        for (SteadyOperator m : models) {
            systems += m.bins();
        }
        long perSystem = bytesPerSystem(grid, restart);
        boolean onDevice = setupOnDevice(models, device, tuning.multigridSetup());
        // the device's own setup needs the hierarchy plus a half-coarsened operator, less than the Krylov vectors of
        // bytesPerSystem that are allocated only after it
        int wave = (int) Math.min(systems, budget / perSystem);
        if (device != null && !onDevice && wave >= 1) {
            wave = Math.min(wave, hostWave(grid, restart));
        }
        if (wave < 1) {
            throw new IllegalStateException(String.format(
                    "one multigrid system of the %dx%d grid needs %.1f MiB, more than the %.1f MiB %s can give",
                    grid.nR(),
                    grid.nZ(),
                    perSystem / 1048576.0,
                    budget / 1048576.0,
                    device == null ? "the Java heap" : device.describe()));
        }
        return new Plan(
                models.size(),
                systems,
                restart,
                perSystem,
                budget,
                wave,
                (systems + wave - 1) / wave,
                onDevice ? "device" : "cpu");
    }

    /** The systems a wave may have when the host builds and packs its hierarchies (it holds them twice meanwhile). */
    private static int hostWave(SpatialGrid grid, int restart) {
        Runtime rt = Runtime.getRuntime();
        long hostFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long hostPerSystem = 2 * (bytesPerSystem(grid, restart) - 8L * (2L * restart + 2) * grid.size());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, hostFree * 3 / 4 / hostPerSystem));
    }

    /**
     * Whether a device's waves are to be set up on the device: there is a device, {@code place} does not say cpu, and
     * every model is the paper's operator.
     * @throws IllegalArgumentException when {@code place} says device and a model is not the paper's operator
     */
    private static boolean setupOnDevice(List<? extends SteadyOperator> models, MultigridDevice device,
                                         MultigridSetupPlace place) {
        if (device == null) {
            return false;
        }
        boolean paper = paperProblems(models) != null;
        if (place == MultigridSetupPlace.DEVICE && !paper) {
            throw new IllegalArgumentException("solver.tuning.multigrid_setup = device needs the paper's operator for "
                    + "every model of the batch");
        }
        return place != MultigridSetupPlace.CPU && paper;
    }

    /** The problems of the models when every one is the paper's operator (what a device can set up from), else null. */
    private static List<TransportProblem> paperProblems(List<? extends SteadyOperator> models) {
        List<TransportProblem> out = new ArrayList<>();
        for (SteadyOperator m : models) {
            if (!(m instanceof PaperSteadyOperator p)) {
                return null;
            }
            out.add(p.problem());
        }
        return out;
    }

    /** "201×81 → 101×41 → 51×21 → 26×11 (banded LU)", as {@link MultigridHierarchy#describe}. */
    static String describe(List<SpatialGrid> grids) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < grids.size(); k++) {
            if (k > 0) {
                b.append(" → ");
            }
            b.append(grids.get(k).nR()).append('×').append(grids.get(k).nZ());
        }
        return b.append(" (banded LU)").toString();
    }

    /**
     * Solves every bin of every model (one grid), on the device or (device null) on the Java reference with
     * {@code threads} threads, in as few waves as the memory budget allows (for a device also: three quarters of the
     * free Java heap, which holds a wave's hierarchies twice while they are packed for the upload).
     */
    public static Result solve(
            List<? extends SteadyOperator> models, SteadySettings settings, int threads, MultigridDevice device) {
        return solve(models, settings, SolverTuning.defaults(), threads, device);
    }

    /** As above, tuned by {@code tuning} (where the hierarchies are built, the smoothing sweeps). */
    public static Result solve(List<? extends SteadyOperator> models, SteadySettings settings, SolverTuning tuning,
                               int threads, MultigridDevice device) {
        return solve(models, settings, tuning, threads, device, budgetOf(device));
    }

    /** As above with an explicit wave budget in bytes (tests, and to force waves on a device). */
    public static Result solve(
            List<? extends SteadyOperator> models,
            SteadySettings settings,
            int threads,
            MultigridDevice device,
            long budget) {
        return solve(models, settings, SolverTuning.defaults(), threads, device, budget);
    }

    /** As above, tuned by {@code tuning}, with an explicit wave budget in bytes. */
    public static Result solve(List<? extends SteadyOperator> models, SteadySettings settings, SolverTuning tuning,
                               int threads, MultigridDevice device, long budget) {
        Plan plan = plan(models, settings, tuning, device, budget);
        SpatialGrid grid = models.get(0).grid();
        int restart = plan.restart();
        int wave = plan.systemsPerWave();
        List<int[]> systems = systemsOf(models);
        Answers answers = new Answers(models);
        double[][][] density = answers.density;
        double[][] residual = answers.residual;
        int[][] iterations = answers.iterations;
        boolean onDevice = plan.setup().equals("device");
        List<TransportProblem> paper = onDevice ? paperProblems(models) : null;
        double setup = 0;
        double solve = 0;
        int waves = 0;
        String hierarchy = describe(MultigridHierarchy.gridsFor(grid));
        String setupPlace = null;
        for (int first = 0; first < systems.size(); first += wave, waves++) {
            List<int[]> part = systems.subList(first, Math.min(systems.size(), first + wave));
            long t0 = System.nanoTime();
            MultigridBatchOps<?> ops =
                    onDevice ? device.setUpPaper(CpuMultigridBatch.shape(grid, part.size()), paper, part) : null;
            // this device cannot: the CPU setup from here on, within the host's memory too
            if (ops == null && onDevice) {
                if (tuning.multigridSetup() == MultigridSetupPlace.DEVICE) {
                    throw new IllegalStateException("solver.tuning.multigrid_setup = device, but " + device.describe()
                            + " cannot build the hierarchies");
                }
                onDevice = false;
                wave = Math.min(wave, hostWave(grid, restart));
                part = systems.subList(first, Math.min(systems.size(), first + wave));
            }
            String here = ops != null ? "device" : "cpu";
            setupPlace = setupPlace == null || setupPlace.equals(here) ? here : "device+cpu";
            if (ops == null) {
                List<NinePointMatrix> matrices = new ArrayList<>(part.size());
                for (int[] mk : part) {
                    matrices.add(models.get(mk[0]).matrix(mk[1]));
                }
                CpuMultigridBatch cpu = new CpuMultigridBatch(matrices, threads);
                matrices.clear();
                ops = cpu;
                if (device != null) {
                    // the device copies what it needs; the host hierarchies go
                    try (CpuMultigridBatch hierarchies = cpu) {
                        ops = device.upload(hierarchies.pack());
                    }
                }
            }
            long t1 = System.nanoTime();
            setup += (t1 - t0) * 1e-9;
            try (MultigridBatchOps<?> o = ops) {
                solveWave(o, models, part, settings, tuning.multigridSweeps(), restart, density, residual, iterations);
            }
            solve += (System.nanoTime() - t1) * 1e-9;
        }
        return new Result(density, residual, iterations, waves, wave, hierarchy, setupPlace, setup, solve);
    }

    /**
     * The batch's systems in solve order, {model, bin} for every bin of every model. Separate because it is the one
     * numbering that waves split and that maps a system back to its model and momentum bin.
     */
    private static List<int[]> systemsOf(List<? extends SteadyOperator> models) {
        List<int[]> systems = new ArrayList<>(); // {model, bin}
        for (int m = 0; m < models.size(); m++) {
            for (int k = 0; k < models.get(m).bins(); k++) {
                systems.add(new int[]{m, k});
            }
        }
        return systems;
    }

    /**
     * The per-model, per-bin answers the waves fill in: density[model][bin] (one field per bin, set by its wave),
     * residual and iterations. A holder so the arrays are allocated in one step, apart from the wave loop; a class,
     * not a record, because it hands its arrays out to be filled (records here copy theirs).
     */
    private static final class Answers {
        final double[][][] density;
        final double[][] residual;
        final int[][] iterations;

        Answers(List<? extends SteadyOperator> models) {
            density = new double[models.size()][][];
            residual = new double[models.size()][];
            iterations = new int[models.size()][];
            for (int m = 0; m < models.size(); m++) {
                int bins = models.get(m).bins();
                density[m] = new double[bins][];
                residual[m] = new double[bins];
                iterations[m] = new int[bins];
            }
        }
    }

    private static <V> void solveWave(MultigridBatchOps<V> ops, List<? extends SteadyOperator> models, List<int[]> part,
                                      SteadySettings settings, int nu, int restart, double[][][] density,
                                      double[][] residual, int[][] iterations) {
        int e = part.size();
        double[][] s = new double[e][];
        for (int b = 0; b < e; b++) {
            s[b] = models.get(part.get(b)[0]).source(part.get(b)[1]);
        }
        V source = ops.vector(0);
        V x = ops.vector(0);
        ops.upload(s, source);
        BatchedMgGmres.Outcome o = BatchedMgGmres.solve(
                ops, source, x, settings.tolerance(), settings.maxIterations(), restart, SteadySolver.MG_GAMMA, nu);
        double[][] n = ops.download(x);
        for (int b = 0; b < e; b++) {
            int m = part.get(b)[0];
            int k = part.get(b)[1];
            density[m][k] = n[b];
            residual[m][k] = o.relativeResidual()[b];
            iterations[m][k] = o.iterations()[b];
        }
    }
}
