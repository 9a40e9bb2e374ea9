package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUgraph;
import jcuda.driver.CUgraphExec;
import jcuda.driver.CUstreamCaptureMode;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SolverDivergedException;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.*;

/**
 * The paper's split step (docs/physics.md §3) on the GPU for a whole family of models at once: every
 * (model, momentum bin) pair is one "batch entry" with its own (D⊥, D∥ − D⊥) and source, and a
 * reference to its model's coefficient tables (models may differ in field, hence in tables; models
 * that share one {@link OperatorCoefficients} object share one uploaded copy). All models must have
 * the same grid size. One step = R sweep, z sweep, mixed step, each one kernel launch over the whole
 * batch; steps are enqueued without host synchronisation (as a captured CUDA graph when possible) and
 * the host waits only when it reads the change per step or the residual.
 *
 * <p>Device layout is interleaved, value of entry b at node idx at [idx·B + b]: see kernels/anisocr.cu.
 * The stencil itself is never recomputed on the device; the kernels read OperatorCoefficients' tables.
 */
public final class GpuBatchStepper implements AutoCloseable {

    /**
     * How each Crank–Nicolson line is solved. THOMAS: one thread per (line, entry), the CPU's
     * elimination order, bitwise equal to the Java reference. PCR: parallel cyclic reduction, one
     * thread block per (line, entry), lines of at most 1024 unknowns (longer lines use Thomas), equal to
     * the reference to round-off. AUTO: PCR for a sweep whose Thomas launch would leave the GPU
     * mostly idle (fewer lines × entries than half the threads the device holds at once), else Thomas.
     */
    public enum LineSolver { AUTO, THOMAS, PCR }

    static final int BLOCK = 128;
    static final int PCR_MAX = 1024;

    private final GpuRuntime rt;
    private final boolean ownsRuntime;
    private final DeviceBatch batch;
    private final List<TransportProblem> models;
    private final int nR;
    private final int nZ;
    private final int entries;
    private final long nodes;
    private final CUdeviceptr bufA;
    private final CUdeviceptr bufB;
    private final CUdeviceptr previous;
    private final CUdeviceptr scratch;
    private final CUdeviceptr partA;
    private final CUdeviceptr partB;
    private final CUdeviceptr partC;
    private final CUdeviceptr results;
    private final int partitions;
    private final long reduceThreads;
    private final DoubleBuffer pinnedResults;
    private final Pointer pinned;
    private final double[] lastChanges;
    private boolean currentIsA = true;
    private boolean closed;
    private LineSolver lineSolver = LineSolver.AUTO;
    private boolean graphs = true;
    private double graphDt = Double.NaN;
    private CUgraphExec[] graphExec;   // [0]: step from A into B, [1]: from B into A
    private String graphProblem;

    /** Opens its own runtime, closed with this stepper. */
    public GpuBatchStepper(List<TransportProblem> models) {
        this(GpuRuntime.open(), true, models);
    }

    /** Uses a caller's runtime (left open on close). */
    public GpuBatchStepper(GpuRuntime runtime, List<TransportProblem> models) {
        this(runtime, false, models);
    }

    private GpuBatchStepper(GpuRuntime runtime, boolean ownsRuntime, List<TransportProblem> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to step");
        }
        this.rt = runtime;
        this.ownsRuntime = ownsRuntime;
        DeviceBatch b = null;
        try {
            b = new DeviceBatch(rt, models);
            batch = b;
            this.models = batch.models;
            nR = batch.nR;
            nZ = batch.nZ;
            nodes = batch.nodes;
            entries = batch.entries;
            long field = batch.fieldBytes();
            bufA = batch.allocate(field, "state, " + batch.describe());
            bufB = batch.allocate(field, "second state buffer, " + batch.describe());
            previous = batch.allocate(field, "previous state, " + batch.describe());
            scratch = batch.allocate(field, "Thomas scratch, " + batch.describe());
            GpuException.check("clearing the state buffers", () -> {
                cuMemsetD8(bufB, (byte) 0, field);
                cuMemsetD8(scratch, (byte) 0, field);
            });
            // Reductions: P partitions per entry, about 64k threads in all.
            partitions = batch.reductionPartitions();
            reduceThreads = (long) partitions * entries;
            partA = batch.allocate(8 * reduceThreads, "reduction partials");
            partB = batch.allocate(8 * reduceThreads, "reduction partials");
            partC = batch.allocate(8 * reduceThreads, "reduction partials");
            results = batch.allocate(8L * 3 * entries, "reduction results");
            pinned = rt.allocatePinned(8L * 3 * entries, "reduction results");
            pinnedResults = pinned.getByteBuffer(0, 8L * 3 * entries).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            lastChanges = new double[entries];
            double[] state = new double[(int) (nodes * entries)];
            for (int m = 0; m < models.size(); m++) {
                double[][] n0 = models.get(m).initialDensity();
                for (int k = 0; k < n0.length; k++) {
                    batch.interleave(n0[k], batch.firstEntry(m) + k, state);
                }
            }
            batch.upload(bufA, Pointer.to(state), field, "the initial state");
        } catch (RuntimeException | Error e) {
            if (b != null) {
                try {
                    b.close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            if (ownsRuntime) {
                try {
                    rt.close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    public List<TransportProblem> models() { return models; }
    public int entries() { return entries; }
    public int entry(int model, int bin) { return batch.firstEntry(model) + bin; }
    public GpuRuntime runtime() { return rt; }

    public void setLineSolver(LineSolver s) {
        if (s != lineSolver) {
            dropGraphs();
        }
        lineSolver = s;
    }
    public LineSolver lineSolver() { return lineSolver; }

    /** Whether steps are replayed as captured CUDA graphs (default) or launched kernel by kernel. */
    public void setUseGraphs(boolean use) {
        if (!use) {
            dropGraphs();
        }
        graphs = use;
    }
    /** Why graph capture was abandoned, or null. */
    public String graphProblem() { return graphProblem; }

    // ---------------------------------------------------------------------------------------- state

    /** Replaces the whole state of model m, N[k][j·NR + i]. */
    public void setState(int m, double[][] density) {
        double[] all = download(current());
        for (int k = 0; k < models.get(m).bins(); k++) {
            batch.interleave(density[k], batch.firstEntry(m) + k, all);
        }
        batch.upload(current(), Pointer.to(all), all.length * 8L, "the state of model " + m);
    }

    /** A copy of model m's state. */
    public double[][] state(int m) {
        return batch.deinterleave(download(current()), m);
    }

    private double[] download(CUdeviceptr p) {
        rt.makeCurrent();
        rt.synchronize("the split steps");
        double[] all = new double[(int) (nodes * entries)];
        GpuException.check("downloading the state", () -> cuMemcpyDtoH(Pointer.to(all), p, all.length * 8L));
        return all;
    }

    private CUdeviceptr current() { return currentIsA ? bufA : bufB; }
    private CUdeviceptr other() { return currentIsA ? bufB : bufA; }

    // ---------------------------------------------------------------------------------------- stepping

    /**
     * {@code steps} split steps of size dt for every entry; returns the largest relative change of the
     * last step over all entries (per entry: {@link #lastChanges()}). Synchronises once, at the end.
     */
    public double advance(double dtMyr, int steps) {
        if (steps < 1) {
            return 0;
        }
        rt.makeCurrent();
        for (int s = 0; s < steps; s++) {
            if (s == steps - 1) {
                cuMemcpyDtoDAsync(previous, current(), nodes * entries * 8, rt.stream());
            }
            enqueueStep(dtMyr);
        }
        return relativeChange();
    }

    /** Enqueues one split step without waiting for it. */
    public void enqueueStep(double dt) {
        rt.makeCurrent();   // JCuda binds contexts per thread; a caller may step from any thread
        if (graphs) {
            try {
                if (dt != graphDt) {
                    captureGraphs(dt);
                }
                cuGraphLaunch(graphExec[currentIsA ? 0 : 1], rt.stream());
                currentIsA = !currentIsA;
                return;
            } catch (RuntimeException e) {
                // Graph capture is an optimisation only: fall back to plain launches for good (the reason is kept).
                graphProblem = e.toString();
                try {
                    dropGraphs();
                } catch (RuntimeException again) {
                    graphProblem += "; releasing the graphs: " + again;
                }
                graphs = false;
            }
        }
        launchStep(dt, current(), other());
        currentIsA = !currentIsA;
    }

    private void captureGraphs(double dt) {
        dropGraphs();
        CUgraphExec[] exec = new CUgraphExec[2];
        try {
            for (int parity = 0; parity < 2; parity++) {
                exec[parity] = captureStep(dt, parity == 0 ? bufA : bufB, parity == 0 ? bufB : bufA);
            }
        } catch (RuntimeException | Error failure) {
            Release release = new Release();
            for (CUgraphExec e : exec) {
                if (e != null) {
                    release.run("a captured step graph after a failed capture", () -> cuGraphExecDestroy(e));
                }
            }
            suppressInto(failure, release);
            throw failure;
        }
        graphExec = exec;
        graphDt = dt;
    }

    /**
     * One step (n into out) captured and instantiated. On a failure the captured graph is destroyed, and the first
     * error is the one thrown: an error of ending the capture (which a failed launch inside it usually causes) is
     * suppressed.
     */
    private CUgraphExec captureStep(double dt, CUdeviceptr n, CUdeviceptr out) {
        CUgraph graph = new CUgraph();
        cuStreamBeginCapture(rt.stream(), CUstreamCaptureMode.CU_STREAM_CAPTURE_MODE_RELAXED);
        try {
            launchStep(dt, n, out);
        } catch (RuntimeException | Error failure) {
            Release release = new Release();
            release.run("ending the failed capture", () -> cuStreamEndCapture(rt.stream(), graph));
            release.run("the graph of the failed capture", () -> cuGraphDestroy(graph));
            suppressInto(failure, release);
            throw failure;
        }
        cuStreamEndCapture(rt.stream(), graph);
        CUgraphExec exec = new CUgraphExec();
        try {
            cuGraphInstantiate(exec, graph, 0);
        } catch (RuntimeException | Error failure) {
            Release release = new Release();
            release.run("the graph of the failed instantiation", () -> cuGraphDestroy(graph));
            suppressInto(failure, release);
            throw failure;
        }
        try {
            cuGraphDestroy(graph); // the executable graph is a copy: the captured one is no longer needed
        } catch (RuntimeException | Error failure) {
            Release release = new Release();
            release.run("the executable graph after a failed cleanup", () -> cuGraphExecDestroy(exec));
            suppressInto(failure, release);
            throw failure;
        }
        return exec;
    }

    /** The cleanup's failures as suppressed exceptions of the one that caused it. */
    static void suppressInto(Throwable failure, Release release) {
        try {
            release.throwIfFailed();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private void dropGraphs() {
        CUgraphExec[] exec = graphExec;
        graphExec = null;
        graphDt = Double.NaN;
        if (exec == null) {
            return;
        }
        Release release = new Release();
        for (CUgraphExec e : exec) {
            if (e != null) {
                release.run("a captured step graph", () -> cuGraphExecDestroy(e));
            }
        }
        release.throwIfFailed();
    }

    private void launchStep(double dt, CUdeviceptr n, CUdeviceptr out) {
        sweep(0, dt, n);
        sweep(1, dt, n);
        mixed(dt, n, out);
    }

    /** Whether sweep dir (0: R, 1: z) runs the PCR kernel under the current line-solver choice. */
    public boolean usesPcr(int dir) {
        int unknowns = dir == 0 ? nR - 1 : nZ - 2;
        long lines = (long) entries * (dir == 0 ? nZ - 2 : nR - 1);
        if (unknowns > PCR_MAX || lineSolver == LineSolver.THOMAS) {
            return false;
        }
        if (lineSolver == LineSolver.PCR) {
            return true;
        }
        long residentThreads = 2048L * Math.max(1, rt.info().multiprocessors());
        return lines < residentThreads / 2;
    }

    /** dir 0: Crank–Nicolson in R on every (z-line, entry); dir 1: in z on every (R-line, entry). */
    private void sweep(int dir, double dt, CUdeviceptr n) {
        int unknowns = dir == 0 ? nR - 1 : nZ - 2;
        long lines = (long) entries * (dir == 0 ? nZ - 2 : nR - 1);
        if (usesPcr(dir)) {
            int block = Integer.highestOneBit(Math.max(unknowns, 1));
            if (block < unknowns) {
                block <<= 1;
            }
            block = Math.max(block, 32);
            rt.launch(
                    Kernels.sweepPcr(
                            dir, nR, nZ, entries, dt, batch.model, batch.dPerp, batch.dAni, batch.coef, batch.src, n),
                    lines * block,
                    block,
                    32 * block);
            return;
        }
        KernelCall thomas = dir == 0
                ? Kernels.sweepRThomas(
                        nR, nZ, entries, dt, batch.model, batch.dPerp, batch.dAni, batch.coef, batch.src, n, scratch)
                : Kernels.sweepZThomas(
                        nR, nZ, entries, dt, batch.model, batch.dPerp, batch.dAni, batch.coef, batch.src, n, scratch);
        rt.launch(thomas, lines, BLOCK, 0);
    }

    private void mixed(double dt, CUdeviceptr n, CUdeviceptr out) {
        rt.launch(
                Kernels.mixedStep(
                        nR, nZ, entries, dt, batch.model, batch.dPerp, batch.dAni, batch.coef, batch.src, n, out),
                nodes * entries,
                256,
                0);
    }

    // ---------------------------------------------------------------------------------------- reductions

    private void reduceColumns(CUdeviceptr partial, Kernels.ReduceOp op, int slot) {
        rt.launch(Kernels.reduceColumns(partial, entries, partitions, op, results.withByteOffset(8L * slot * entries)),
                256L * entries, 256, 0);
    }

    /** max_k ‖N − N_prev‖∞ / ‖N‖∞ as CpuSplitStepper computes it; throws on a non-finite state. */
    private double relativeChange() {
        rt.launch(Kernels.changePartial(nodes * entries, reduceThreads, current(), previous, partA, partB, partC),
                reduceThreads, 256, 0);
        reduceColumns(partA, Kernels.ReduceOp.MAX, 0);
        reduceColumns(partB, Kernels.ReduceOp.MAX, 1);
        reduceColumns(partC, Kernels.ReduceOp.MIN, 2);
        double[] r = fetchResults(3);
        double worst = 0;
        for (int b = 0; b < entries; b++) {
            double bad = r[2 * entries + b];
            if (Double.isFinite(bad)) {
                throw diverged(b, (long) bad);
            }
            double diff = r[b];
            double mag = r[entries + b];
            lastChanges[b] = mag > 0 ? diff / mag : 0;
            worst = Math.max(worst, lastChanges[b]);
        }
        return worst;
    }

    private double[] fetchResults(int slots) {
        GpuException.check(
                "downloading reduction results",
                () -> cuMemcpyDtoHAsync(pinned, results, 8L * slots * entries, rt.stream()));
        rt.synchronize("the split steps and their reductions");
        double[] r = new double[slots * entries];
        pinnedResults.get(0, r);
        return r;
    }

    private SolverDivergedException diverged(int b, long element) {
        int[] mk = batch.modelAndBin(b);
        int m = mk[0];
        int k = mk[1];
        long idx = element / entries;
        SpatialGrid g = models.get(m).grid();
        return new SolverDivergedException("non-finite density in model " + m + ", momentum bin " + k + " at node "
                + idx + " (R=" + g.r((int) (idx % nR)) + ", z=" + g.z((int) (idx / nR)) + ") [gpu]");
    }

    /** Relative change of the last step per entry (index {@link #entry(int, int)}). */
    public double[] lastChanges() { return lastChanges.clone(); }

    /** ‖L N + S‖₂ / ‖S‖₂ per entry for the current state (DiscreteOperator.relativeResidual on the device). */
    public double[] relativeResiduals() {
        rt.makeCurrent();
        batch.enqueueResidualSums(current(), partitions, partA, partB, results);
        return DeviceBatch.relativeNorms(fetchResults(2), entries);
    }

    // ---------------------------------------------------------------------------------------- timing

    /**
     * Average device time per kernel in microseconds over {@code reps} steps (CUDA events around each
     * launch, plain launches). Advances the state by {@code reps} steps.
     */
    public Map<String, Double> kernelMicros(double dt, int reps) {
        rt.makeCurrent();
        CUevent[] ev = {rt.event(), rt.event(), rt.event(), rt.event()};
        double[] sum = new double[3];
        float[] ms = {0};
        for (int r = 0; r < reps; r++) {
            cuEventRecord(ev[0], rt.stream());
            sweep(0, dt, current());
            cuEventRecord(ev[1], rt.stream());
            sweep(1, dt, current());
            cuEventRecord(ev[2], rt.stream());
            mixed(dt, current(), other());
            cuEventRecord(ev[3], rt.stream());
            currentIsA = !currentIsA;
            cuEventSynchronize(ev[3]);
            for (int q = 0; q < 3; q++) {
                cuEventElapsedTime(ms, ev[q], ev[q + 1]);
                sum[q] += ms[0] * 1000.0;
            }
        }
        for (CUevent e : ev) {
            cuEventDestroy(e);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("sweep_r_" + (usesPcr(0) ? "pcr" : "thomas"), sum[0] / reps);
        out.put("sweep_z_" + (usesPcr(1) ? "pcr" : "thomas"), sum[1] / reps);
        out.put("mixed_step", sum[2] / reps);
        return out;
    }

    /**
     * Average wall time of one full split step on the device, in microseconds, over {@code reps} back-to-back steps.
     */
    public double stepMicros(double dt, int reps) {
        rt.makeCurrent();
        enqueueStep(dt);   // captures the graphs outside the timed region
        enqueueStep(dt);
        rt.synchronize("the graph capture");
        float ms = rt.elapsedMs(() -> {
            for (int r = 0; r < reps; r++) {
                enqueueStep(dt);
            }
        });
        return ms * 1000.0 / reps;
    }

    /**
     * Gives back what this stepper took (the whole runtime when it owns it, so steppers on a shared runtime can come
     * and go); every release is attempted, failures are thrown together naming what was being released.
     */
    @Override public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Release release = new Release();
        release.run("the captured step graphs", () -> { rt.makeCurrent(); dropGraphs(); });
        if (ownsRuntime) {
            release.run("the GPU runtime", rt::close);   // frees everything allocated through it
        } else {
            release.run("the split steps in flight", () -> rt.synchronize("the split steps before releasing"));
            release.run("the batch buffers", batch::close);
            release.run("the pinned reduction buffer", () -> rt.freePinned(pinned));
        }
        release.throwIfFailed();
    }
}
