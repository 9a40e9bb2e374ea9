package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.anisocr.operator.Stencil;
import org.anisocr.operator.TransportProblem;

import java.util.ArrayList;
import java.util.List;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

/**
 * A batch of models (all on one grid size) on the device, as every GPU solver sees it: entry b = firstEntry[m] + k
 * is momentum bin k of model m; per entry its coefficient-table number ({@link #model}), D⊥ and D∥ − D⊥; the
 * distinct coefficient tables ({@link CoefficientTables}) and the sources, interleaved ([idx·entries + b]).
 * Solvers allocate their own buffers through {@link #allocate}; {@link #close()} gives all of them back.
 */
final class DeviceBatch implements AutoCloseable {
    final GpuRuntime rt;
    final BatchEntries host;
    final List<TransportProblem> models;
    final int nR;
    final int nZ;
    final int entries;
    final long nodes;
    /** Device arrays read by every kernel. */
    final CUdeviceptr model;
    final CUdeviceptr dPerp;
    final CUdeviceptr dAni;
    final CUdeviceptr coef;
    final CUdeviceptr src;
    private final List<CUdeviceptr> buffers = new ArrayList<>();

    /** Checks the models, uploads the per-entry scalars, the coefficient tables and the sources. */
    DeviceBatch(GpuRuntime rt, List<TransportProblem> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models in the GPU batch");
        }
        this.rt = rt;
        this.models = List.copyOf(models);
        nR = models.get(0).grid().nR();
        nZ = models.get(0).grid().nZ();
        nodes = (long) nR * nZ;
        for (TransportProblem p : models) {
            if (p.grid().nR() != nR || p.grid().nZ() != nZ) {
                throw new IllegalArgumentException("all models of a GPU batch need the same grid size: "
                        + nR + "x" + nZ + " vs " + p.grid().nR() + "x" + p.grid().nZ());
            }
        }
        host = BatchEntries.of(models);
        entries = host.count();
        if (nodes * entries > Integer.MAX_VALUE - 16) {
            throw new GpuLimitException("GPU batch too large for one host array: " + nR + "x" + nZ + " grid x "
                    + entries + " entries = " + nodes * entries + " values; split the family");
        }
        rt.makeCurrent();
        try {
            model = upload(
                    allocate(4L * entries, "model index per entry"),
                    Pointer.to(host.model()),
                    4L * entries,
                    "model indices");
            dPerp = upload(
                    allocate(8L * entries, "D_perp per entry"), Pointer.to(host.dPerp()), 8L * entries, "D_perp");
            dAni = upload(allocate(8L * entries, "D_ani per entry"), Pointer.to(host.dAni()), 8L * entries, "D_ani");
            coef = allocate(8 * 2L * Stencil.COUNT * nodes * host.tableIndex().size(),
                    "coefficient tables, " + host.tableIndex().size() + " x " + grid());
            GpuException.check(
                    "uploading the coefficient tables", () -> CoefficientTables.upload(coef, host.tableIndex(), nodes));
            src = upload(
                    allocate(fieldBytes(), "source, " + describe()),
                    Pointer.to(host.interleavedSources(nodes)),
                    fieldBytes(),
                    "sources");
        } catch (RuntimeException | Error e) {
            try { close(); } catch (RuntimeException cleanup) { e.addSuppressed(cleanup); }
            throw e;
        }
    }

    /** "201x81 grid". */
    String grid() { return nR + "x" + nZ + " grid"; }

    /** "201x81 grid x 33 entries (1 models)", for messages. */
    String describe() { return grid() + " x " + entries + " entries (" + models.size() + " models)"; }

    /** Bytes of one interleaved field (a value per node and entry). */
    long fieldBytes() { return 8 * nodes * entries; }

    int firstEntry(int m) { return host.firstEntry()[m]; }

    /** Device memory owned by this batch; {@code what} names it in the out-of-memory message. */
    CUdeviceptr allocate(long bytes, String what) {
        CUdeviceptr p = rt.allocate(bytes, what);
        buffers.add(p);
        return p;
    }

    /**
     * A pageable host-to-device copy that has completed when this returns: our stream does not wait for the legacy
     * stream, so no kernel may read the buffer before the copy is done.
     */
    CUdeviceptr upload(CUdeviceptr target, Pointer hostData, long bytes, String what) {
        GpuException.check("uploading " + what + " (" + bytes + " bytes)", () -> {
            cuMemcpyHtoD(target, hostData, bytes);
            cuCtxSynchronize();
        });
        return target;
    }

    /** Partitions per entry of the two-stage reductions: about 64k threads in all, at most 1024 per entry. */
    int reductionPartitions() { return Math.max(1, Math.min(1024, 65536 / entries)); }

    /**
     * Enqueues the device residual of state n (DiscreteOperator.relativeResidual): residual_partial into the partial
     * buffers (partitions × entries each), then the column sums, Σ(LN + S)² into out[0, entries) and ΣS² into
     * out[entries, 2·entries). Deterministic (fixed partition order). See {@link #relativeNorms}.
     */
    void enqueueResidualSums(CUdeviceptr n, int partitions, CUdeviceptr partR2, CUdeviceptr partS2, CUdeviceptr out) {
        long threads = (long) partitions * entries;
        rt.launch(
                Kernels.residualPartial(nR, nZ, entries, threads, model, dPerp, dAni, coef, src, n, partR2, partS2),
                threads,
                256,
                0);
        rt.launch(
                Kernels.reduceColumns(partR2, entries, partitions, Kernels.ReduceOp.SUM, out), 256L * entries, 256, 0);
        rt.launch(
                Kernels.reduceColumns(
                        partS2, entries, partitions, Kernels.ReduceOp.SUM, out.withByteOffset(8L * entries)),
                256L * entries,
                256,
                0);
    }

    /** sqrt(Σ(LN + S)² / ΣS²) per entry from the sums of {@link #enqueueResidualSums} (the plain norm where S = 0). */
    static double[] relativeNorms(double[] sums, int entries) {
        double[] out = new double[entries];
        for (int b = 0; b < entries; b++) {
            double num = sums[b];
            double den = sums[entries + b];
            out[b] = den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
        }
        return out;
    }

    /** One entry's field (per node) into an interleaved array. */
    void interleave(double[] field, int entry, double[] out) { host.interleave(field, entry, out); }

    /** Model m's fields N[k][node] out of an interleaved array. */
    double[][] deinterleave(double[] all, int m) {
        int bins = models.get(m).bins();
        double[][] out = new double[bins][(int) nodes];
        for (int k = 0; k < bins; k++) {
            int b = firstEntry(m) + k;
            for (int idx = 0; idx < nodes; idx++) {
                out[k][idx] = all[idx * entries + b];
            }
        }
        return out;
    }

    /** {model, bin} of an entry. */
    int[] modelAndBin(int entry) {
        int m = 0;
        while (firstEntry(m + 1) <= entry) {
            m++;
        }
        return new int[] {m, entry - firstEntry(m)};
    }

    /**
     * Gives back every buffer of the batch once the stream has finished (work still queued may read or write them);
     * each release attempted, failures thrown together.
     */
    @Override public void close() {
        Release release = new Release();
        rt.makeCurrent();
        release.run("waiting for the stream before freeing the " + describe(),
                () -> rt.synchronize("the work on the " + describe()));
        for (CUdeviceptr p : buffers) {
            release.run("a device buffer of the " + describe(), () -> rt.free(p));
        }
        buffers.clear();
        release.throwIfFailed();
    }
}
