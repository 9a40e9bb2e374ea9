package org.anisocr.bench;

import org.anisocr.field.AxisymmetricField3D;
import org.anisocr.field.JanssonFarrar2012Field;
import org.anisocr.field.MagneticField3D;
import org.anisocr.field.RealisticField;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.solver.steady3d.Steady3DResult;
import org.anisocr.solver.steady3d.Steady3DSettings;
import org.anisocr.solver.steady3d.SteadySolver3D;
import org.anisocr.source.PulsarSource;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times the 3D steady solve of one model's momentum bins on the box R_max × H at a given spacing: the realistic
 * model of the paper (D0 = 1e28 cm²/s at p0 = 1 GeV, δ∥, δ⊥, εD; pulsar source of paper eq. 2.2 with its default
 * parameters; log-spaced momenta 1 GeV – 10 TeV) in a chosen 3D field. Reports the hierarchy setup, every bin's
 * iterations, residual and seconds, the whole run, the peak heap and the solver's own memory estimate.
 *
 * <p>Bins run in {@code binThreads} contiguous chains (bins in parallel, as a model run does), each bin started
 * from its chain's previous answer when {@code warmStart}; within a bin the solver uses the settings' threads.
 */
public final class Steady3DBench {
    private Steady3DBench() {}

    /** Which regular field the bench runs in. */
    public enum Field3D {
        /** Jansson & Farrar 2012, the full regular field (disk spiral arms, toroidal halo, X-field). */
        JF12,
        /** The 2D realistic field of the paper's models, rotated into 3D (axisymmetric). */
        REALISTIC_AXISYMMETRIC;

        MagneticField3D build() {
            return this == JF12 ? JanssonFarrar2012Field.jf12() : new AxisymmetricField3D(RealisticField.standard());
        }
    }

    /**
     * What to run.
     *
     * @param spacingKpc  Δx = Δy = Δz; R_max and H must be multiples of it
     * @param bins        which of the {@code momenta} bins to solve (null: all)
     * @param binThreads  bins solved at once (each chain of contiguous bins on its own thread)
     */
    public record Options(double spacingKpc, double rMaxKpc, double halfHeightKpc, Field3D field, double epsD,
                          double deltaPar, double deltaPerp, int momenta, int[] bins, boolean warmStart,
                          int binThreads, Steady3DSettings settings) {
        public Options {
            bins = bins == null ? null : bins.clone();
        }

        /** The model: R_max = 20 kpc, H = 4 kpc, JF12, δ∥ = 0.3, δ⊥ = 0.7, 33 momenta, warm starts. */
        public static Options realistic(double spacingKpc, double epsD, Steady3DSettings settings) {
            return new Options(spacingKpc, 20, 4, Field3D.JF12, epsD, 0.3, 0.7, 33, null, true, 1, settings);
        }

        public Options withBins(int[] which, boolean warm, int threads) {
            return new Options(spacingKpc, rMaxKpc, halfHeightKpc, field, epsD, deltaPar, deltaPerp, momenta, which,
                    warm, threads, settings);
        }

        @Override
        public int[] bins() {
            return bins == null ? null : bins.clone();
        }

        CartesianGrid3D grid() {
            int nxy = (int) Math.round(2 * rMaxKpc / spacingKpc) + 1;
            int nz = (int) Math.round(2 * halfHeightKpc / spacingKpc) + 1;
            return new CartesianGrid3D(rMaxKpc, halfHeightKpc, nxy, nxy, nz);
        }
    }

    /**
     * One bin's solve: wall seconds, and the CPU seconds of the thread that ran it (threads inside the bin, when
     * the settings ask for more than one, not counted).
     */
    public record BinTiming(int bin, double pGeV, int iterations, double relativeResidual, boolean converged,
                            double seconds, double threadCpuSeconds) {
    }

    /**
     * The measurement.
     *
     * @param setupSeconds  operator (field at every cell) and multigrid hierarchy, once per model
     * @param runSeconds    setup plus every bin (wall clock)
     * @param runCpuSeconds CPU seconds of the whole process over the same span (every thread; on a shared machine
     *                      the figure that other loads disturb least)
     * @param peakHeapBytes peak of the JVM's heap pools during the run (they are reset at its start)
     */
    public record Result(String grid, long nodes, int levels, double setupSeconds, List<BinTiming> bins,
                         double runSeconds, double runCpuSeconds, long peakHeapBytes, long estimatedBytes) {
        public Result {
            bins = List.copyOf(bins);
        }

        public double meanSecondsPerBin() {
            return bins.stream().mapToDouble(BinTiming::seconds).average().orElse(0);
        }

        public double meanThreadCpuSecondsPerBin() {
            return bins.stream().mapToDouble(BinTiming::threadCpuSeconds).average().orElse(0);
        }

        public double meanIterations() {
            return bins.stream().mapToInt(BinTiming::iterations).average().orElse(0);
        }
    }

    public static Result run(Options o) throws InterruptedException {
        resetPeaks();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        CartesianGrid3D grid = o.grid();
        SymmetricOperator3D operator = new SymmetricOperator3D(grid, o.field().build());
        SteadySolver3D solver = new SteadySolver3D(operator, o.settings());
        int levels = solver.levels(); // builds the hierarchy
        double setup = (System.nanoTime() - start) / 1e9;
        double[] spatial = pulsarSource(grid);
        int[] bins = o.bins() != null ? o.bins() : allBins(o.momenta());
        List<List<Integer>> chains = chains(bins, o.binThreads());
        ExecutorService pool = Executors.newFixedThreadPool(chains.size());
        List<BinTiming> timings = new ArrayList<>();
        try {
            List<Future<List<BinTiming>>> futures = new ArrayList<>();
            for (List<Integer> chain : chains) {
                futures.add(pool.submit(() -> solveChain(o, solver, spatial, chain)));
            }
            for (Future<List<BinTiming>> f : futures) {
                timings.addAll(f.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bin failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        double run = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        return new Result(grid.nX() + "x" + grid.nY() + "x" + grid.nZ(), grid.size(), levels, setup, timings, run,
                cpu, peakHeap(), SteadySolver3D.estimateBytes(grid));
    }

    private static List<BinTiming> solveChain(Options o, SteadySolver3D solver, double[] spatial, List<Integer> chain) {
        DiffusionTensor d = diffusion(o);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<BinTiming> out = new ArrayList<>();
        double[] previous = null;
        for (int k : chain) {
            double p = momentum(o.momenta(), k);
            double[] source = source(spatial, p);
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            Steady3DResult r = solver.solve(d.parallel(p), d.perpendicular(p), source, o.warmStart() ? previous : null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            out.add(new BinTiming(k, p, r.iterations(), r.relativeResidual(), r.converged(), seconds, cpu));
            previous = r.density();
        }
        return out;
    }

    /** The paper's D0 = 1e28 cm²/s at p0 = 1 GeV, in kpc²/Myr. */
    static DiffusionTensor diffusion(Options o) {
        return new DiffusionTensor(1e28 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR, o.deltaPar(), o.deltaPerp(),
                o.epsD(), 1.0);
    }

    /** Bin k of {@code count} log-spaced momenta from 1 GeV to 10 TeV. */
    static double momentum(int count, int k) {
        return count == 1 ? 1.0 : Math.pow(1e4, (double) k / (count - 1));
    }

    /** The default pulsar source (paper eq. 2.2: a = 1.9, b = 5, R☉ = 8.3 kpc, z0 = 0.2 kpc) at every free node. */
    static double[] pulsarSource(CartesianGrid3D g) {
        PulsarSource pulsars = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1.0);
        double[] s = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (!g.isDirichlet(i, j, k)) {
                        s[g.index(i, j, k)] = pulsars.spatial(Math.hypot(g.xKpc(i), g.yKpc(j)), g.zKpc(k));
                    }
                }
            }
        }
        return s;
    }

    /** S at momentum p: the spatial part times (p/p0)^−αinj with αinj = 2.2. */
    static double[] source(double[] spatial, double pGeV) {
        double spectrum = Math.pow(pGeV, -2.2);
        double[] s = new double[spatial.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = spatial[i] * spectrum;
        }
        return s;
    }

    private static int[] allBins(int count) {
        int[] all = new int[count];
        for (int k = 0; k < count; k++) {
            all[k] = k;
        }
        return all;
    }

    /** The bins split into {@code parts} contiguous runs of (nearly) equal length. */
    static List<List<Integer>> chains(int[] bins, int parts) {
        int n = Math.max(1, Math.min(parts, bins.length));
        List<List<Integer>> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            List<Integer> chain = new ArrayList<>();
            for (int m = c * bins.length / n; m < (c + 1) * bins.length / n; m++) {
                chain.add(bins[m]);
            }
            out.add(chain);
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
