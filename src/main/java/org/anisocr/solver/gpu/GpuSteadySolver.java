package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUshared_carveout;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SingularSystemException;
import org.anisocr.solver.SolverTuning.SteadyKernel;

import java.util.Arrays;
import java.util.List;

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

    private final GpuRuntime rt;
    private final boolean ownsRuntime;
    private int lastBlocksPerMultiprocessor = -1;
    private SteadyKernel kernel = SteadyKernel.AUTO;

    /** Result of one batch: density[model][bin][node], residual[model][bin], timings, the kernel that ran. The arrays
     *  are shared, not copied (models × bins × nodes doubles): the solver hands them over and keeps no reference. */
    public record Result(double[][][] density, double[][] residual, int systems, int chunkSize, int chunks,
                         double deviceSeconds, double wallSeconds, String kernel) {
        public double maxResidual() {
            double m = 0;
            for (double[] r : residual) {
                for (double v : r) {
                    m = Math.max(m, v);
                }
            }
            return m;
        }
    }

    /** Opens its own runtime; {@link GpuUnavailableException} when there is no usable GPU. */
    public GpuSteadySolver() { this(GpuRuntime.open(), true); }

    /** Shares a runtime (not closed by {@link #close()}). */
    public GpuSteadySolver(GpuRuntime rt) { this(rt, false); }

    private GpuSteadySolver(GpuRuntime rt, boolean owns) { this.rt = rt; this.ownsRuntime = owns; }

    public GpuInfo info() { return rt.info(); }

    /** Chooses the factor kernel (default auto: the shared-memory window when it fits, else the global-memory one). */
    public GpuSteadySolver kernel(SteadyKernel k) { this.kernel = k; return this; }

    /** Dynamic shared memory of steady_band_lu_shm: the (kl+1) × (kl+ku+1) window and kl+1 right-hand-side rows. */
    public static long windowBytes(int nR, int nZ) {
        long kl = Math.min(nR - 1, nZ - 2) + 1;
        return ((kl + 1) * (2 * kl + 1) + kl + 1) * 8;
    }



    /** Bytes of device memory one system in flight needs (band + pivots + work vector). */
    public static long bytesPerSystem(int nR, int nZ) {
        long nI = nR - 1;
        long nJ = nZ - 2;
        long kl = Math.min(nI, nJ) + 1;
        long n = nI * nJ;
        return (3 * kl + 1) * n * 8 + n * 4 + n * 8;
    }

    public Result solve(TransportProblem problem) { return solve(List.of(problem)); }

    /**
     * Blocks of the factor kernel resident per multiprocessor in the last solve (CUDA's occupancy calculator); -1 if
     * unknown.
     */
    public int lastBlocksPerMultiprocessor() { return lastBlocksPerMultiprocessor; }

    /**
     * Asks for the largest shared-memory carveout (the L1/shared split is a hint: with the default the driver may
     * keep more L1 and fit fewer ~110 KB windows per SM) and returns how many blocks then fit per SM; -1 when the
     * driver refuses either call (a hint: the solve goes on).
     */
    private static int preferSharedAndCountBlocks(CUfunction f, int dynShared) {
        try {
            cuFuncSetAttribute(f, CUfunction_attribute.CU_FUNC_ATTRIBUTE_PREFERRED_SHARED_MEMORY_CARVEOUT,
                    CUshared_carveout.CU_SHAREDMEM_CARVEOUT_MAX_SHARED);
            int[] blocks = {0};
            cuOccupancyMaxActiveBlocksPerMultiprocessor(blocks, f, BLOCK, dynShared);
            return blocks[0];
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Solves every bin of every model; all models must share one spatial grid size.
     * @throws SingularSystemException naming the model and momentum bin whose matrix is singular
     * @throws GpuException naming the CUDA error and what was being done
     */
    public Result solve(List<TransportProblem> models) {
        long t0 = System.nanoTime();
        rt.makeCurrent();
        try (DeviceBatch batch = new DeviceBatch(rt, models)) {
            int entries = batch.entries;
            CUdeviceptr nOut = batch.allocate(batch.fieldBytes(), "steady density, " + batch.describe());
            CUdeviceptr status = batch.allocate(4L * entries, "status per system");
            int chunk = chunkSize(batch.nR, batch.nZ, entries, batch.grid());
            BandBuffers bands = allocateBandBuffers(batch, chunk);
            FactorKernel factor = chooseFactorKernel(batch.nR, batch.nZ);
            // pageable uploads complete before the non-blocking stream reads them
            GpuException.check("finishing the uploads", () -> cuCtxSynchronize());
            long k0 = System.nanoTime();
            int chunks = launchFactorChunks(batch, factor, chunk, bands, nOut, status);
            // device residual: Σ(LN + S)² and ΣS² per system (two-stage, deterministic)
            int partitions = batch.reductionPartitions();
            long reduceThreads = (long) partitions * entries;
            CUdeviceptr partA = batch.allocate(8 * reduceThreads, "reduction partials");
            CUdeviceptr partB = batch.allocate(8 * reduceThreads, "reduction partials");
            CUdeviceptr sums = batch.allocate(16L * entries, "residual sums");
            batch.enqueueResidualSums(nOut, partitions, partA, partB, sums);
            rt.synchronize("the steady banded LU (" + factor.name() + ") of " + batch.describe());
            double deviceSeconds = (System.nanoTime() - k0) * 1e-9;
            int[] st = new int[entries];
            double[] sumsHost = new double[2 * entries];
            double[] all = new double[Math.toIntExact(batch.nodes * entries)];
            GpuException.check("downloading the steady solution", () -> {
                cuMemcpyDtoH(Pointer.to(st), status, 4L * entries);
                cuMemcpyDtoH(Pointer.to(sumsHost), sums, 16L * entries);
                cuMemcpyDtoH(Pointer.to(all), nOut, batch.fieldBytes());
            });
            requireNonzeroPivots(batch, st, factor.name());
            double[] norms = DeviceBatch.relativeNorms(sumsHost, entries);
            double[][][] density = new double[models.size()][][];
            double[][] residual = new double[models.size()][];
            for (int m = 0; m < models.size(); m++) {
                density[m] = batch.deinterleave(all, m);
                residual[m] = Arrays.copyOfRange(
                        norms,
                        batch.firstEntry(m),
                        batch.firstEntry(m) + models.get(m).bins());
            }
            return new Result(
                    density,
                    residual,
                    entries,
                    chunk,
                    chunks,
                    deviceSeconds,
                    (System.nanoTime() - t0) * 1e-9,
                    factor.name());
        }
    }

    /** The factor kernel of one solve: shared-memory window or global memory, its dynamic shared bytes, its name. */
    private record FactorKernel(boolean shared, int dynShared, String name) {}

    /** Device work space of the systems in flight: the LU bands, their pivots and the triangular-solve vectors. */
    private record BandBuffers(CUdeviceptr band, CUdeviceptr pivots, CUdeviceptr work) {}

    /**
     * Systems in flight per launch: what fits in 80 % of the free device memory, at most 8 resident blocks per SM
     * and at most the whole batch. Separate because it is the one place the device's free memory decides anything;
     * throws {@link GpuOutOfMemoryException} when not even one system's band fits.
     */
    private int chunkSize(int nR, int nZ, int entries, String size) {
        long per = bytesPerSystem(nR, nZ);
        long[] free = {0};
        long[] total = {0};
        GpuException.check("asking for the free device memory", () -> cuMemGetInfo(free, total));
        int byMemory = (int) Math.min(Integer.MAX_VALUE, (long) (0.8 * free[0]) / per);
        if (byMemory < 1) {
            throw new GpuOutOfMemoryException(
                    String.format(
                            "GPU out of memory on %s: one steady system of the %s needs %.1f MiB (band %d unknowns"
                                    + " x %d), %.1f MiB free",
                            rt.info().name(),
                            size,
                            per / 1048576.0,
                            (long) (nR - 1) * (nZ - 2),
                            3 * (Math.min(nR - 1, nZ - 2) + 1) + 1,
                            free[0] / 1048576.0),
                    null);
        }
        return Math.max(
                1,
                Math.min(
                        entries,
                        Math.min(byMemory, 8 * Math.max(1, rt.info().multiprocessors()))));
    }

    /**
     * Allocates the band, pivot and solve-vector buffers for {@code chunk} systems in flight (the batch frees them).
     * Separate from {@link #chunkSize} so the sizing stays a pure question to the device and this the only allocation
     * that scales with the chunk.
     */
    private static BandBuffers allocateBandBuffers(DeviceBatch batch, int chunk) {
        long per = bytesPerSystem(batch.nR, batch.nZ);
        long n = (long) (batch.nR - 1) * (batch.nZ - 2);
        String chunkWhat = chunk + " systems in flight, " + batch.grid();
        CUdeviceptr band = batch.allocate((per - 12 * n) * chunk, "steady band LU, " + chunkWhat);
        CUdeviceptr pivots = batch.allocate(4 * n * chunk, "pivots, " + chunkWhat);
        CUdeviceptr work = batch.allocate(8 * n * chunk, "solve vectors, " + chunkWhat);
        return new BandBuffers(band, pivots, work);
    }

    /**
     * Picks the factor kernel (shared-memory window or global memory), opts the shared one in to its window, asks for
     * the largest shared carveout and records the resident blocks per SM. Separate because it is all per-kernel
     * device configuration, independent of the batch's data.
     */
    private FactorKernel chooseFactorKernel(int nR, int nZ) {
        boolean useShared = useSharedWindow(nR, nZ);
        int dynShared = useShared ? (int) windowBytes(nR, nZ) : 0;
        String kernelName = useShared ? "steady_band_lu_shm" : "steady_band_lu";
        if (useShared) {
            GpuException.check(
                    "opting steady_band_lu_shm in to " + dynShared + " bytes of shared memory",
                    () -> cuFuncSetAttribute(
                            rt.function("steady_band_lu_shm"),
                            CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                            dynShared));
        }
        lastBlocksPerMultiprocessor = preferSharedAndCountBlocks(rt.function(kernelName), dynShared);
        return new FactorKernel(useShared, dynShared, kernelName);
    }

    /**
     * Enqueues assemble + banded LU + triangular solves for the batch, {@code chunk} systems (one block each) per
     * launch, on the runtime's stream without waiting; returns the number of launches. Separate so the chunk loop
     * reads as one step between sizing and the residual.
     */
    private int launchFactorChunks(
            DeviceBatch batch, FactorKernel factor, int chunk, BandBuffers bands, CUdeviceptr nOut,
            CUdeviceptr status) {
        int nR = batch.nR;
        int nZ = batch.nZ;
        int entries = batch.entries;
        int chunks = 0;
        for (int first = 0; first < entries; first += chunk, chunks++) {
            int m = Math.min(chunk, entries - first);
            KernelCall call = factor.shared()
                    ? Kernels.steadyBandLuShm(
                            nR,
                            nZ,
                            entries,
                            first,
                            batch.model,
                            batch.dPerp,
                            batch.dAni,
                            batch.coef,
                            batch.src,
                            bands.band(),
                            bands.pivots(),
                            bands.work(),
                            nOut,
                            status)
                    : Kernels.steadyBandLu(
                            nR,
                            nZ,
                            entries,
                            first,
                            batch.model,
                            batch.dPerp,
                            batch.dAni,
                            batch.coef,
                            batch.src,
                            bands.band(),
                            bands.pivots(),
                            bands.work(),
                            nOut,
                            status);
            rt.launch(call, (long) m * BLOCK, BLOCK, factor.dynShared());
        }
        return chunks;
    }

    /**
     * Throws {@link SingularSystemException} for the first system (in batch order) whose LU met a zero pivot column.
     * Separate because it maps the device's per-system status words back to model and momentum bin.
     */
    private static void requireNonzeroPivots(DeviceBatch batch, int[] st, String kernelName) {
        for (int b = 0; b < batch.entries; b++) {
            if (st[b] != 0) {
                int[] mk = batch.modelAndBin(b);
                throw new SingularSystemException(
                        mk[0], mk[1], "zero pivot column in the GPU banded LU, " + kernelName);
            }
        }
    }

    /** Whether the shared-memory kernel runs: forced, or (auto) where the device lets a block opt in to the window. */
    private boolean useSharedWindow(int nR, int nZ) {
        long window = windowBytes(nR, nZ);
        CUdevice dev = new CUdevice();
        int[] optin = {0};
        int[] staticShared = {0};
        GpuException.check("reading the shared-memory limits of the device and of steady_band_lu_shm", () -> {
            cuCtxGetDevice(dev);
            cuDeviceGetAttribute(optin, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN, dev);
            cuFuncGetAttribute(
                    staticShared,
                    CUfunction_attribute.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES,
                    rt.function("steady_band_lu_shm"));
        });
        boolean fits = window + staticShared[0] <= optin[0];
        if (kernel == SteadyKernel.SHARED && !fits) {
            throw new GpuLimitException("steady_band_lu_shm needs " + (window + staticShared[0])
                    + " bytes of shared memory per block, " + rt.info().name() + " allows " + optin[0]);
        }
        return kernel == SteadyKernel.SHARED || (kernel == SteadyKernel.AUTO && fits);
    }

    @Override public void close() {
        if (ownsRuntime) {
            rt.close();
        }
    }
}
