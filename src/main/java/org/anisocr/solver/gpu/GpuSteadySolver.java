package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.TransportProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.*;

/**
 * Steady state L N + S = 0 of the paper's operator on the GPU for a batch of systems (models × momentum
 * bins, all on one grid): kernel {@code steady_band_lu_shm} (active window of the factorisation in shared memory,
 * when the device allows (kl+1)(kl+ku+1)·8 B per block: 104 KB at 201×81, sm_80+) or {@code steady_band_lu}
 * (global memory) (kernels/anisocr.cu), one thread block per system,
 * banded LU with partial pivoting in LAPACK dgbtf2 order plus the two triangular solves, the band assembled
 * on the device from {@link OperatorCoefficients}' tables and the two scalars per system. It is the device
 * twin of {@link org.anisocr.solver.steady.DirectSteadySolver} (same unknown numbering, same band layout,
 * same operation order; bitwise equal in emulation, kernels/emu). The residual ‖L N + S‖₂/‖S‖₂ of every
 * system is computed on the device by the split-step backend's {@code residual_partial} kernel.
 *
 * <p>Memory: each system in flight needs its band, (3 kl + 1)·n doubles with n = (nR−1)(nZ−2) unknowns and
 * kl = min(nR−1, nZ−2)+1 (≈ 30 MB at 201×81); the batch is processed in chunks that fit in 80 % of the free
 * device memory (and at most 8 blocks per multiprocessor, more would not run concurrently anyway; the shared-memory
 * kernel fits 2 blocks per H100 SM at 201×81).
 */
public final class GpuSteadySolver implements AutoCloseable {
    /** Threads per block (power of two ≤ 256 = STEADY_MAX_BLOCK, as the kernels require). */
    public static final int BLOCK = 256;

    /** Which factor kernel: the shared-memory window when it fits, else the global-memory one. */
    public enum Kernel { AUTO, GLOBAL, SHARED }

    private final GpuRuntime rt;
    private final boolean ownsRuntime;
    private int lastBlocksPerMultiprocessor = -1;
    private Kernel kernel = Kernel.valueOf(System.getProperty("anisocr.steady.kernel", "auto").toUpperCase(java.util.Locale.ROOT));

    /** Result of one batch: density[model][bin][node], residual[model][bin], timings, the kernel that ran. */
    public record Result(double[][][] density, double[][] residual, int systems, int chunkSize, int chunks,
                         double deviceSeconds, double wallSeconds, String kernel) {
        public double maxResidual() {
            double m = 0;
            for (double[] r : residual) for (double v : r) m = Math.max(m, v);
            return m;
        }
    }

    /** Opens its own runtime; {@link GpuUnavailableException} when there is no usable GPU. */
    public GpuSteadySolver() { this(GpuRuntime.open(), true); }

    /** Shares a runtime (not closed by {@link #close()}). */
    public GpuSteadySolver(GpuRuntime rt) { this(rt, false); }

    private GpuSteadySolver(GpuRuntime rt, boolean owns) { this.rt = rt; this.ownsRuntime = owns; }

    public GpuInfo info() { return rt.info(); }

    /** Forces a factor kernel (default: system property anisocr.steady.kernel = auto | global | shared, else auto). */
    public GpuSteadySolver kernel(Kernel k) { this.kernel = k; return this; }

    /** Dynamic shared memory of steady_band_lu_shm: the (kl+1) × (kl+ku+1) window and kl+1 right-hand-side rows. */
    public static long windowBytes(int nR, int nZ) {
        long kl = Math.min(nR - 1, nZ - 2) + 1;
        return ((kl + 1) * (2 * kl + 1) + kl + 1) * 8;
    }



    /** Bytes of device memory one system in flight needs (band + pivots + work vector). */
    public static long bytesPerSystem(int nR, int nZ) {
        long nI = nR - 1, nJ = nZ - 2, kl = Math.min(nI, nJ) + 1, n = nI * nJ;
        return (3 * kl + 1) * n * 8 + n * 4 + n * 8;
    }

    public Result solve(TransportProblem problem) { return solve(List.of(problem)); }

    /** Blocks of the factor kernel resident per multiprocessor in the last solve (CUDA's occupancy calculator); -1 if unknown. */
    public int lastBlocksPerMultiprocessor() { return lastBlocksPerMultiprocessor; }

    /**
     * Asks for the largest shared-memory carveout (the L1/shared split is a hint: with the default the driver may
     * keep more L1 and fit fewer ~110 KB windows per SM) and returns how many blocks then fit per SM; -1 when the
     * driver refuses either call (a hint: the solve goes on).
     */
    private static int preferSharedAndCountBlocks(jcuda.driver.CUfunction f, int dynShared) {
        try {
            cuFuncSetAttribute(f, jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_PREFERRED_SHARED_MEMORY_CARVEOUT,
                    jcuda.driver.CUshared_carveout.CU_SHAREDMEM_CARVEOUT_MAX_SHARED);
            int[] blocks = {0};
            cuOccupancyMaxActiveBlocksPerMultiprocessor(blocks, f, BLOCK, dynShared);
            return blocks[0];
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Solves every bin of every model; all models must share one spatial grid. */
    public Result solve(List<TransportProblem> models) {
        long t0 = System.nanoTime();
        rt.makeCurrent();
        int nR = models.get(0).grid().nR(), nZ = models.get(0).grid().nZ();
        for (TransportProblem p : models)
            if (p.grid().nR() != nR || p.grid().nZ() != nZ)
                throw new IllegalArgumentException("all models of a GPU steady batch must share one grid");
        long nodes = (long) nR * nZ;
        BatchEntries batchEntries = BatchEntries.of(models);
        int entries = batchEntries.count();
        int[] firstEntry = batchEntries.firstEntry();
        Map<OperatorCoefficients, Integer> tableIndex = batchEntries.tableIndex();
        int[] model = batchEntries.model();
        double[] dPerp = batchEntries.dPerp(), dAni = batchEntries.dAni();
        double[] srcHost = batchEntries.interleavedSources(nodes);
        String size = nR + "x" + nZ + " grid";
        String batch = size + " x " + entries + " systems (" + models.size() + " models)";
        List<CUdeviceptr> mine = new ArrayList<>();
        try {
            CUdeviceptr modelOf = alloc(mine, 4L * entries, "model index per system");
            CUdeviceptr dPerpOf = alloc(mine, 8L * entries, "D_perp per system");
            CUdeviceptr dAniOf = alloc(mine, 8L * entries, "D_ani per system");
            cuMemcpyHtoD(modelOf, Pointer.to(model), 4L * entries);
            cuMemcpyHtoD(dPerpOf, Pointer.to(dPerp), 8L * entries);
            cuMemcpyHtoD(dAniOf, Pointer.to(dAni), 8L * entries);
            long tableDoubles = 14 * nodes;
            CUdeviceptr coef = alloc(mine, 8 * tableDoubles * tableIndex.size(), "coefficient tables, " + tableIndex.size() + " x " + size);
            CoefficientTables.upload(coef, tableIndex, nodes);
            long field = 8 * nodes * entries;
            CUdeviceptr src = alloc(mine, field, "source, " + batch);
            cuMemcpyHtoD(src, Pointer.to(srcHost), field);
            CUdeviceptr nOut = alloc(mine, field, "steady density, " + batch);
            CUdeviceptr status = alloc(mine, 4L * entries, "status per system");
            // chunk: what fits in 80 % of the free memory, at most 8 resident blocks per SM
            long per = bytesPerSystem(nR, nZ);
            long[] free = {0}, total = {0};
            cuMemGetInfo(free, total);
            int byMemory = (int) Math.min(Integer.MAX_VALUE, (long) (0.8 * free[0]) / per);
            if (byMemory < 1)
                throw new GpuOutOfMemoryException(String.format(
                        "GPU out of memory on %s: one steady system of the %s needs %.1f MiB (band %d unknowns x %d), %.1f MiB free",
                        rt.info().name(), size, per / 1048576.0, (long) (nR - 1) * (nZ - 2), 3 * (Math.min(nR - 1, nZ - 2) + 1) + 1,
                        free[0] / 1048576.0), null);
            int chunk = Math.max(1, Math.min(entries, Math.min(byMemory, 8 * Math.max(1, rt.info().multiprocessors()))));
            long n = (long) (nR - 1) * (nZ - 2);
            String chunkWhat = chunk + " systems in flight, " + size;
            CUdeviceptr band = alloc(mine, (per - 12 * n) * chunk, "steady band LU, " + chunkWhat);
            CUdeviceptr pivots = alloc(mine, 4 * n * chunk, "pivots, " + chunkWhat);
            CUdeviceptr work = alloc(mine, 8 * n * chunk, "solve vectors, " + chunkWhat);
            // kernel: the shared-memory window where the device lets a block opt in to enough shared memory
            long window = windowBytes(nR, nZ);
            jcuda.driver.CUdevice dev = new jcuda.driver.CUdevice();
            cuCtxGetDevice(dev);
            int[] optin = {0};
            cuDeviceGetAttribute(optin, jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN, dev);
            int[] staticShared = {0};
            cuFuncGetAttribute(staticShared, jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES, rt.function("steady_band_lu_shm"));
            boolean fits = window + staticShared[0] <= optin[0];
            if (kernel == Kernel.SHARED && !fits)
                throw new IllegalStateException("steady_band_lu_shm needs " + (window + staticShared[0]) + " bytes of shared memory per block, "
                        + rt.info().name() + " allows " + optin[0]);
            boolean useShared = kernel == Kernel.SHARED || (kernel == Kernel.AUTO && fits);
            String kernelName = useShared ? "steady_band_lu_shm" : "steady_band_lu";
            int dynShared = useShared ? (int) window : 0;
            if (useShared)
                cuFuncSetAttribute(rt.function(kernelName), jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, dynShared);
            lastBlocksPerMultiprocessor = preferSharedAndCountBlocks(rt.function(kernelName), dynShared);
            cuCtxSynchronize(); // pageable uploads complete before the non-blocking stream reads them
            long k0 = System.nanoTime();
            int chunks = 0;
            for (int first = 0; first < entries; first += chunk, chunks++) {
                int m = Math.min(chunk, entries - first);
                Pointer p = Pointer.to(Pointer.to(new int[]{nR}), Pointer.to(new int[]{nZ}), Pointer.to(new int[]{entries}),
                        Pointer.to(new int[]{first}), Pointer.to(modelOf), Pointer.to(dPerpOf), Pointer.to(dAniOf),
                        Pointer.to(coef), Pointer.to(src), Pointer.to(band), Pointer.to(pivots), Pointer.to(work),
                        Pointer.to(nOut), Pointer.to(status));
                rt.launch(kernelName, (long) m * BLOCK, BLOCK, dynShared, p);
            }
            // device residual: Σ(LN + S)² and ΣS² per system (two-stage, deterministic)
            int partitions = Math.max(1, Math.min(1024, 65536 / entries));
            long reduceThreads = (long) partitions * entries;
            CUdeviceptr partA = alloc(mine, 8 * reduceThreads, "reduction partials");
            CUdeviceptr partB = alloc(mine, 8 * reduceThreads, "reduction partials");
            CUdeviceptr sums = alloc(mine, 16L * entries, "residual sums");
            rt.launch("residual_partial", reduceThreads, 256, 0, Pointer.to(Pointer.to(new int[]{nR}), Pointer.to(new int[]{nZ}),
                    Pointer.to(new int[]{entries}), Pointer.to(new long[]{reduceThreads}), Pointer.to(modelOf), Pointer.to(dPerpOf),
                    Pointer.to(dAniOf), Pointer.to(coef), Pointer.to(src), Pointer.to(nOut), Pointer.to(partA), Pointer.to(partB)));
            for (int q = 0; q < 2; q++)
                rt.launch("reduce_columns", 256L * entries, 256, 0, Pointer.to(Pointer.to(q == 0 ? partA : partB),
                        Pointer.to(new int[]{entries}), Pointer.to(new int[]{partitions}), Pointer.to(new int[]{0}),
                        Pointer.to(sums.withByteOffset(8L * q * entries))));
            rt.synchronize();
            double deviceSeconds = (System.nanoTime() - k0) * 1e-9;
            int[] st = new int[entries];
            double[] sumsHost = new double[2 * entries];
            double[] all = new double[Math.toIntExact(nodes * entries)];
            cuMemcpyDtoH(Pointer.to(st), status, 4L * entries);
            cuMemcpyDtoH(Pointer.to(sumsHost), sums, 16L * entries);
            cuMemcpyDtoH(Pointer.to(all), nOut, field);
            double[][][] density = new double[models.size()][][];
            double[][] residual = new double[models.size()][];
            for (int m = 0; m < models.size(); m++) {
                int bins = models.get(m).bins();
                density[m] = new double[bins][(int) nodes];
                residual[m] = new double[bins];
                for (int k = 0; k < bins; k++) {
                    int b = firstEntry[m] + k;
                    if (st[b] != 0) throw new ArithmeticException("GPU steady solve: singular matrix in model " + m + ", momentum bin " + k);
                    for (int idx = 0; idx < nodes; idx++) density[m][k][idx] = all[idx * entries + b];
                    double num = sumsHost[b], den = sumsHost[entries + b];
                    residual[m][k] = den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
                }
            }
            return new Result(density, residual, entries, chunk, chunks, deviceSeconds, (System.nanoTime() - t0) * 1e-9, kernelName);
        } finally {
            for (CUdeviceptr p : mine) try { rt.free(p); } catch (Throwable ignored) { }
        }
    }

    private CUdeviceptr alloc(List<CUdeviceptr> mine, long bytes, String what) {
        CUdeviceptr p = rt.allocate(bytes, what);
        mine.add(p);
        return p;
    }

    @Override public void close() { if (ownsRuntime) rt.close(); }
}
