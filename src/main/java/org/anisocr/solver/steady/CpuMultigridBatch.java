package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.PackedMultigrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The setup phase of batched mg-gmres and the Java reference of its solve phase: one {@link MultigridHierarchy}
 * per system (built on the CPU, in parallel), every operation of {@link MultigridBatchOps} done system by system
 * with the same classes the one-bin CPU solver uses ({@link ZebraLineRelaxation}, {@link GridTransfer},
 * {@link NinePointMatrix}, {@link BandedFactorisation}). {@link #pack} hands the hierarchies to a device backend
 * in the interleaved layout of {@link PackedMultigrid}. A vector is {@code double[E][nodes]}.
 */
public final class CpuMultigridBatch implements MultigridBatchOps<double[][]> {
    private final List<MultigridHierarchy> h;
    private final int entries;
    private final int levels;
    private final ForkJoinPool pool;

    /**
     * Builds the hierarchy of every system (all on one grid).
     * @param threads CPU threads for the setup and the operations (0 = all processors)
     */
    public CpuMultigridBatch(List<NinePointMatrix> systems, int threads) {
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("no systems in the multigrid batch");
        }
        int nR = systems.get(0).grid().nR();
        int nZ = systems.get(0).grid().nZ();
        for (NinePointMatrix m : systems) {
            if (m.grid().nR() != nR || m.grid().nZ() != nZ) {
                throw new IllegalArgumentException("all systems of a multigrid batch need one grid size: " + nR + "x"
                        + nZ + " vs " + m.grid().nR() + "x" + m.grid().nZ());
            }
        }
        entries = systems.size();
        pool = new ForkJoinPool(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        MultigridHierarchy[] built = new MultigridHierarchy[entries];
        try {
            each(b -> built[b] = new MultigridHierarchy(systems.get(b)));
        } catch (RuntimeException e) {
            pool.shutdown();
            throw e;
        }
        h = List.of(built);
        levels = h.get(0).levels();
    }

    /** Grid levels, e.g. "201×81 → 101×41 → 51×21 → 26×11 (banded LU)". */
    public String describe() { return h.get(0).describe(); }

    @Override public int entries() { return entries; }
    @Override public int levels() { return levels; }
    @Override public int nodes(int level) { return h.get(0).grid(level).size(); }

    @Override public double[][] vector(int level) { return new double[entries][nodes(level)]; }

    @Override public double[][] block(int count) { return new double[count * entries][nodes(0)]; }

    @Override
    public double[][] member(double[][] block, int i) {
        return Arrays.copyOfRange(block, i * entries, (i + 1) * entries);
    }

    @Override public void zero(double[][] x) {
        for (double[] v : x) {
            Arrays.fill(v, 0);
        }
    }

    @Override public void copy(double[][] from, double[][] to) {
        for (int b = 0; b < entries; b++) {
            System.arraycopy(from[b], 0, to[b], 0, from[b].length);
        }
    }

    @Override public void upload(double[][] values, double[][] x) { copy(values, x); }

    @Override public double[][] download(double[][] x) {
        double[][] out = new double[entries][];
        for (int b = 0; b < entries; b++) {
            out[b] = x[b].clone();
        }
        return out;
    }

    @Override public void relax(int level, boolean alongR, int parity, double[][] f, double[][] x) {
        each(b -> (alongR ? h.get(b).alongR : h.get(b).alongZ).get(level).halfSweep(f[b], x[b], null, parity));
    }

    @Override public void residual(int level, double[][] f, double[][] x, double[][] r) {
        each(b -> MultigridPreconditioner.residual(h.get(b).operators.get(level), f[b], x[b], r[b]));
    }

    @Override public void applyA(double[][] z, double[][] w) {
        each(b -> {
            h.get(b).operators.get(0).apply(z[b], w[b]);
            double[] v = w[b];
            for (int q = 0; q < v.length; q++) {
                v[q] = -v[q];
            }
        });
    }

    @Override public void restrict(int level, double[][] rFine, double[][] fCoarse) {
        each(b -> h.get(b).transfers.get(level).restrict(rFine[b], fCoarse[b]));
    }

    @Override public void prolongAdd(int level, double[][] xCoarse, double[][] xFine) {
        each(b -> h.get(b).transfers.get(level).prolongAdd(xCoarse[b], xFine[b]));
    }

    @Override public void coarsestSolve(double[][] f, double[][] x) { each(b -> h.get(b).coarsest.solve(f[b], x[b])); }

    @Override public double[][] dots(double[][] basis, int count, double[][] w) {
        double[][] d = new double[count][entries];
        each(b -> {
            for (int i = 0; i < count; i++) {
                d[i][b] = FlexibleGmres.dot(basis[i * entries + b], w[b]);
            }
        });
        return d;
    }

    @Override public void combine(double[][] basis, int count, double[][] coefficients, double[][] y) {
        each(b -> {
            double[] yb = y[b];
            for (int q = 0; q < yb.length; q++) {
                double sum = yb[q];
                for (int i = 0; i < count; i++) {
                    sum += coefficients[i][b] * basis[i * entries + b][q];
                }
                yb[q] = sum;
            }
        });
    }

    @Override public void scale(double[][] x, double[] factors) {
        each(b -> {
            double[] v = x[b];
            double s = factors[b];
            for (int q = 0; q < v.length; q++) {
                v[q] *= s;
            }
        });
    }

    @Override public void close() { pool.shutdown(); }

    private void each(IntConsumer perSystem) {
        pool.submit(() -> IntStream.range(0, entries).parallel().forEach(perSystem)).join();
    }

    /** The hierarchies in the interleaved device layout (value of system b at idx·E + b). */
    public PackedMultigrid pack() {
        int e = entries;
        List<PackedMultigrid.Level> out = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            int level = k;
            var grid = h.get(0).grid(k);
            int nodes = grid.size();
            double[] coef = new double[9 * nodes * e];
            boolean smoothed = k < levels - 1;
            double[] lines = new double[smoothed ? 4 * nodes * e : 0];
            each(b -> {
                MultigridHierarchy hb = h.get(b);
                NinePointMatrix m = hb.operators.get(level);
                for (int p = 0; p < 9; p++) {
                    interleave(m.coefficients(p % 3 - 1, p / 3 - 1), coef, p * nodes, e, b);
                }
                if (smoothed) {
                    TridiagonalLines r = hb.alongR.get(level).lines();
                    TridiagonalLines z = hb.alongZ.get(level).lines();
                    interleave(r.inv, lines, 0, e, b);
                    interleave(r.c, lines, nodes, e, b);
                    interleave(z.inv, lines, 2 * nodes, e, b);
                    interleave(z.c, lines, 3 * nodes, e, b);
                }
            });
            boolean cr = smoothed && h.get(0).transfers.get(k).coarsenR;
            boolean cz = smoothed && h.get(0).transfers.get(k).coarsenZ;
            out.add(new PackedMultigrid.Level(grid.nR(), grid.nZ(), coef, lines, cr, cz));
        }
        BandedLu lu0 = h.get(0).coarsest.lu();
        int n = lu0.rows();
        int band = lu0.band().length;
        double[] ab = new double[band * e];
        int[] piv = new int[n * e];
        each(b -> {
            BandedLu lu = h.get(b).coarsest.lu();
            interleave(lu.band(), ab, 0, e, b);
            int[] p = lu.pivots();
            for (int j = 0; j < n; j++) {
                piv[j * e + b] = p[j];
            }
        });
        var coarsest = new PackedMultigrid.Coarsest(
                n, lu0.lowerBandwidth(), lu0.upperBandwidth(), h.get(0).coarsest.radialFastest(), ab, piv);
        return new PackedMultigrid(e, List.copyOf(out), coarsest);
    }

    /**
     * The shape of the packed hierarchies of E systems on this fine grid, without building them: the level grids and
     * coarsening flags ({@link MultigridHierarchy}'s rule) and the coarsest numbering ({@link BandedFactorisation}'s),
     * every array empty. What a device that builds the hierarchies itself is told.
     */
    public static PackedMultigrid shape(SpatialGrid fine, int entries) {
        List<SpatialGrid> grids = MultigridHierarchy.gridsFor(fine);
        List<PackedMultigrid.Level> levels = new ArrayList<>();
        for (int k = 0; k < grids.size(); k++) {
            SpatialGrid g = grids.get(k);
            boolean smoothed = k < grids.size() - 1;
            levels.add(new PackedMultigrid.Level(g.nR(), g.nZ(), new double[0], new double[0],
                    smoothed && GridTransfer.coarsenable(g.nR()), smoothed && GridTransfer.coarsenable(g.nZ())));
        }
        SpatialGrid c = grids.get(grids.size() - 1);
        int nI = c.nR() - 1;
        int nJ = c.nZ() - 2;
        int bw = Math.min(nI, nJ) + 1;
        return new PackedMultigrid(
                entries,
                List.copyOf(levels),
                new PackedMultigrid.Coarsest(nI * nJ, bw, bw, nI <= nJ, new double[0], new int[0]));
    }

    /** out[(offset + idx)·E + b] = v[idx]. */
    private static void interleave(double[] v, double[] out, int offset, int e, int b) {
        for (int idx = 0; idx < v.length; idx++) {
            out[(offset + idx) * e + b] = v[idx];
        }
    }
}
