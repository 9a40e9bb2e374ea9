package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.SolverTuning.LineRelaxation;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;

/**
 * The solve phase of batched mg-gmres on the device: the hierarchies of E systems ({@link PackedMultigrid}, built on
 * the CPU) uploaded once, and every {@link MultigridBatchOps} operation one kernel of kernels/multigrid.cu on the
 * runtime's stream (no host synchronisation), except {@link #dots}, which waits for its results (one synchronisation
 * per call), and {@link #upload}/{@link #download}. Vectors are interleaved device arrays (value of system b at node
 * idx at [idx·E + b]), zero on Dirichlet nodes. The Java reference of every operation is
 * {@code solver.steady.CpuMultigridBatch}; the kernels reproduce it bit for bit (dots to rounding), checked by
 * kernels/emu in CI and by GpuMultigridBatchTest on a device.
 *
 * <p>Not thread-safe: one solver thread drives it (JCuda calls are per thread: the constructor and each operation make
 * the runtime's context current only where they allocate or copy synchronously; launches use the current context).
 */
public final class GpuMultigridBatch implements MultigridBatchOps<GpuMultigridBatch.Vector> {
    /**
     * A device vector of E systems on one level, or a block of {@code count} finest-level vectors back to back
     * ({@link #block}); a {@link #member} is a view into its block's memory.
     */
    public record Vector(CUdeviceptr pointer, int level, int count) {}

    /** Threads per block of every mg_* launch (128: several blocks per SM even on small levels). */
    static final int BLOCK = 128;
    /** reduce_columns works with 256 threads a block. */
    private static final int REDUCE_BLOCK = 256;
    /** Threads the first stage of the dot products aims at (enough to fill a large GPU). */
    static final int DOT_THREADS = 1 << 18;

    /**
     * AUTO takes mg_relax_pcr for a half-sweep whose Thomas launch would have fewer threads (lines of the parity × E)
     * than this. A GUESS, to be measured on the device (bench steady's relax_comparison): one model (E = 33) on 201×81
     * has 40 × 33 = 1,320 Thomas threads, each walking ~200 dependent steps, far from filling an H100 (132 SMs × 2048
     * resident threads); a family (E ≈ 2000) has ~80,000, which keep the device busy with the cheaper Thomas.
     */
    static final long PCR_BELOW_THOMAS_THREADS = 16_384;
    /** mg_relax_pcr solves a line in one block: at most 1024 threads, one per unknown (longer lines keep Thomas). */
    static final int PCR_MAX_UNKNOWNS = 1024;

    private final GpuRuntime rt;
    private final int entries;
    private final int levels;
    private final List<PackedMultigrid.Level> shape;
    private final PackedMultigrid.Coarsest coarsest;
    private final CUdeviceptr[] coef;
    private final CUdeviceptr[] lines;
    private final CUdeviceptr band;
    private final CUdeviceptr pivot;
    private final CUdeviceptr work;
    /** Every device buffer this object allocated, with its size. */
    private final Map<CUdeviceptr, Long> owned = new IdentityHashMap<>();

    // dots: first-stage partial sums, column sums, their host copy (pinned)
    private CUdeviceptr partial;
    private CUdeviceptr dotSums;
    private long partialDoubles;
    private long dotDoubles;
    private Pointer dotPinned;
    private DoubleBuffer dotHost;
    // combine/scale coefficients: staged in pinned memory, copied on the stream; the event says when the staging
    // buffer may be written again (the previous copy has read it)
    private CUdeviceptr coeffDevice;
    private Pointer coeffPinned;
    private DoubleBuffer coeffHost;
    private long coeffDoubles;
    private final CUevent coeffCopied;
    /** How the half-sweeps are solved (the run's {@link LineRelaxation}). */
    private final GpuBatchStepper.LineSolver relaxSolver;
    private boolean closed;

    /**
     * Uploads the hierarchy (all levels, line factors, the coarsest band and pivots) and allocates the coarsest work.
     */
    public GpuMultigridBatch(GpuRuntime rt, PackedMultigrid packed) {
        this(rt, packed, LineRelaxation.AUTO);
    }

    /** As above, its half-sweeps solved by {@code relaxation}. */
    public GpuMultigridBatch(GpuRuntime rt, PackedMultigrid packed, LineRelaxation relaxation) {
        this.rt = rt;
        relaxSolver = lineSolver(relaxation);
        entries = packed.entries();
        shape = packed.levels();
        levels = shape.size();
        coarsest = packed.coarsest();
        coef = new CUdeviceptr[levels];
        lines = new CUdeviceptr[levels];
        rt.makeCurrent();
        coeffCopied = rt.event();
        try {
            for (int k = 0; k < levels; k++) {
                PackedMultigrid.Level l = shape.get(k);
                String where = "level " + k + " (" + l.nR() + "x" + l.nZ() + " x " + entries + " systems)";
                coef[k] = upload(l.coefficients(), "multigrid operator, " + where);
                if (k < levels - 1) {
                    lines[k] = upload(l.lineFactors(), "multigrid line factors, " + where);
                }
            }
            band = upload(
                    coarsest.band(),
                    "coarsest banded LU factors (" + coarsest.n() + " unknowns x " + entries + " systems)");
            int[] piv = coarsest.pivot();
            pivot = allocate(4L * piv.length, "coarsest LU pivots");
            GpuException.check("uploading the coarsest LU pivots (" + 4L * piv.length + " bytes)", () -> {
                cuMemcpyHtoD(pivot, Pointer.to(piv), 4L * piv.length);
                cuCtxSynchronize();
            });
            work = allocate(8L * coarsest.n() * entries, "coarsest solve work");
        } catch (RuntimeException | Error e) {
            try { close(); } catch (RuntimeException cleanup) { e.addSuppressed(cleanup); }
            throw e;
        }
    }

    /**
     * Takes over hierarchies the device built itself ({@link GpuMultigridSetup}, in the same layout as an upload of
     * {@link PackedMultigrid}): nothing is copied; their buffers are this object's from now on (freed by {@link
     * #close}, also when this constructor fails). Allocates the coarsest work.
     */
    public GpuMultigridBatch(GpuRuntime rt, GpuMultigridSetup.Hierarchy built) {
        this(rt, built, LineRelaxation.AUTO);
    }

    /** As above, its half-sweeps solved by {@code relaxation}. */
    public GpuMultigridBatch(GpuRuntime rt, GpuMultigridSetup.Hierarchy built, LineRelaxation relaxation) {
        this.rt = rt;
        relaxSolver = lineSolver(relaxation);
        entries = built.shape().entries();
        shape = built.shape().levels();
        levels = shape.size();
        coarsest = built.shape().coarsest();
        coef = built.coefficients().clone();
        lines = built.lineFactors().clone();
        band = built.band();
        pivot = built.pivot();
        owned.putAll(built.buffers());
        rt.makeCurrent();
        CUevent event = null;
        CUdeviceptr w = null;
        try {
            event = rt.event();
            w = allocate(8L * coarsest.n() * entries, "coarsest solve work");
        } catch (RuntimeException | Error e) {
            Release release = new Release();
            for (CUdeviceptr p : owned.keySet()) {
                release.run("a multigrid device buffer", () -> rt.free(p));
            }
            owned.clear();
            CUevent made = event;
            if (made != null) {
                release.run(
                        "the coefficient-copy event",
                        () -> GpuException.check("destroying an event", () -> cuEventDestroy(made)));
            }
            try { release.throwIfFailed(); } catch (RuntimeException cleanup) { e.addSuppressed(cleanup); }
            throw e;
        }
        coeffCopied = event;
        work = w;
    }

    @Override public int entries() { return entries; }
    @Override public int levels() { return levels; }
    @Override public int nodes(int level) { return shape.get(level).nodes(); }

    /** Device bytes this object holds now (hierarchy, vectors, scratch). */
    public long deviceBytes() { return owned.values().stream().mapToLong(Long::longValue).sum(); }

    @Override public Vector vector(int level) {
        Vector v = new Vector(
                allocate(vectorBytes(level), "multigrid vector, level " + level + " (" + describe(level) + ")"),
                level,
                1);
        zero(v);
        return v;
    }

    @Override public Vector block(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a block of " + count + " vectors");
        }
        Vector v =
                new Vector(allocate(count * vectorBytes(0), count + " Krylov vectors (" + describe(0) + ")"), 0, count);
        zero(v);
        return v;
    }

    @Override public Vector member(Vector block, int i) {
        if (block.level() != 0 || i < 0 || i >= block.count()) {
            throw new IllegalArgumentException(
                    "vector " + i + " of a block of " + block.count() + " on level " + block.level());
        }
        return new Vector(block.pointer().withByteOffset(i * vectorBytes(0)), 0, 1);
    }

    @Override public void zero(Vector x) {
        long bytes = x.count() * vectorBytes(x.level());
        if (bytes == 0) {
            return;   // an empty block
        }
        GpuException.check(
                "clearing a multigrid vector (" + bytes + " bytes)",
                () -> cuMemsetD8Async(x.pointer(), (byte) 0, bytes, rt.stream()));
    }

    @Override public void copy(Vector from, Vector to) {
        if (from.level() != to.level() || from.count() != to.count()) {
            throw new IllegalArgumentException("copy between different shapes: level " + from.level() + " x"
                    + from.count() + " to level " + to.level() + " x" + to.count());
        }
        long bytes = from.count() * vectorBytes(from.level());
        GpuException.check("copying a multigrid vector (" + bytes + " bytes)",
                () -> cuMemcpyDtoDAsync(to.pointer(), from.pointer(), bytes, rt.stream()));
    }

    /**
     * values[b][idx] into x; x may be on any level (the solver uploads finest-level vectors only; tests use the
     * others).
     */
    @Override public void upload(double[][] values, Vector x) {
        single(x, x.level(), "upload");
        int n = nodes(x.level());
        if (values.length != entries) {
            throw new IllegalArgumentException("upload of " + values.length + " systems into a batch of " + entries);
        }
        double[] all = new double[n * entries];
        for (int b = 0; b < entries; b++) {
            if (values[b].length != n) {
                throw new IllegalArgumentException(
                        "system " + b + " has " + values[b].length + " values, the grid " + n);
            }
            for (int idx = 0; idx < n; idx++) {
                all[idx * entries + b] = values[b][idx];
            }
        }
        // the stream must not be using x; the pageable copy has reached the device when cuCtxSynchronize returns
        rt.synchronize("the multigrid work queued before an upload");
        GpuException.check("uploading a vector of " + describe(x.level()), () -> {
            cuMemcpyHtoD(x.pointer(), Pointer.to(all), 8L * all.length);
            cuCtxSynchronize();
        });
    }

    /** x as [b][idx]; x may be on any level (as {@link #upload}). */
    @Override public double[][] download(Vector x) {
        single(x, x.level(), "download");
        int n = nodes(x.level());
        double[] all = new double[n * entries];
        rt.synchronize("the multigrid work queued before a download");
        GpuException.check(
                "downloading a vector of " + describe(x.level()),
                () -> cuMemcpyDtoH(Pointer.to(all), x.pointer(), 8L * all.length));
        double[][] out = new double[entries][n];
        for (int b = 0; b < entries; b++) {
            for (int idx = 0; idx < n; idx++) {
                out[b][idx] = all[idx * entries + b];
            }
        }
        return out;
    }

    @Override public void relax(int level, boolean alongR, int parity, Vector f, Vector x) {
        if (level >= levels - 1) {
            throw new IllegalArgumentException("no line relaxation on the coarsest level " + level);
        }
        if (parity != 0 && parity != 1) {
            throw new IllegalArgumentException("parity " + parity);
        }
        single(f, level, "relax");
        single(x, level, "relax");
        PackedMultigrid.Level l = shape.get(level);
        int first = alongR ? 1 + ((1 + parity) & 1) : parity;
        int lineCount = alongR ? lineCount(first, l.nZ() - 1) : lineCount(first, l.nR() - 1);
        if (relaxKernel(level, alongR, parity) == GpuBatchStepper.LineSolver.PCR) {
            int block = pcrBlock(alongR ? l.nR() - 1 : l.nZ() - 2);
            rt.launch(
                    Kernels.mgRelaxPcr(
                            alongR ? 0 : 1, l.nR(), l.nZ(), entries, parity, coef[level], f.pointer(), x.pointer()),
                    (long) lineCount * entries * block,
                    block,
                    4 * 8 * block);
            return;
        }
        long slot = 8L * l.nodes() * entries;
        CUdeviceptr lf = lines[level];
        if (alongR) {
            rt.launch(
                    Kernels.mgRelaxR(
                            l.nR(),
                            l.nZ(),
                            entries,
                            parity,
                            coef[level],
                            lf,
                            lf.withByteOffset(slot),
                            f.pointer(),
                            x.pointer()),
                    (long) lineCount(first, l.nZ() - 1) * entries,
                    BLOCK,
                    0);
        } else {
            rt.launch(
                    Kernels.mgRelaxZ(
                            l.nR(),
                            l.nZ(),
                            entries,
                            parity,
                            coef[level],
                            lf.withByteOffset(2 * slot),
                            lf.withByteOffset(3 * slot),
                            f.pointer(),
                            x.pointer()),
                    (long) lineCount * entries,
                    BLOCK,
                    0);
        }
    }

    /** The kernel {@link #relax} takes for this half-sweep under the batch's {@link LineRelaxation} (THOMAS or PCR). */
    GpuBatchStepper.LineSolver relaxKernel(int level, boolean alongR, int parity) {
        PackedMultigrid.Level l = shape.get(level);
        int lines = alongR ? lineCount(1 + ((1 + parity) & 1), l.nZ() - 1) : lineCount(parity, l.nR() - 1);
        return relaxKernel(relaxSolver, lines, entries, alongR ? l.nR() - 1 : l.nZ() - 2);
    }

    /**
     * The kernel of one half-sweep, THOMAS (mg_relax_r/z: one thread per line and system, bitwise the Java reference)
     * or PCR (mg_relax_pcr: one block per line and system, equal to rounding). AUTO: PCR where the Thomas launch is
     * small (lines × entries below {@link #PCR_BELOW_THOMAS_THREADS}: too few threads, each walking the whole line) and
     * the line fits a block; PCR asked for falls back to Thomas on lines longer than {@link #PCR_MAX_UNKNOWNS}.
     */
    static GpuBatchStepper.LineSolver relaxKernel(
            GpuBatchStepper.LineSolver asked, int lines, int entries, int unknowns) {
        boolean fits = unknowns <= PCR_MAX_UNKNOWNS;
        boolean pcr = switch (asked) {
            case THOMAS -> false;
            case PCR -> fits;
            case AUTO -> fits && (long) lines * entries < PCR_BELOW_THOMAS_THREADS;
        };
        return pcr ? GpuBatchStepper.LineSolver.PCR : GpuBatchStepper.LineSolver.THOMAS;
    }

    /** Threads per block of mg_relax_pcr: the next power of two ≥ unknowns, at least a warp. */
    static int pcrBlock(int unknowns) {
        int block = 32;
        while (block < unknowns) {
            block <<= 1;
        }
        return block;
    }

    /** The split step's line-solver choice of the same name (the kernels are shared). */
    static GpuBatchStepper.LineSolver lineSolver(LineRelaxation relaxation) {
        return switch (relaxation) {
            case AUTO -> GpuBatchStepper.LineSolver.AUTO;
            case THOMAS -> GpuBatchStepper.LineSolver.THOMAS;
            case PCR -> GpuBatchStepper.LineSolver.PCR;
        };
    }

    /** Lines first, first + 2, … below end: the rows (or columns) of one parity. */
    static int lineCount(int first, int end) { return first < end ? (end - 1 - first) / 2 + 1 : 0; }

    @Override public void residual(int level, Vector f, Vector x, Vector r) {
        single(f, level, "residual");
        single(x, level, "residual");
        single(r, level, "residual");
        PackedMultigrid.Level l = shape.get(level);
        rt.launch(
                Kernels.mgStencil(
                        l.nR(), l.nZ(), entries, coef[level], 1.0, x.pointer(), 1.0, f.pointer(), r.pointer()),
                (long) l.nodes() * entries,
                BLOCK,
                0);
    }

    @Override public void applyA(Vector z, Vector w) {
        single(z, 0, "applyA");
        single(w, 0, "applyA");
        PackedMultigrid.Level l = shape.get(0);
        // beta = 0: f is not read (z stands in for it)
        rt.launch(Kernels.mgStencil(l.nR(), l.nZ(), entries, coef[0], -1.0, z.pointer(), 0.0, z.pointer(), w.pointer()),
                (long) l.nodes() * entries, BLOCK, 0);
    }

    @Override public void restrict(int level, Vector rFine, Vector fCoarse) {
        single(rFine, level, "restrict");
        single(fCoarse, level + 1, "restrict");
        PackedMultigrid.Level fine = shape.get(level);
        PackedMultigrid.Level c = shape.get(level + 1);
        rt.launch(
                Kernels.mgRestrict(
                        fine.nR(),
                        fine.nZ(),
                        c.nR(),
                        c.nZ(),
                        fine.coarsenR() ? 1 : 0,
                        fine.coarsenZ() ? 1 : 0,
                        entries,
                        rFine.pointer(),
                        fCoarse.pointer()),
                (long) c.nodes() * entries,
                BLOCK,
                0);
    }

    @Override public void prolongAdd(int level, Vector xCoarse, Vector xFine) {
        single(xCoarse, level + 1, "prolongAdd");
        single(xFine, level, "prolongAdd");
        PackedMultigrid.Level fine = shape.get(level);
        PackedMultigrid.Level c = shape.get(level + 1);
        rt.launch(
                Kernels.mgProlongAdd(
                        fine.nR(),
                        fine.nZ(),
                        c.nR(),
                        c.nZ(),
                        fine.coarsenR() ? 1 : 0,
                        fine.coarsenZ() ? 1 : 0,
                        entries,
                        xCoarse.pointer(),
                        xFine.pointer()),
                (long) fine.nodes() * entries,
                BLOCK,
                0);
    }

    @Override public void coarsestSolve(Vector f, Vector x) {
        single(f, levels - 1, "coarsestSolve");
        single(x, levels - 1, "coarsestSolve");
        PackedMultigrid.Level l = shape.get(levels - 1);
        rt.launch(
                Kernels.mgCoarsestSolve(
                        l.nR(),
                        l.nZ(),
                        coarsest.n(),
                        coarsest.kl(),
                        coarsest.ku(),
                        coarsest.radialFastest() ? 1 : 0,
                        entries,
                        band,
                        pivot,
                        f.pointer(),
                        x.pointer(),
                        work),
                entries,
                BLOCK,
                0);
    }

    /**
     * Partitions per column of the dot products: about {@link #DOT_THREADS} first-stage threads, 1..min(1024, nodes).
     */
    static int dotPartitions(int count, int entries, int nodes) {
        long columns = (long) count * entries;
        return (int) Math.max(1, Math.min(Math.min(1024, nodes), DOT_THREADS / columns));
    }

    @Override public double[][] dots(Vector basis, int count, Vector w) {
        if (basis.level() != 0 || count < 1 || count > basis.count()) {
            throw new IllegalArgumentException(
                    "dots of " + count + " vectors of a block of " + basis.count() + " on level " + basis.level());
        }
        single(w, 0, "dots");
        int nodes = nodes(0);
        int columns = count * entries;
        int parts = dotPartitions(count, entries, nodes);
        ensureDotScratch((long) columns * parts, columns);
        rt.launch(
                Kernels.mgDotPartial(nodes, entries, count, parts, basis.pointer(), w.pointer(), partial),
                (long) columns * parts,
                BLOCK,
                0);
        rt.launch(
                Kernels.reduceColumns(partial, columns, parts, Kernels.ReduceOp.SUM, dotSums),
                (long) REDUCE_BLOCK * columns,
                REDUCE_BLOCK,
                0);
        GpuException.check(
                "downloading " + columns + " dot products",
                () -> cuMemcpyDtoHAsync(dotPinned, dotSums, 8L * columns, rt.stream()));
        rt.synchronize("the dot products (mg_dot_partial, reduce_columns) of " + count + " vectors x " + describe(0));
        double[][] d = new double[count][entries];
        for (int i = 0; i < count; i++) {
            dotHost.get(i * entries, d[i]);
        }
        return d;
    }

    @Override public void combine(Vector basis, int count, double[][] coefficients, Vector y) {
        if (basis.level() != 0 || count < 1 || count > basis.count() || coefficients.length < count) {
            throw new IllegalArgumentException("combine of " + count + " vectors of a block of " + basis.count()
                    + " with " + coefficients.length + " coefficient rows");
        }
        single(y, 0, "combine");
        double[] flat = new double[count * entries];
        for (int i = 0; i < count; i++) {
            System.arraycopy(coefficients[i], 0, flat, i * entries, entries);
        }
        CUdeviceptr c = stageCoefficients(flat);
        long total = (long) nodes(0) * entries;
        rt.launch(Kernels.mgCombine(total, entries, count, basis.pointer(), c, y.pointer()), total, BLOCK, 0);
    }

    @Override public void scale(Vector x, double[] factors) {
        if (factors.length != entries) {
            throw new IllegalArgumentException(factors.length + " scale factors for " + entries + " systems");
        }
        long total = (long) x.count() * nodes(x.level()) * entries;
        if (x.count() != 1) {
            throw new IllegalArgumentException("scale of a block");
        }
        CUdeviceptr s = stageCoefficients(factors.clone());
        rt.launch(Kernels.mgScale(total, entries, s, x.pointer()), total, BLOCK, 0);
    }

    @Override public void finish() { rt.synchronize("the batched mg-gmres operations on " + describe(0)); }

    /**
     * Copies small per-system numbers to the device on the stream (ordered after the kernels that read the previous
     * ones): written into the pinned staging buffer once the previous copy has read it, then an asynchronous copy.
     */
    private CUdeviceptr stageCoefficients(double[] values) {
        if (values.length > coeffDoubles) {
            // kernels queued may still read the old device buffer: wait before giving it back
            rt.synchronize("the multigrid work queued before growing the coefficient buffer");
            if (coeffDevice != null) {
                free(coeffDevice);
            }
            if (coeffPinned != null) {
                rt.freePinned(coeffPinned);
            }
            coeffDevice = null;
            coeffPinned = null;
            long n = Math.max(values.length, 64L * entries);
            coeffDevice = allocate(8 * n, "combine/scale coefficients");
            coeffPinned = rt.allocatePinned(8 * n, "combine/scale coefficients");
            coeffHost = coeffPinned.getByteBuffer(0, 8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            coeffDoubles = n;
        }
        GpuException.check("waiting for the previous coefficient copy", () -> cuEventSynchronize(coeffCopied));
        coeffHost.put(0, values);
        GpuException.check("copying " + values.length + " coefficients to the device", () -> {
            cuMemcpyHtoDAsync(coeffDevice, coeffPinned, 8L * values.length, rt.stream());
            cuEventRecord(coeffCopied, rt.stream());
        });
        return coeffDevice;
    }

    private void ensureDotScratch(long partials, int columns) {
        if (partials <= partialDoubles && columns <= dotDoubles) {
            return;
        }
        rt.synchronize("the multigrid work queued before growing the reduction buffers");
        if (partial != null) {
            free(partial);
        }
        if (dotSums != null) {
            free(dotSums);
        }
        if (dotPinned != null) {
            rt.freePinned(dotPinned);
        }
        partial = dotSums = null;
        dotPinned = null;
        partialDoubles = Math.max(partials, partialDoubles);
        dotDoubles = Math.max(columns, dotDoubles);
        partial = allocate(8 * partialDoubles, "dot product partial sums");
        dotSums = allocate(8 * dotDoubles, "dot products");
        dotPinned = rt.allocatePinned(8 * dotDoubles, "dot products");
        dotHost = dotPinned.getByteBuffer(0, 8 * dotDoubles).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** Checks that v is one vector (not a block) on the given level. */
    private void single(Vector v, int level, String op) {
        if (v.count() != 1 || v.level() != level) {
            throw new IllegalArgumentException(op + " needs one vector on level " + level + ", got level " + v.level()
                    + (v.count() != 1 ? " block of " + v.count() : ""));
        }
    }

    private long vectorBytes(int level) { return 8L * nodes(level) * entries; }

    private String describe(int level) {
        PackedMultigrid.Level l = shape.get(level);
        return l.nR() + "x" + l.nZ() + " grid x " + entries + " systems";
    }

    private CUdeviceptr allocate(long bytes, String what) {
        CUdeviceptr p = rt.allocate(bytes, what);
        owned.put(p, Math.max(bytes, 8));
        return p;
    }

    private void free(CUdeviceptr p) {
        if (owned.remove(p) != null) {
            rt.free(p);
        }
    }

    private CUdeviceptr upload(double[] values, String what) {
        CUdeviceptr p = allocate(8L * values.length, what);
        GpuException.check("uploading the " + what + " (" + 8L * values.length + " bytes)", () -> {
            cuMemcpyHtoD(p, Pointer.to(values), 8L * values.length);
            cuCtxSynchronize();
        });
        return p;
    }

    /**
     * Device bytes of the hierarchy alone ({@link PackedMultigrid#bytes()}), from the level shapes: per level 9
     * coefficient arrays, and 4 line-factor arrays on every level but the coarsest, of nodes·E doubles; on the coarsest
     * grid (n = (nR − 1)(nZ − 2) unknowns, bandwidth bw = min(nR − 1, nZ − 2) + 1, as BandedFactorisation) the band,
     * ld = 3·bw + 1 rows of n·E doubles, and n·E int pivots.
     * @param levels {nR, nZ} of every level, finest first (MultigridHierarchy's coarsening rule)
     */
    public static long hierarchyBytes(int[][] levels, int entries) {
        long sum = 0;
        for (int k = 0; k < levels.length; k++) {
            long nodes = (long) levels[k][0] * levels[k][1];
            sum += 8L * (k < levels.length - 1 ? 13 : 9) * nodes * entries;
        }
        int[] c = levels[levels.length - 1];
        long nI = c[0] - 1;
        long nJ = c[1] - 2;
        long n = nI * nJ;
        long bw = Math.min(nI, nJ) + 1;
        return sum + 8L * (3 * bw + 1) * n * entries + 4L * n * entries;
    }

    /**
     * Device bytes a batched mg-gmres solve of E systems needs (the estimate for splitting a family into waves):
     * <pre>
     *   hierarchyBytes(levels, E)                           operators, line factors, coarsest LU
     * + 8·n·E                                               coarsest solve work
     * + 3 · Σ_levels 8·nodes_ℓ·E                            x, f, r of the W-cycle on every level
     * + (2·restart + 2) · 8·nodes_0·E                       Krylov bases V (restart + 1) and Z (restart), one more
     * + 8·max(2^18, (restart + 1)·E)                        dot partial sums
     * + 16·(restart + 1)·E + 8·64·E                         dot results, combine coefficients
     * </pre>
     * (the dot products of up to restart + 1 vectors take about 2^18 first-stage threads, at least one per column).
     */
    public static long bytesFor(int[][] levels, int entries, int restart) {
        long sum = hierarchyBytes(levels, entries);
        int[] c = levels[levels.length - 1];
        sum += 8L * (c[0] - 1) * (c[1] - 2) * entries;
        for (int[] l : levels) {
            sum += 3 * 8L * l[0] * l[1] * entries;
        }
        long fine = 8L * levels[0][0] * levels[0][1] * entries;
        sum += (2L * restart + 2) * fine;
        long columns = (long) (restart + 1) * entries;
        return sum + 8 * Math.max(DOT_THREADS, columns) + 16 * columns + 8L * Math.max(columns, 64L * entries);
    }

    /** Frees every buffer, the pinned staging and the event (each release attempted; failures thrown together). */
    @Override public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Release release = new Release();
        release.run("making the context current", rt::makeCurrent);
        release.run(
                "waiting for the multigrid work before releasing",
                () -> rt.synchronize("the multigrid work before release"));
        for (CUdeviceptr p : owned.keySet()) {
            release.run("a multigrid device buffer", () -> rt.free(p));
        }
        owned.clear();
        if (dotPinned != null) {
            release.run("the pinned dot-product buffer", () -> rt.freePinned(dotPinned));
        }
        if (coeffPinned != null) {
            release.run("the pinned coefficient buffer", () -> rt.freePinned(coeffPinned));
        }
        release.run(
                "the coefficient-copy event",
                () -> GpuException.check("destroying an event", () -> cuEventDestroy(coeffCopied)));
        release.throwIfFailed();
    }
}
