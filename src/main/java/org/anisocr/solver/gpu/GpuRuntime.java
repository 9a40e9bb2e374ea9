package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.*;

/**
 * One CUDA context (the device's primary context), the kernel module loaded from the committed
 * fatbin, one non-blocking stream, and every device/pinned allocation made through it, all released
 * by {@link #close()} (try-with-resources). Allocation failures are translated into
 * {@link GpuOutOfMemoryException} naming what was being allocated.
 */
public final class GpuRuntime implements AutoCloseable {
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final CUstream stream = new CUstream();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final List<CUdeviceptr> deviceBuffers = new ArrayList<>();
    private final List<Pointer> pinnedBuffers = new ArrayList<>();
    private final GpuInfo info;
    private boolean closed;

    /** @throws GpuUnavailableException when the probe says no */
    public static GpuRuntime open() {
        GpuInfo info = GpuDevice.probe();
        if (!info.available()) {
            throw new GpuUnavailableException("GPU backend requested but " + info.describe());
        }
        return new GpuRuntime(info);
    }

    private GpuRuntime(GpuInfo info) {
        this.info = info;
        JCudaDriver.setExceptionsEnabled(true);
        cuInit(0);
        cuDeviceGet(device, 0);
        cuDevicePrimaryCtxRetain(context, device);
        Acquired acquired = Acquired.CONTEXT;
        try {
            cuCtxSetCurrent(context);
            loadKernels(module);
            acquired = Acquired.MODULE;
            // Non-blocking: it never synchronises with the legacy default stream, and it can be captured into a graph.
            cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING);
        } catch (RuntimeException | Error failure) {
            releaseAfterFailedOpen(acquired, failure);
            throw failure;
        }
    }

    /** How far a failed constructor got: what it must give back, in reverse order. */
    enum Acquired { CONTEXT, MODULE }

    /**
     * Gives back what a failed constructor made (the module, then the retained primary context), each release
     * attempted; their errors join the failure as suppressed, so the first error is the one the caller sees.
     */
    private void releaseAfterFailedOpen(Acquired acquired, Throwable failure) {
        Release release = new Release();
        releaseInReverse(acquired, release, () -> cuModuleUnload(module), () -> cuDevicePrimaryCtxRelease(device));
        try {
            release.throwIfFailed();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** The release order of a failed open, apart from JCuda so that a test can record it. */
    static void releaseInReverse(Acquired acquired, Release release, Runnable unloadModule, Runnable releaseContext) {
        if (acquired == Acquired.MODULE) {
            release.run("the kernel module of a failed open", unloadModule);
        }
        release.run("the primary context of a failed open", releaseContext);
    }

    /**
     * Loads the committed fatbin into a module of the current context: cuModuleLoadData (takes cubin,
     * PTX or fatbin; the driver picks the SASS for this GPU or JIT-compiles the PTX), with
     * cuModuleLoadFatBinary as the second try.
     */
    static void loadKernels(CUmodule module) {
        byte[] fatbin = KernelSources.fatbin();
        try {
            cuModuleLoadData(module, fatbin);
        } catch (RuntimeException first) {
            try {
                cuModuleLoadFatBinary(module, fatbin);
            } catch (RuntimeException second) {
                first.addSuppressed(second);
                throw first;
            }
        }
    }

    public GpuInfo info() { return info; }
    public CUstream stream() { return stream; }

    /** Makes this runtime's context current on the calling thread (JCuda calls are per-thread). */
    public void makeCurrent() { cuCtxSetCurrent(context); }

    public CUfunction function(String name) {
        return functions.computeIfAbsent(name, n -> {
            CUfunction f = new CUfunction();
            GpuException.check("finding kernel " + n + " in the fatbin", () -> cuModuleGetFunction(f, module, n));
            return f;
        });
    }

    /**
     * Device memory, freed on close.
     * @param what shown in the out-of-memory message, e.g. "state 201x81 grid x 33 entries"
     */
    public CUdeviceptr allocate(long bytes, String what) {
        CUdeviceptr p = new CUdeviceptr();
        try {
            cuMemAlloc(p, Math.max(bytes, 8));
        } catch (CudaException e) {
            throw translate(e, bytes, what);
        }
        deviceBuffers.add(p);
        return p;
    }

    /**
     * Frees a buffer from {@link #allocate} before the runtime closes (a stepper that shares the runtime does so on its
     * own close).
     */
    public void free(CUdeviceptr p) {
        if (deviceBuffers.remove(p)) {
            GpuException.check("freeing device memory", () -> cuMemFree(p));
        }
    }

    /** Frees page-locked memory from {@link #allocatePinned} before the runtime closes. */
    public void freePinned(Pointer p) {
        if (pinnedBuffers.remove(p)) {
            GpuException.check("freeing pinned host memory", () -> cuMemFreeHost(p));
        }
    }

    /** Page-locked host memory (fast, asynchronous copies), freed on close. */
    public Pointer allocatePinned(long bytes, String what) {
        Pointer p = new Pointer();
        try {
            cuMemAllocHost(p, Math.max(bytes, 8));
        } catch (CudaException e) {
            throw translate(e, bytes, what + " (pinned host memory)");
        }
        pinnedBuffers.add(p);
        return p;
    }

    private GpuException translate(CudaException e, long bytes, String what) {
        String msg = String.valueOf(e.getMessage());
        if (!msg.contains("OUT_OF_MEMORY")) {
            return new GpuException("allocating " + bytes + " bytes for " + what + ": " + msg, e);
        }
        long[] free = {0};
        long[] total = {0};
        String memory;
        try {
            cuMemGetInfo(free, total);
            memory = String.format("%.1f MiB free of %.1f MiB", free[0] / 1048576.0, total[0] / 1048576.0);
        } catch (CudaException again) {
            memory = "free memory unknown (cuMemGetInfo: " + again.getMessage() + ")";
        }
        return new GpuOutOfMemoryException(String.format(
                "GPU out of memory on %s: %d bytes (%.1f MiB) requested for %s; %s",
                info.name(), bytes, bytes / 1048576.0, what, memory), e);
    }

    /** 1D launch of a kernel's call on this runtime's stream; a failure names the kernel and the launch shape. */
    public void launch(KernelCall call, long threads, int blockSize, int sharedBytes) {
        int grid = LaunchRules.blocks(call.kernel(), threads, blockSize);
        if (grid == 0) {
            return; // no thread to run (a half-sweep without lines): a one-block launch would touch memory of no line
        }
        GpuException.check(
                "launching " + call.kernel() + " (" + grid + " blocks of " + blockSize + " threads, " + sharedBytes
                        + " bytes shared)",
                () -> cuLaunchKernel(
                        function(call.kernel()),
                        grid,
                        1,
                        1,
                        blockSize,
                        1,
                        1,
                        sharedBytes,
                        stream,
                        call.params(),
                        null));
    }

    public CUevent event() {
        CUevent e = new CUevent();
        cuEventCreate(e, 0);
        return e;
    }

    /**
     * Waits for the stream; a kernel that failed asynchronously reports here, so {@code what} says which work it was
     * (e.g. "the steady banded LU of 33 systems").
     */
    public void synchronize(String what) {
        GpuException.check("waiting for " + what, () -> cuStreamSynchronize(stream));
    }

    /** Milliseconds the work that {@code enqueue} puts on the stream takes on the device (CUDA events). */
    public float elapsedMs(Runnable enqueue) {
        CUevent start = event();
        CUevent stop = event();
        try {
            cuEventRecord(start, stream);
            enqueue.run();
            cuEventRecord(stop, stream);
            cuEventSynchronize(stop);
            float[] ms = {0};
            cuEventElapsedTime(ms, start, stop);
            return ms[0];
        } finally {
            cuEventDestroy(start);
            cuEventDestroy(stop);
        }
    }

    /**
     * Frees everything: each release is attempted even when an earlier one fails (a failed kernel leaves the context
     * in an error state, and every later call reports it); the failures are then thrown together, each naming what
     * was being released.
     */
    @Override public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Release release = new Release();
        release.run("making the context current", () -> cuCtxSetCurrent(context));
        release.run("waiting for the stream before releasing", () -> cuStreamSynchronize(stream));
        for (CUdeviceptr p : deviceBuffers) {
            release.run("device memory", () -> cuMemFree(p));
        }
        for (Pointer p : pinnedBuffers) {
            release.run("pinned host memory", () -> cuMemFreeHost(p));
        }
        deviceBuffers.clear();
        pinnedBuffers.clear();
        release.run("the stream", () -> cuStreamDestroy(stream));
        release.run("the kernel module", () -> cuModuleUnload(module));
        release.run("the primary context", () -> cuDevicePrimaryCtxRelease(device));
        release.throwIfFailed();
    }
}
