package org.anisocr.solver.gpu;

import org.anisocr.field.RealisticField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.steady.CpuMultigridBatch;
import org.anisocr.solver.steady.SchemeSteadySolver;
import org.anisocr.source.PulsarSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the batched mg-gmres hierarchies of a few systems ({@link CpuMultigridBatch#pack}, the device layout), random
 * inputs and the Java reference's output of every {@link org.anisocr.solver.MultigridBatchOps} operation to a
 * little-endian file that kernels/emu/emulate_multigrid.cpp reads; it runs the mg_* kernels compiled as C++ and
 * compares. Also the problem set of {@code GpuMultigridBatchTest}.
 * Usage: ... org.anisocr.solver.gpu.MultigridEmulationExport CASE FILE   (CASE: realistic, semi-z, semi-r, random)
 *
 * <p>File: int E, levels; per level int nR, nZ, coarsenR, coarsenZ; int n, kl, ku, radialFastest, bandLength;
 * per level its coefficients (9·nodes·E) and line factors (4·nodes·E, not on the coarsest); band (bandLength·E),
 * pivots (int, n·E); then per level the inputs f, x and the Java outputs (interleaved vectors, see {@link #main});
 * then the finest-level GMRES operations.
 */
public final class MultigridEmulationExport {
    /** Krylov vectors in the dots/combine check. */
    static final int COUNT = 3;

    /**
     * The systems of a case: every bin of every model (paper's scheme, or the symmetric one where said), one grid.
     * <ul>
     *   <li>realistic: realistic field (Pshirkov + JF12 X), εD = 0.01, 81×41 (3 levels: 81×41 → 41×21 → 21×11), 3 bins;
     *       coarsest unknowns numbered along z first.</li>
     *   <li>semi-z: uniform field tilted by 45°, εD = 0.001 (strongest mixed term), 65×30: nZ − 1 odd, so z is never
     *       halved (65×30 → 33×30 → 17×30, numbered along R first); 37 bins (E not a multiple of 32).</li>
     *   <li>semi-r: two models, realistic (paper's scheme) and tilted (symmetric scheme), 3 bins each, on 40×65: R is
     *       never halved (40×65 → 40×33 → 40×17 → 40×9).</li>
     *   <li>random: 5 {@link #randomOperator}s on 25×21 (≤ 600 nodes: one level, the banded LU only): the row
     *       interchanges of the coarsest solve.</li>
     * </ul>
     */
    public static List<NinePointMatrix> systems(String which) {
        DiffusionTensor realisticTensor = new DiffusionTensor(0.033143, 0.3, 0.5, 0.01, 1);
        DiffusionTensor tiltedTensor = new DiffusionTensor(0.033143, 0.3, 0.5, 0.001, 1);
        PulsarSource pulsars = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        return switch (which) {
            case "realistic" ->
                matrices(
                        new TransportProblem(
                                new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 81, 41),
                                new MomentumGrid(1, 1e4, 3),
                                realisticTensor,
                                RealisticField.standard(),
                                pulsars),
                        Scheme.PAPER);
            case "semi-z" ->
                matrices(
                        new TransportProblem(
                                new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 65, 30),
                                new MomentumGrid(1, 1e4, 37),
                                tiltedTensor,
                                new UniformField(10, 0, 10),
                                pulsars),
                        Scheme.PAPER);
            case "semi-r" -> {
                SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 40, 65);
                List<NinePointMatrix> all = new ArrayList<>(matrices(
                        new TransportProblem(
                                g, new MomentumGrid(1, 1e4, 3), realisticTensor, RealisticField.standard(), pulsars),
                        Scheme.PAPER));
                all.addAll(matrices(
                        new TransportProblem(
                                g, new MomentumGrid(1, 1e4, 3), tiltedTensor, new UniformField(10, 0, 10), pulsars),
                        Scheme.SYMMETRIC));
                yield all;
            }
            case "random" -> {
                SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 25, 21);
                List<NinePointMatrix> all = new ArrayList<>();
                for (int b = 0; b < 5; b++) {
                    all.add(randomOperator(g, 100 + b));
                }
                yield all;
            }
            default ->
                throw new IllegalArgumentException("unknown case " + which + " (realistic, semi-z, semi-r, random)");
        };
    }

    /**
     * A random 9-point operator with the structure of a real one (zero Dirichlet rows and couplings, none left of
     * the axis) but far from diagonally dominant: centre −(0.1 + 0.4 U), off-centre couplings uniform in [−1, 1], so
     * that partial pivoting of the banded LU interchanges rows in most columns, which the (Galerkin) coarsest
     * operators of the physical cases never make it do.
     */
    static NinePointMatrix randomOperator(SpatialGrid g, long seed) {
        Random rnd = new Random(seed);
        NinePointMatrix m = new NinePointMatrix(g);
        for (int b = -1; b <= 1; b++) {
            for (int a = -1; a <= 1; a++) {
                double[] c = m.coefficients(a, b);
                boolean centre = a == 0 && b == 0;
                for (int q = 0; q < c.length; q++) {
                    c[q] = centre ? -0.1 - 0.4 * rnd.nextDouble() : 2 * rnd.nextDouble() - 1;
                }
            }
        }
        m.clearBoundaries();   // Dirichlet rows, couplings to Dirichlet nodes and left of the axis: zero
        return m;
    }

    private static List<NinePointMatrix> matrices(TransportProblem p, Scheme scheme) {
        SteadyOperator op = SchemeSteadySolver.operator(p, scheme);
        List<NinePointMatrix> out = new ArrayList<>();
        for (int k = 0; k < op.bins(); k++) {
            out.add(op.matrix(k));
        }
        return out;
    }

    /** A random vector of E systems on an nR × nZ level, zero on the Dirichlet nodes (as every vector of the solve). */
    static double[][] randomVector(Random rnd, int entries, int nR, int nZ) {
        double[][] v = new double[entries][nR * nZ];
        for (double[] x : v) {
            for (int j = 1; j < nZ - 1; j++) {
                for (int i = 0; i < nR - 1; i++) {
                    x[j * nR + i] = rnd.nextGaussian();
                }
            }
        }
        return v;
    }

    static double[][] copy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int b = 0; b < v.length; b++) {
            c[b] = v[b].clone();
        }
        return c;
    }

    /**
     * Order of the vectors after the hierarchy (every vector interleaved, [idx·E + b]):
     * per level ℓ: f, x (random inputs); if ℓ is not the coarsest: x after relax(alongR, parity 0), (alongR, 1),
     * (alongZ, 0), (alongZ, 1), each from x; the residual f + L x; restrict(ℓ) of f (a coarse vector); x + P x_{ℓ+1}
     * (prolongAdd of the next level's x); on the coarsest: its solve of f. Then on the finest: w = A x₀;
     * COUNT basis vectors (one block); the dots ⟨basis_i, x₀⟩ ([i·E + b]); the combine coefficients ([i·E + b]) and
     * x₀ + Σ coefficients·basis; the scale factors (E) and x₀ scaled.
     */
    // Long on purpose: it writes the vectors in exactly the order the C emulator reads them (kernels/emu), listed
    // above; one straight sequence keeps that order visible, and splitting it would hide it.
    @SuppressWarnings("checkstyle:MethodLength")
    public static void main(String[] args) throws IOException {
        List<NinePointMatrix> systems = systems(args[0]);
        Random rnd = new Random(13);
        Out out = new Out();
        try (CpuMultigridBatch cpu = new CpuMultigridBatch(systems, 2)) {
            PackedMultigrid packed = cpu.pack();
            int e = packed.entries();
            int levels = packed.levels().size();
            out.ints(e, levels);
            for (PackedMultigrid.Level l : packed.levels()) {
                out.ints(l.nR(), l.nZ(), l.coarsenR() ? 1 : 0, l.coarsenZ() ? 1 : 0);
            }
            PackedMultigrid.Coarsest c = packed.coarsest();
            out.ints(c.n(), c.kl(), c.ku(), c.radialFastest() ? 1 : 0, c.band().length / e);
            for (PackedMultigrid.Level l : packed.levels()) {
                out.doubles(l.coefficients()).doubles(l.lineFactors());
            }
            out.doubles(c.band()).ints(c.pivot());

            double[][][] f = new double[levels][][];
            double[][][] x = new double[levels][][];
            for (int k = 0; k < levels; k++) {
                PackedMultigrid.Level l = packed.levels().get(k);
                f[k] = randomVector(rnd, e, l.nR(), l.nZ());
                x[k] = randomVector(rnd, e, l.nR(), l.nZ());
            }
            for (int k = 0; k < levels; k++) {
                out.vector(f[k]).vector(x[k]);
                if (k < levels - 1) {
                    for (boolean alongR : new boolean[]{true, false}) {
                        for (int parity = 0; parity < 2; parity++) {
                            double[][] y = copy(x[k]);
                            cpu.relax(k, alongR, parity, f[k], y);
                            out.vector(y);
                        }
                    }
                    double[][] r = cpu.vector(k);
                    cpu.residual(k, f[k], x[k], r);
                    out.vector(r);
                    double[][] fc = cpu.vector(k + 1);
                    cpu.restrict(k, f[k], fc);
                    out.vector(fc);
                    double[][] xf = copy(x[k]);
                    cpu.prolongAdd(k, x[k + 1], xf);
                    out.vector(xf);
                } else {
                    double[][] y = cpu.vector(k);
                    cpu.coarsestSolve(f[k], y);
                    out.vector(y);
                }
            }
            int nR = packed.finest().nR();
            int nZ = packed.finest().nZ();
            double[][] w = cpu.vector(0);
            cpu.applyA(x[0], w);
            out.vector(w);
            double[][] basis = cpu.block(COUNT);
            for (int i = 0; i < COUNT; i++) {
                double[][] v = randomVector(rnd, e, nR, nZ);
                // an offset along x₀ keeps the dots well away from zero (a relative comparison means something)
                for (int b = 0; b < e; b++) {
                    for (int q = 0; q < v[b].length; q++) {
                        v[b][q] += 0.5 * x[0][b][q];
                    }
                }
                cpu.upload(v, cpu.member(basis, i));
                out.vector(v);
            }
            double[][] dots = cpu.dots(basis, COUNT, x[0]);
            for (double[] d : dots) {
                out.doubles(d);
            }
            double[][] coefficients = new double[COUNT][e];
            for (double[] row : coefficients) {
                for (int b = 0; b < e; b++) {
                    row[b] = rnd.nextGaussian();
                }
            }
            double[][] y = copy(x[0]);
            cpu.combine(basis, COUNT, coefficients, y);
            for (double[] row : coefficients) {
                out.doubles(row);
            }
            out.vector(y);
            double[] factors = new double[e];
            for (int b = 0; b < e; b++) {
                factors[b] = 1 / (1 + rnd.nextDouble());
            }
            double[][] s = copy(x[0]);
            cpu.scale(s, factors);
            out.doubles(factors).vector(s);
            System.out.println(args[0] + ": " + e + " systems, " + cpu.describe());
        }
        out.write(Path.of(args[1]));
    }

    /** Little-endian writer (also MultigridSetupEmulationExport's). */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out ints(int... v) {
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int x : v) {
                b.putInt(x);
            }
            bytes.writeBytes(b.array());
            return this;
        }

        Out doubles(double... v) {
            ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double x : v) {
                b.putDouble(x);
            }
            bytes.writeBytes(b.array());
            return this;
        }

        /** [b][idx] written interleaved, [idx·E + b]. */
        Out vector(double[][] v) {
            int e = v.length;
            int n = v[0].length;
            double[] all = new double[n * e];
            for (int b = 0; b < e; b++) {
                for (int idx = 0; idx < n; idx++) {
                    all[idx * e + b] = v[b][idx];
                }
            }
            return doubles(all);
        }

        void write(Path file) throws IOException { Files.write(file, bytes.toByteArray()); }
    }
}
