package org.anisocr.bench;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.jcusparse.JCusparse;
import jcuda.jcusparse.cusparseHandle;
import jcuda.runtime.cudaStream_t;
import org.anisocr.solver.gpu.GpuRuntime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.jcusparse.JCusparse.*;

/**
 * The cuSPARSE baseline from Java (JCusparse): times {@code cusparseDgtsv2StridedBatch} and
 * {@code cusparseDgtsvInterleavedBatch} (algorithm 0, Thomas) on the split step's R and z systems, as
 * bench/cusparse/gtsv_bench.cu does in C (kept as the cross-check, same timing rule: CUDA events around each
 * call, inputs restored outside the timed region, two untimed warm-ups). The systems are model 0's, tiled
 * {@code replicate} times to stand for a family. Runs in the bench's own context and stream ({@link GpuRuntime}:
 * the primary context, which the runtime API that cuSPARSE uses shares).
 *
 * <p>Loaded only when present: JCusparse's native library needs {@code libcusparse.so.12} on the library path.
 * CUDA 13 still ships it (the nvidia-cusparse 12.6 wheel, {@code nvidia/cu13/lib}); bench/run-on-device.sh puts
 * that folder on LD_LIBRARY_PATH. Where it does not load, {@link #libraryProblem()} says why and the figures
 * are absent; nothing else depends on it.
 */
final class CusparseBaseline {
    private static String libraryProblem;
    private static boolean probed;

    private CusparseBaseline() {}

    /** Null when JCusparse and libcusparse load here, else why not (one line). Never throws. */
    // A capability probe: loading a native library fails with UnsatisfiedLinkError or NoClassDefFoundError
    // (Errors) as well as JCuda's exceptions; any of them means "no cuSPARSE baseline here".
    @SuppressWarnings("checkstyle:IllegalCatch")
    static synchronized String libraryProblem() {
        if (!probed) {
            probed = true;
            try {
                JCusparse.setExceptionsEnabled(true);
                JCusparse.initialize();
            } catch (Throwable e) {
                String msg = String.valueOf(e.getMessage());
                libraryProblem = msg.contains("libcusparse.so") && msg.contains("cannot open shared object file")
                        ? "libcusparse.so.12 not on the library path (CUDA 13: the nvidia-cusparse wheel's"
                                + " nvidia/cu13/lib)"
                        : "JCusparse not loadable: " + e.getClass().getSimpleName() + ": "
                                + msg.lines().findFirst().orElse("");
            }
        }
        return libraryProblem;
    }

    /**
     * Times both cuSPARSE batched solvers on both sweep directions: per direction ("r", "z") m, batch,
     * gtsv2StridedBatch_us, gtsvInterleavedBatch_us, the residual max|A x − 1| of the first systems, and
     * best_r_plus_z_us (the best solver per direction, summed); or why not (unavailable, error).
     */
    // The baseline is optional: whatever the native library throws (JCuda exceptions, a JNI Error) becomes
    // an "error" entry in the bench's results and the rest of the bench goes on.
    @SuppressWarnings("checkstyle:IllegalCatch")
    static CusparseTimings measure(GpuRuntime rt, Benchmark.TridiagonalSystems[] systems, int replicate, int reps) {
        String problem = libraryProblem();
        if (problem != null) {
            return CusparseTimings.unavailable(problem);
        }
        cusparseHandle handle = new cusparseHandle();
        List<CUdeviceptr> buffers = new ArrayList<>();
        Integer cusparseVersion = null;
        CusparseTimings.Direction[] dirs = new CusparseTimings.Direction[2];
        try {
            rt.makeCurrent();
            cusparseCreate(handle);
            cusparseSetStream(handle, new cudaStream_t(rt.stream()));
            int[] version = {0};
            cusparseGetVersion(handle, version);
            cusparseVersion = version[0];
            for (int d = 0; d < 2; d++) {
                dirs[d] = direction(rt, handle, systems[d], replicate, reps, buffers);
            }
            return new CusparseTimings(null, cusparseVersion, replicate, reps, dirs[0], dirs[1],
                    dirs[0].bestUs() + dirs[1].bestUs(), null);
        } catch (Throwable e) { // a capability probe: whatever JCusparse throws becomes the figure's reason
            String error = e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new CusparseTimings(null, cusparseVersion, cusparseVersion == null ? null : replicate,
                    cusparseVersion == null ? null : reps, dirs[0], dirs[1], null, error);
        } finally {
            try { cusparseDestroy(handle); } catch (Throwable ignored) { }
            for (CUdeviceptr p : buffers) {
                rt.free(p);
            }
        }
    }

    /**
     * A pageable host-to-device copy that has completed when this returns: it runs on the legacy default stream, which
     * the runtime's non-blocking stream does not wait for, and a pageable copy may return before its DMA is done.
     */
    private static void upload(CUdeviceptr target, Pointer data, long bytes) {
        cuMemcpyHtoD(target, data, bytes);
        cuCtxSynchronize();
    }

    private static CusparseTimings.Direction direction(GpuRuntime rt, cusparseHandle h, Benchmark.TridiagonalSystems s,
                                                       int replicate, int reps, List<CUdeviceptr> buffers) {
        int m = s.m();
        int batch = s.batch() * replicate;
        long n = (long) m * batch;
        long bytes = n * Sizeof.DOUBLE;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many unknowns for one cuSPARSE call: " + n);
        }
        // Strided layout, model 0 tiled: copy after copy.
        double[][] strided = {tile(s.lower(), replicate), tile(s.diag(), replicate), tile(s.upper(), replicate)};
        double[] ones = new double[(int) n];
        Arrays.fill(ones, 1.0);
        CUdeviceptr dl = alloc(rt, bytes, buffers);
        CUdeviceptr d = alloc(rt, bytes, buffers);
        CUdeviceptr du = alloc(rt, bytes, buffers);
        CUdeviceptr x = alloc(rt, bytes, buffers);
        CUdeviceptr pl = alloc(rt, bytes, buffers);
        CUdeviceptr pd = alloc(rt, bytes, buffers);
        CUdeviceptr pu = alloc(rt, bytes, buffers);
        CUdeviceptr px = alloc(rt, bytes, buffers);
        upload(dl, Pointer.to(strided[0]), bytes);
        upload(d, Pointer.to(strided[1]), bytes);
        upload(du, Pointer.to(strided[2]), bytes);
        upload(px, Pointer.to(ones), bytes);

        long[] size = {0};
        cusparseDgtsv2StridedBatch_bufferSizeExt(h, m, dl, d, du, x, batch, m, size);
        CUdeviceptr work = alloc(rt, Math.max(size[0], 8), buffers);
        double stridedUs = 0;
        for (int r = -2; r < reps; r++) {   // two untimed warm-ups
            cuMemcpyDtoDAsync(x, px, bytes, rt.stream());
            float ms = rt.elapsedMs(() -> cusparseDgtsv2StridedBatch(h, m, dl, d, du, x, batch, m, work));
            if (r >= 0) {
                stridedUs += ms * 1000.0 / reps;
            }
        }
        double[] solution = new double[(int) n];
        cuMemcpyDtoH(Pointer.to(solution), x, bytes);
        double resStrided = residual(strided, solution, m, batch, false);

        // Interleaved layout (element i of system b at i*batch + b); the solver overwrites the matrices, so they
        // are restored from pristine copies before each call, outside the timed region.
        upload(pl, Pointer.to(interleave(strided[0], m, batch)), bytes);
        upload(pd, Pointer.to(interleave(strided[1], m, batch)), bytes);
        upload(pu, Pointer.to(interleave(strided[2], m, batch)), bytes);
        cusparseDgtsvInterleavedBatch_bufferSizeExt(h, 0, m, pl, pd, pu, px, batch, size);
        CUdeviceptr work2 = alloc(rt, Math.max(size[0], 8), buffers);
        double interleavedUs = 0;
        for (int r = -2; r < reps; r++) {
            for (CUdeviceptr[] pair : new CUdeviceptr[][]{{dl, pl}, {d, pd}, {du, pu}, {x, px}}) {
                cuMemcpyDtoDAsync(pair[0], pair[1], bytes, rt.stream());
            }
            float ms = rt.elapsedMs(() -> cusparseDgtsvInterleavedBatch(h, 0, m, dl, d, du, x, batch, work2));
            if (r >= 0) {
                interleavedUs += ms * 1000.0 / reps;
            }
        }
        cuMemcpyDtoH(Pointer.to(solution), x, bytes);
        double resInterleaved = residual(strided, solution, m, batch, true);

        return new CusparseTimings.Direction(m, batch, stridedUs, interleavedUs, 0, resStrided, resInterleaved);
    }

    private static CUdeviceptr alloc(GpuRuntime rt, long bytes, List<CUdeviceptr> buffers) {
        CUdeviceptr p = rt.allocate(bytes, "cuSPARSE baseline");
        buffers.add(p);
        return p;
    }

    static double[] tile(double[] a, int copies) {
        double[] t = new double[a.length * copies];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(a, 0, t, c * a.length, a.length);
        }
        return t;
    }

    /** Strided (system after system) to interleaved (element i of system b at i*batch + b). */
    static double[] interleave(double[] strided, int m, int batch) {
        double[] t = new double[strided.length];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < m; i++) {
                t[i * batch + b] = strided[b * m + i];
            }
        }
        return t;
    }

    /** max |A x − 1| over the first 8 systems: a check that the solve happened (A from the strided arrays). */
    static double residual(double[][] strided, double[] x, int m, int batch, boolean interleaved) {
        double worst = 0;
        for (int b = 0; b < Math.min(batch, 8); b++) {
            for (int i = 0; i < m; i++) {
                int q = b * m + i;
                double ax = strided[1][q] * at(x, i, b, m, batch, interleaved);
                if (i > 0) {
                    ax += strided[0][q] * at(x, i - 1, b, m, batch, interleaved);
                }
                if (i < m - 1) {
                    ax += strided[2][q] * at(x, i + 1, b, m, batch, interleaved);
                }
                worst = Math.max(worst, Math.abs(ax - 1));
            }
        }
        return worst;
    }

    private static double at(double[] x, int i, int b, int m, int batch, boolean interleaved) {
        return interleaved ? x[i * batch + b] : x[b * m + i];
    }
}
