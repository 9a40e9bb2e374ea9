package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.Stencil;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.SingularSystemException;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;

/**
 * The setup phase of batched mg-gmres on the device (kernels/multigrid_setup.cu): from the paper operator's coefficient
 * tables of the models and the two tensor scalars of every system, the device assembles each system's fine 9-point
 * operator, its Galerkin coarse operators, the line factors of every smoothed level and the banded LU of the coarsest
 * one, straight into the interleaved layout of {@link PackedMultigrid} that the solve-phase kernels read. Nothing
 * grid-sized is built or copied on the host: what crosses the bus is the distinct tables (14 doubles a node a model)
 * and 20 bytes a system. The result equals {@code CpuMultigridBatch.pack()} of the same systems bit for bit (the
 * kernels repeat the Java operations in the Java order; kernels/emu checks it in CI, GpuMultigridSetupTest on a
 * device).
 *
 * <p>The level grids and coarsening flags come in as a {@link PackedMultigrid} <i>shape</i> (the record with empty
 * arrays, from {@code CpuMultigridBatch.shape}): the coarsening rule lives in solver.steady only.
 */
public final class GpuMultigridSetup {
    /** Threads per block of the setup kernels. */
    static final int BLOCK = 128;
    /** mg_coarsest_factor runs one thread per system: small blocks spread E ≈ 2000 systems over more SMs. */
    static final int FACTOR_BLOCK = 32;

    private GpuMultigridSetup() {}

    /**
     * What the setup kernels read besides the tables: per system the number of its model's table (models sharing one
     * OperatorCoefficients share one), D⊥ and D∥ − D⊥ of its bin.
     * @param tables table number of each distinct coefficient set among the systems' models, in order of first use
     * (arrays and map shared, not copied: built once per wave and read by index in this class's setup loops)
     */
    record Inputs(int[] model, double[] dPerp, double[] dAni, Map<OperatorCoefficients, Integer> tables) {
        /** @param systems {model index, momentum bin} of every system, in batch order (any subset of the bins) */
        static Inputs of(List<TransportProblem> models, List<int[]> systems) {
            int e = systems.size();
            Map<OperatorCoefficients, Integer> tables = new IdentityHashMap<>();
            int[] model = new int[e];
            double[] dPerp = new double[e];
            double[] dAni = new double[e];
            for (int b = 0; b < e; b++) {
                int[] mk = systems.get(b);
                TransportProblem p = models.get(mk[0]);
                if (mk[1] < 0 || mk[1] >= p.bins()) {
                    throw new IllegalArgumentException(
                            "system " + b + ": model " + mk[0] + " has no momentum bin " + mk[1]);
                }
                Integer t = tables.putIfAbsent(p.coefficients(), tables.size());
                model[b] = t == null ? tables.size() - 1 : t;
                dPerp[b] = p.dPerp(mk[1]);
                dAni[b] = p.dAni(mk[1]);
            }
            return new Inputs(model, dPerp, dAni, tables);
        }
    }

    /**
     * The hierarchies of a wave on the device, in the {@link PackedMultigrid} layout: per level its 9-point operator
     * (9·nodes·E doubles) and, but on the coarsest, its line factors (4·nodes·E); the coarsest banded LU (ld·n·E
     * doubles) and pivots (n·E ints). Allocated through the runtime; whoever takes it ({@code GpuMultigridBatch}) frees
     * them, or
     * {@link #free}. The pointer arrays are shared, not copied: they name device buffers the hierarchy owns.
     * @param shape the level grids, flags and coarsest numbering (arrays empty)
     */
    public record Hierarchy(
            PackedMultigrid shape,
            CUdeviceptr[] coefficients,
            CUdeviceptr[] lineFactors,
            CUdeviceptr band,
            CUdeviceptr pivot) {
        /** Every device array with its size in bytes (the coarsest level has no line factors), in allocation order. */
        public Map<CUdeviceptr, Long> buffers() {
            Map<CUdeviceptr, Long> all = new LinkedHashMap<>();
            int e = shape.entries();
            int levels = shape.levels().size();
            for (int k = 0; k < levels; k++) {
                long nodes = shape.levels().get(k).nodes();
                all.put(coefficients[k], 8L * 9 * nodes * e);
                if (k < levels - 1) {
                    all.put(lineFactors[k], 8L * 4 * nodes * e);
                }
            }
            PackedMultigrid.Coarsest c = shape.coarsest();
            all.put(band, 8L * c.ld() * c.n() * e);
            all.put(pivot, 4L * c.n() * e);
            return all;
        }

        /** Device bytes of the hierarchy (as {@link PackedMultigrid#bytes()} of the packed copy). */
        public long bytes() { return buffers().values().stream().mapToLong(Long::longValue).sum(); }

        /** Copies everything to the host (tests: the packed hierarchy the CPU setup would give). */
        public PackedMultigrid download(GpuRuntime rt) {
            rt.makeCurrent();
            rt.synchronize("the multigrid setup before its download");
            int e = shape.entries();
            int levels = shape.levels().size();
            List<PackedMultigrid.Level> out = new ArrayList<>();
            for (int k = 0; k < levels; k++) {
                PackedMultigrid.Level l = shape.levels().get(k);
                double[] coef = doubles(coefficients[k], 9L * l.nodes() * e);
                double[] lines = k < levels - 1 ? doubles(lineFactors[k], 4L * l.nodes() * e) : new double[0];
                out.add(new PackedMultigrid.Level(l.nR(), l.nZ(), coef, lines, l.coarsenR(), l.coarsenZ()));
            }
            PackedMultigrid.Coarsest c = shape.coarsest();
            int[] piv = new int[Math.toIntExact((long) c.n() * e)];
            GpuException.check(
                    "downloading the coarsest pivots", () -> cuMemcpyDtoH(Pointer.to(piv), pivot, 4L * piv.length));
            return new PackedMultigrid(
                    e,
                    List.copyOf(out),
                    new PackedMultigrid.Coarsest(
                            c.n(), c.kl(), c.ku(), c.radialFastest(), doubles(band, (long) c.ld() * c.n() * e), piv));
        }

        /** Gives the device arrays back (when no GpuMultigridBatch took them). */
        public void free(GpuRuntime rt) {
            Release release = new Release();
            rt.makeCurrent();
            for (CUdeviceptr p : buffers().keySet()) {
                release.run("a multigrid hierarchy buffer", () -> rt.free(p));
            }
            release.throwIfFailed();
        }

        private static double[] doubles(CUdeviceptr p, long count) {
            double[] v = new double[Math.toIntExact(count)];
            GpuException.check("downloading a multigrid hierarchy array (" + 8 * count + " bytes)",
                    () -> cuMemcpyDtoH(Pointer.to(v), p, 8 * count));
            return v;
        }
    }

    /**
     * Builds the hierarchies of these systems on the device and waits for them.
     * @param shape   the hierarchy's level grids and flags for this fine grid and E = systems.size() (arrays empty)
     * @param models  the models (all on the shape's fine grid)
     * @param systems {model index, momentum bin} of every system, in batch order
     * @throws SingularSystemException naming the model and bin of the first system whose line factors or coarsest LU
     *                                 met a zero pivot (the CPU setup throws there too)
     */
    public static Hierarchy build(
            GpuRuntime rt, PackedMultigrid shape, List<TransportProblem> models, List<int[]> systems) {
        int e = systems.size();
        checkInputs(shape, models, e);
        Inputs in = Inputs.of(models, systems);
        List<CUdeviceptr> scratch = new ArrayList<>();
        List<CUdeviceptr> kept = new ArrayList<>();
        rt.makeCurrent();
        try {
            DeviceArrays a = allocate(rt, shape, in, scratch, kept);
            enqueueKernels(rt, shape, a);
            PackedMultigrid.Level fine = shape.levels().get(0);
            rt.synchronize("the multigrid setup of " + e + " systems on the " + fine.nR() + "x" + fine.nZ() + " grid");
            checkStatus(a.status(), systems);
            freeAll(rt, scratch); // after the synchronisation: no kernel reads them any more
            return new Hierarchy(shape, a.coef(), a.lines(), a.band(), a.pivot());
        } catch (RuntimeException | Error failure) {
            List<CUdeviceptr> all = new ArrayList<>(scratch);
            all.addAll(kept);
            releaseAfterFailure(rt, all, failure);
            throw failure;
        }
    }

    /** Bad input, named before anything is allocated. */
    private static void checkInputs(PackedMultigrid shape, List<TransportProblem> models, int e) {
        if (e == 0) {
            throw new IllegalArgumentException("no systems for the multigrid setup");
        }
        if (shape.entries() != e) {
            throw new IllegalArgumentException("shape for " + shape.entries() + " systems, " + e + " given");
        }
        int nR = shape.levels().get(0).nR();
        int nZ = shape.levels().get(0).nZ();
        for (TransportProblem p : models) {
            if (p.grid().nR() != nR || p.grid().nZ() != nZ) {
                throw new IllegalArgumentException("all models of a multigrid batch need the " + nR + "x" + nZ
                        + " grid, got " + p.grid().nR() + "x" + p.grid().nZ());
            }
        }
    }

    /**
     * The device arrays of one setup: the inputs (per-system scalars, tables), the status per system, the temporary of
     * the two-directional Galerkin pass (null where no level is halved both ways), and the hierarchy's own arrays.
     */
    private record DeviceArrays(CUdeviceptr model, CUdeviceptr dPerp, CUdeviceptr dAni, CUdeviceptr tables,
                                CUdeviceptr status, CUdeviceptr half, CUdeviceptr[] coef, CUdeviceptr[] lines,
                                CUdeviceptr band, CUdeviceptr pivot) {}

    /** Uploads the inputs (into {@code scratch}), allocates the hierarchy ({@code kept}), clears what starts at 0. */
    private static DeviceArrays allocate(GpuRuntime rt, PackedMultigrid shape, Inputs in, List<CUdeviceptr> scratch,
                                         List<CUdeviceptr> kept) {
        int e = shape.entries();
        List<PackedMultigrid.Level> levels = shape.levels();
        int count = levels.size();
        PackedMultigrid.Level fine = levels.get(0);
        String what = " (" + e + " systems)";
        CUdeviceptr model = upload(rt, scratch, Pointer.to(in.model()), 4L * e, "model table per system" + what);
        CUdeviceptr dPerp = upload(rt, scratch, Pointer.to(in.dPerp()), 8L * e, "D_perp per system" + what);
        CUdeviceptr dAni = upload(rt, scratch, Pointer.to(in.dAni()), 8L * e, "D_ani per system" + what);
        long nodes = fine.nodes();
        CUdeviceptr tables = allocate(rt, scratch, 8L * 2 * Stencil.COUNT * nodes * in.tables().size(),
                "coefficient tables, " + in.tables().size() + " x " + fine.nR() + "x" + fine.nZ() + " grid");
        GpuException.check("uploading the coefficient tables", () -> {
            CoefficientTables.upload(tables, in.tables(), nodes);
            cuCtxSynchronize(); // pageable copies on the legacy stream, which our stream does not wait for
        });
        CUdeviceptr status = allocate(rt, scratch, 4L * e, "multigrid setup status per system");
        memset(rt, status, 4L * e);
        long temp = galerkinTemporaryDoubles(levels, e);
        CUdeviceptr half = temp > 0 ? allocate(rt, scratch, 8 * temp, "Galerkin half-coarsened operator" + what) : null;
        CUdeviceptr[] coef = new CUdeviceptr[count];
        CUdeviceptr[] lines = new CUdeviceptr[count];
        for (int k = 0; k < count; k++) {
            PackedMultigrid.Level l = levels.get(k);
            String where = "level " + k + " (" + l.nR() + "x" + l.nZ() + " x " + e + " systems)";
            coef[k] = allocate(rt, kept, 8L * 9 * l.nodes() * e, "multigrid operator, " + where);
            if (k < count - 1) {
                lines[k] = allocate(rt, kept, 8L * 4 * l.nodes() * e, "multigrid line factors, " + where);
                memset(rt, lines[k], 8L * 4 * l.nodes() * e); // Dirichlet nodes keep 0, as TridiagonalLines
            }
        }
        PackedMultigrid.Coarsest c = shape.coarsest();
        CUdeviceptr band = allocate(rt, kept, 8L * c.ld() * c.n() * e,
                "coarsest banded LU factors (" + c.n() + " unknowns x " + e + " systems)");
        CUdeviceptr pivot = allocate(rt, kept, 4L * c.n() * e, "coarsest LU pivots");
        return new DeviceArrays(model, dPerp, dAni, tables, status, half, coef, lines, band, pivot);
    }

    /** Doubles of the temporary that the Galerkin pass along R of a level coarsened in both directions goes through. */
    private static long galerkinTemporaryDoubles(List<PackedMultigrid.Level> levels, int e) {
        long temp = 0;
        for (int k = 0; k + 1 < levels.size(); k++) {
            PackedMultigrid.Level l = levels.get(k);
            if (l.coarsenR() && l.coarsenZ()) {
                temp = Math.max(temp, 9L * ((l.nR() - 1) / 2 + 1) * l.nZ() * e);
            }
        }
        return temp;
    }

    /** Assembly, per smoothed level its line factors and the Galerkin operator of the next, then the coarsest LU. */
    private static void enqueueKernels(GpuRuntime rt, PackedMultigrid shape, DeviceArrays a) {
        int e = shape.entries();
        List<PackedMultigrid.Level> levels = shape.levels();
        int count = levels.size();
        PackedMultigrid.Level fine = levels.get(0);
        CUdeviceptr[] coef = a.coef();
        rt.launch(Kernels.mgAssemblePaper(fine.nR(), fine.nZ(), e, a.model(), a.dPerp(), a.dAni(), a.tables(), coef[0]),
                fine.nodes() * e, BLOCK, 0);
        for (int k = 0; k + 1 < count; k++) {
            PackedMultigrid.Level l = levels.get(k);
            rt.launch(Kernels.mgLineFactors(l.nR(), l.nZ(), e, coef[k], a.lines()[k], a.status()),
                    (long) (l.nZ() - 2 + l.nR() - 1) * e, BLOCK, 0);
            long coarse = (long) levels.get(k + 1).nodes() * e;
            if (l.coarsenR() && l.coarsenZ()) {
                int nRh = (l.nR() - 1) / 2 + 1;
                rt.launch(Kernels.mgGalerkinHalve(l.nR(), l.nZ(), e, true, coef[k], a.half()),
                        (long) nRh * l.nZ() * e, BLOCK, 0);
                rt.launch(Kernels.mgGalerkinHalve(nRh, l.nZ(), e, false, a.half(), coef[k + 1]), coarse, BLOCK, 0);
            } else {
                rt.launch(Kernels.mgGalerkinHalve(l.nR(), l.nZ(), e, l.coarsenR(), coef[k], coef[k + 1]),
                        coarse, BLOCK, 0);
            }
        }
        PackedMultigrid.Level last = levels.get(count - 1);
        rt.launch(Kernels.mgCoarsestFactor(last.nR(), last.nZ(), e, coef[count - 1], a.band(), a.pivot(), a.status()),
                e, FACTOR_BLOCK, 0);
    }

    /** The first system whose setup met a zero pivot, as the CPU setup names it. */
    private static void checkStatus(CUdeviceptr status, List<int[]> systems) {
        int e = systems.size();
        int[] st = new int[e];
        GpuException.check("downloading the multigrid setup status",
                () -> cuMemcpyDtoH(Pointer.to(st), status, 4L * e));
        for (int b = 0; b < e; b++) {
            if (st[b] != 0) {
                throw new SingularSystemException(systems.get(b)[0], systems.get(b)[1], st[b] == 1
                        ? "zero pivot in a multigrid line factor, GPU setup (mg_line_factors)"
                        : "zero pivot column in the coarsest banded LU, GPU setup (mg_coarsest_factor)");
            }
        }
    }

    /**
     * Gives back every buffer after a failure, once the stream has finished: a kernel already queued may still read or
     * write them. The cleanup's own errors join the failure as suppressed, never replace it.
     */
    private static void releaseAfterFailure(GpuRuntime rt, List<CUdeviceptr> buffers, Throwable failure) {
        Release release = new Release();
        release.run("waiting for the stream before freeing the multigrid setup",
                () -> rt.synchronize("the failed multigrid setup"));
        release.run("the buffers of the multigrid setup", () -> freeAll(rt, buffers));
        try {
            release.throwIfFailed();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** Frees every buffer (each release attempted; the failures thrown together) and forgets them. */
    private static void freeAll(GpuRuntime rt, List<CUdeviceptr> buffers) {
        Release release = new Release();
        for (CUdeviceptr p : buffers) {
            release.run("a buffer of the multigrid setup", () -> rt.free(p));
        }
        buffers.clear();
        release.throwIfFailed();
    }

    private static CUdeviceptr allocate(GpuRuntime rt, List<CUdeviceptr> scratch, long bytes, String what) {
        CUdeviceptr p = rt.allocate(bytes, what);
        scratch.add(p);
        return p;
    }

    private static CUdeviceptr upload(GpuRuntime rt, List<CUdeviceptr> scratch, Pointer data, long bytes, String what) {
        CUdeviceptr p = allocate(rt, scratch, bytes, what);
        GpuException.check("uploading the " + what + " (" + bytes + " bytes)", () -> {
            cuMemcpyHtoD(p, data, bytes);
            cuCtxSynchronize();
        });
        return p;
    }

    private static void memset(GpuRuntime rt, CUdeviceptr p, long bytes) {
        GpuException.check(
                "clearing " + bytes + " bytes of device memory",
                () -> cuMemsetD8Async(p, (byte) 0, bytes, rt.stream()));
    }
}
