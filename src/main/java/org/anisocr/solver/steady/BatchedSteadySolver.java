package org.anisocr.solver.steady;

import org.anisocr.config.SteadySettings;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.MultigridDevice;

import java.util.ArrayList;
import java.util.List;

/**
 * mg-gmres for a whole family at once: every momentum bin of every model (all on one grid) is one system of a
 * batch, solved in lockstep by {@link BatchedMgGmres} on the backend's {@link MultigridBatchOps} (the Java reference
 * or a {@link MultigridDevice}). Setup (one multigrid hierarchy per system) runs on the CPU, in parallel. When the batch
 * does not fit the memory budget (the device's, or half the free Java heap for the reference) it is solved in
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
     * What a batched solve did.
     * @param density        [model][bin][node]
     * @param residual       ‖L N + S‖/‖S‖ per model and bin, as the solver measured it
     * @param iterations     Krylov iterations per model and bin
     * @param waves          how many waves the batch took
     * @param systemsPerWave the wave size the memory budget allowed
     * @param setupSeconds   hierarchy construction (CPU) summed over waves
     * @param solveSeconds   solve phase (uploads, iterations, downloads) summed over waves
     */
    public record Result(double[][][] density, double[][] residual, int[][] iterations, int waves, int systemsPerWave,
                         String hierarchy, double setupSeconds, double solveSeconds) {
        public double maxResidual() {
            double m = 0;
            for (double[] r : residual) for (double v : r) m = Math.max(m, v);
            return m;
        }

        public int maxIterations() {
            int m = 0;
            for (int[] it : iterations) for (int v : it) m = Math.max(m, v);
            return m;
        }
    }

    private BatchedSteadySolver() {}

    /** The grids of the multigrid hierarchy on this fine grid, finest first (the last is solved by banded LU). */
    public static List<SpatialGrid> levelGrids(SpatialGrid fine) { return MultigridHierarchy.gridsFor(fine); }

    /**
     * Bytes one system needs in the solve phase of a batch on this grid: the hierarchy (9 stencil and 4 line-factor
     * values a node on every level but the coarsest, which holds the banded LU), the work vectors of the cycle
     * (3 a node a level) and 2·restart + 2 finest-grid Krylov vectors. The device reduction buffers are small beside it.
     */
    public static long bytesPerSystem(SpatialGrid fine, int restart) {
        List<SpatialGrid> grids = MultigridHierarchy.gridsFor(fine);
        long values = 0;
        for (int k = 0; k < grids.size(); k++) {
            long nodes = grids.get(k).size();
            values += nodes * (9 + (k < grids.size() - 1 ? 4 : 0) + 3);
        }
        SpatialGrid c = grids.get(grids.size() - 1);
        long nI = c.nR() - 1, nJ = c.nZ() - 2, bw = Math.min(nI, nJ) + 1;
        values += (3 * bw + 1) * nI * nJ + nI * nJ / 2 + nI * nJ; // band, pivots (int), coarsest work
        values += (2L * restart + 2) * fine.size();
        return 8 * values;
    }

    /**
     * How a batch will be solved, decided before any work: every bin of every model is a system of
     * {@code bytesPerSystem} on the device; a wave takes as many as the budget allows.
     */
    public record Plan(int models, int systems, int restart, long bytesPerSystem, long budgetBytes, int systemsPerWave, int waves) {
        /** "3 models, 99 systems of 9.3 MiB, budget 61.2 GiB (the Java heap): 1 wave of up to 99 systems". */
        public String describe(String where) {
            return String.format(java.util.Locale.ROOT, "%d models, %d systems of %.1f MiB, budget %.1f GiB (%s): %d wave%s of up to %d systems",
                    models, systems, bytesPerSystem / 1048576.0, budgetBytes / 1073741824.0, where, waves, waves == 1 ? "" : "s", systemsPerWave);
        }
    }

    /** The plan of {@link #solve} with the device's budget (or, device null, half the free Java heap). */
    public static Plan plan(List<? extends SteadyOperator> models, SteadySettings settings, MultigridDevice device) {
        return plan(models, settings, device, budgetOf(device));
    }

    private static long budgetOf(MultigridDevice device) {
        if (device != null) return device.memoryBudgetBytes();
        Runtime rt = Runtime.getRuntime();
        return (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2;
    }

    /**
     * @throws IllegalArgumentException when the models do not share a grid or the grid has no coarser level
     * @throws IllegalStateException    when not even one system fits the budget
     */
    static Plan plan(List<? extends SteadyOperator> models, SteadySettings settings, MultigridDevice device, long budget) {
        if (models.isEmpty()) throw new IllegalArgumentException("no models to solve");
        SpatialGrid grid = models.get(0).grid();
        for (SteadyOperator m : models)
            if (m.grid().nR() != grid.nR() || m.grid().nZ() != grid.nZ())
                throw new IllegalArgumentException("all models of a batch need one grid: " + grid.nR() + "x" + grid.nZ()
                        + " vs " + m.grid().nR() + "x" + m.grid().nZ());
        if (MultigridHierarchy.levelsFor(grid) < 2)
            throw new IllegalArgumentException("grid " + grid.nR() + "x" + grid.nZ()
                    + " cannot be coarsened for multigrid (needs NR-1 or Nz-1 even and more than " + MultigridHierarchy.COARSEST_NODES + " nodes)");
        int restart = Math.min(settings.restart(), MAX_RESTART);
        int systems = 0;
        for (SteadyOperator m : models) systems += m.bins();
        long perSystem = bytesPerSystem(grid, restart);
        int wave = (int) Math.min(systems, budget / perSystem);
        if (device != null && wave >= 1) { // the host holds a wave's hierarchies twice while packing them (the setup and the packed copy)
            Runtime rt = Runtime.getRuntime();
            long hostFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            long hostPerSystem = 2 * (perSystem - 8L * (2L * restart + 2) * grid.size());
            wave = (int) Math.min(wave, Math.max(1, hostFree * 3 / 4 / hostPerSystem));
        }
        if (wave < 1)
            throw new IllegalStateException(String.format("one multigrid system of the %dx%d grid needs %.1f MiB, more than the %.1f MiB %s can give",
                    grid.nR(), grid.nZ(), perSystem / 1048576.0, budget / 1048576.0, device == null ? "the Java heap" : device.describe()));
        return new Plan(models.size(), systems, restart, perSystem, budget, wave, (systems + wave - 1) / wave);
    }

    /**
     * Solves every bin of every model (one grid), on the device or (device null) on the Java reference with
     * {@code threads} threads, in as few waves as the memory budget allows (for a device also: three quarters of the
     * free Java heap, which holds a wave's hierarchies twice while they are packed for the upload).
     */
    public static Result solve(List<? extends SteadyOperator> models, SteadySettings settings, int threads, MultigridDevice device) {
        return solve(models, settings, threads, device, budgetOf(device));
    }

    /** As above with an explicit wave budget in bytes (tests, and to force waves on a device). */
    public static Result solve(List<? extends SteadyOperator> models, SteadySettings settings, int threads, MultigridDevice device, long budget) {
        Plan plan = plan(models, settings, device, budget);
        SpatialGrid grid = models.get(0).grid();
        int restart = plan.restart(), wave = plan.systemsPerWave();
        List<int[]> systems = new ArrayList<>(); // {model, bin}
        for (int m = 0; m < models.size(); m++) for (int k = 0; k < models.get(m).bins(); k++) systems.add(new int[] {m, k});
        double[][][] density = new double[models.size()][][];
        double[][] residual = new double[models.size()][];
        int[][] iterations = new int[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            int bins = models.get(m).bins();
            density[m] = new double[bins][];
            residual[m] = new double[bins];
            iterations[m] = new int[bins];
        }
        double setup = 0, solve = 0;
        int waves = 0;
        String hierarchy = null;
        for (int first = 0; first < systems.size(); first += wave, waves++) {
            List<int[]> part = systems.subList(first, Math.min(systems.size(), first + wave));
            List<NinePointMatrix> matrices = new ArrayList<>(part.size());
            for (int[] mk : part) matrices.add(models.get(mk[0]).matrix(mk[1]));
            long t0 = System.nanoTime();
            CpuMultigridBatch cpu = new CpuMultigridBatch(matrices, threads);
            matrices.clear();
            long t1 = System.nanoTime();
            if (hierarchy == null) hierarchy = cpu.describe();
            MultigridBatchOps<?> ops = cpu;
            if (device != null)
                try (CpuMultigridBatch hierarchies = cpu) { // the device copies what it needs; the host hierarchies go
                    ops = device.upload(hierarchies.pack());
                }
            setup += (t1 - t0) * 1e-9;
            long t2 = System.nanoTime();
            try (MultigridBatchOps<?> o = ops) {
                solveWave(o, models, part, settings, restart, density, residual, iterations);
            }
            solve += (System.nanoTime() - t2) * 1e-9;
        }
        return new Result(density, residual, iterations, waves, wave, hierarchy, setup, solve);
    }

    private static <V> void solveWave(MultigridBatchOps<V> ops, List<? extends SteadyOperator> models, List<int[]> part,
                                      SteadySettings settings, int restart, double[][][] density, double[][] residual, int[][] iterations) {
        int e = part.size();
        double[][] s = new double[e][];
        for (int b = 0; b < e; b++) s[b] = models.get(part.get(b)[0]).source(part.get(b)[1]);
        V source = ops.vector(0), x = ops.vector(0);
        ops.upload(s, source);
        BatchedMgGmres.Outcome o = BatchedMgGmres.solve(ops, source, x, settings.tolerance(), settings.maxIterations(), restart,
                SteadySolver.MG_GAMMA);
        double[][] n = ops.download(x);
        for (int b = 0; b < e; b++) {
            int m = part.get(b)[0], k = part.get(b)[1];
            density[m][k] = n[b];
            residual[m][k] = o.relativeResidual()[b];
            iterations[m][k] = o.iterations()[b];
        }
    }
}
