package org.anisocr.solver.gpu;

import org.anisocr.field.MagneticField;
import org.anisocr.field.RealisticField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.Stencil;
import org.anisocr.operator.TransportProblem;
import org.anisocr.operator.XStandInField;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.steady.CpuMultigridBatch;
import org.anisocr.source.PulsarSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the inputs of the device multigrid setup (kernels/multigrid_setup.cu, host {@link GpuMultigridSetup}) and the
 * CPU setup's packed hierarchies ({@link CpuMultigridBatch#pack}, the expected output) to a little-endian file that
 * kernels/emu/emulate_multigrid_setup.cpp reads; it runs the mg_assemble_paper, mg_line_factors, mg_galerkin_halve and
 * mg_coarsest_factor kernels compiled as C++ and compares bit for bit. Also the problem set of GpuMultigridSetupTest.
 * Usage: ... org.anisocr.solver.gpu.MultigridSetupEmulationExport CASE FILE   (CASE: family, semi-z, semi-r, random,
 * singular)
 *
 * <p>File: int E, tables, levels; per level int nR, nZ, coarsenR, coarsenZ; int n, kl, ku, radialFastest, bandLength
 * (the shape of {@link CpuMultigridBatch#shape}); per system int table number, then double D⊥, then double D∥ − D⊥
 * ({@link GpuMultigridSetup.Inputs}); every table as the device holds it ({@link CoefficientTables#flatten}); then the
 * expected hierarchy: per level its coefficients (9·nodes·E) and line factors (4·nodes·E, none on the coarsest), the
 * band (bandLength·E), the pivots (int, n·E), and the status of every system (int: 0, or 1 / 2 where the Java setup
 * throws in a line factor / the coarsest LU; that system's values are then zeros, not compared).
 */
public final class MultigridSetupEmulationExport {
    /** A case: the models and the systems ({model, bin}, in batch order) of one setup. */
    public record Case(List<TransportProblem> models, List<int[]> systems) {
        public int entries() { return systems.size(); }

        /** The paper operator's matrix of every system (what the CPU setup starts from). */
        public List<NinePointMatrix> matrices() {
            List<NinePointMatrix> out = new ArrayList<>();
            for (int[] mk : systems) {
                out.add(new PaperSteadyOperator(models.get(mk[0])).matrix(mk[1]));
            }
            return out;
        }
    }

    static TransportProblem galaxy(MagneticField f, double epsD, int nR, int nZ, int bins) {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, nR, nZ);
        return new TransportProblem(
                g,
                new MomentumGrid(1, 1e4, bins),
                new DiffusionTensor(0.033143, 0.3, 0.5, epsD, 1),
                f,
                new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
    }

    /**
     * <ul>
     *   <li>family: two models on 81×33 (3 levels, both directions halved: 81×33 → 41×17 → 21×9), realistic field
     *       (εD = 0.01) and the X-field stand-in (εD = 0.001), 6 bins each; the systems are bins 3.. of the first model
     *       and all of the second (a wave that starts inside a model), E = 9.</li>
     *   <li>semi-z: uniform field tilted by 45°, εD = 0.001, 65×30: z is never halved (65×30 → 33×30 → 17×30; coarsest
     *       numbered along R first); 37 bins (E not a multiple of 32).</li>
     *   <li>semi-r: realistic field on 40×65: R is never halved (40×65 → 40×33 → 40×17 → 40×9), two models sharing
     *       one coefficient table (εD = 0.01 and 0.1), 3 bins each.</li>
     *   <li>random: 41×21 (41×21 → 21×11), 4 bins, the tables {@link #scramble}d: row interchanges in the coarsest
     * LU.</li>
     *   <li>singular: 41×21, a model and a copy whose tables are all zero (a zero pivot in its first line factor),
     *       their bins alternating: the status names exactly the systems of the second, the others are set up as
     * usual.</li>
     * </ul>
     */
    public static Case of(String which) {
        return switch (which) {
            case "family" -> {
                List<TransportProblem> models = List.of(
                        galaxy(RealisticField.standard(), 0.01, 81, 33, 6),
                        galaxy(new XStandInField(4.6, 49, 1.0), 0.001, 81, 33, 6));
                List<int[]> systems = new ArrayList<>();
                for (int k = 3; k < 6; k++) {
                    systems.add(new int[] {0, k});
                }
                for (int k = 0; k < 6; k++) {
                    systems.add(new int[] {1, k});
                }
                yield new Case(models, systems);
            }
            case "semi-z" -> {
                SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 65, 30);
                TransportProblem p = new TransportProblem(
                        g,
                        new MomentumGrid(1, 1e4, 37),
                        new DiffusionTensor(0.033143, 0.3, 0.5, 0.001, 1),
                        new UniformField(10, 0, 10),
                        new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
                yield new Case(List.of(p), all(List.of(p)));
            }
            case "semi-r" -> {
                TransportProblem a = galaxy(RealisticField.standard(), 0.01, 40, 65, 3);
                TransportProblem b = new TransportProblem(
                        a.momenta(),
                        new DiffusionTensor(0.033143, 0.3, 0.5, 0.1, 1),
                        a.coefficients(),
                        new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
                yield new Case(List.of(a, b), all(List.of(a, b)));
            }
            case "random" -> {
                TransportProblem p = galaxy(RealisticField.standard(), 0.01, 41, 21, 4);
                scramble(p.coefficients(), 13);
                yield new Case(List.of(p), all(List.of(p)));
            }
            case "singular" -> {
                TransportProblem good = galaxy(RealisticField.standard(), 0.01, 41, 21, 3);
                TransportProblem bad = galaxy(RealisticField.standard(), 0.01, 41, 21, 3);
                for (double[][] table : List.of(
                        bad.coefficients().isotropicTable(), bad.coefficients().anisotropicTable())) {
                    for (double[] row : table) {
                        Arrays.fill(row, 0);
                    }
                }
                List<int[]> systems = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    systems.add(new int[] {0, k});
                    systems.add(new int[] {1, k});
                }
                yield new Case(List.of(good, bad), systems);
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown case " + which + " (family, semi-z, semi-r, random, singular)");
        };
    }

    /**
     * Overwrites a model's coefficient tables (in place: the arrays are the model's own) with random values: the
     * centres in [0.1, 0.5], every other row in [−1, 1]. The paper operator built from them keeps its structure
     * (boundaries, axis row, mixed-term signs) but is far from diagonally dominant, so that the coarsest LU
     * interchanges rows, which the physical cases never make it do.
     */
    static void scramble(OperatorCoefficients c, long seed) {
        Random rnd = new Random(seed);
        for (double[][] table : List.of(c.isotropicTable(), c.anisotropicTable())) {
            for (Stencil t : Stencil.values()) {
                for (int idx = 0; idx < table[t.ordinal()].length; idx++) {
                    table[t.ordinal()][idx] = t == Stencil.R_CENTRE || t == Stencil.Z_CENTRE
                            ? 0.05 + 0.2 * rnd.nextDouble() : 2 * rnd.nextDouble() - 1;
                }
            }
        }
    }

    static List<int[]> all(List<TransportProblem> models) {
        List<int[]> systems = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            for (int k = 0; k < models.get(m).bins(); k++) {
                systems.add(new int[]{m, k});
            }
        }
        return systems;
    }

    public static void main(String[] args) throws IOException {
        Case c = of(args[0]);
        int e = c.entries();
        GpuMultigridSetup.Inputs in = GpuMultigridSetup.Inputs.of(c.models(), c.systems());
        SpatialGrid fine = c.models().get(0).grid();
        PackedMultigrid shape = CpuMultigridBatch.shape(fine, e);
        // the status the Java setup gives each system (1: a line factor's zero pivot, 2: a singular coarsest LU), and
        // the packed hierarchies of the others, scattered to their places (zeros where a system failed)
        List<NinePointMatrix> matrices = c.matrices();
        int[] status = new int[e];
        List<NinePointMatrix> good = new ArrayList<>();
        List<Integer> goodIndex = new ArrayList<>();
        for (int b = 0; b < e; b++) {
            try {
                // built only to learn whether this system's setup succeeds
                new CpuMultigridBatch(List.of(matrices.get(b)), 1).close();
                good.add(matrices.get(b));
                goodIndex.add(b);
            } catch (ArithmeticException failed) {
                String why = ""; // the fork-join pool rethrows a copy of the exception, the original as its cause
                for (Throwable t = failed; t != null; t = t.getCause()) {
                    why += " " + t.getMessage();
                }
                status[b] = why.contains("line solve") ? 1 : 2;
            }
        }
        PackedMultigrid packed;
        try (CpuMultigridBatch cpu = new CpuMultigridBatch(good, 2)) {
            packed = scatter(cpu.pack(), goodIndex, e);
        }
        MultigridEmulationExport.Out out = new MultigridEmulationExport.Out();
        out.ints(e, in.tables().size(), shape.levels().size());
        for (PackedMultigrid.Level l : shape.levels()) {
            out.ints(l.nR(), l.nZ(), l.coarsenR() ? 1 : 0, l.coarsenZ() ? 1 : 0);
        }
        PackedMultigrid.Coarsest s = shape.coarsest();
        out.ints(s.n(), s.kl(), s.ku(), s.radialFastest() ? 1 : 0, s.ld() * s.n());
        out.ints(in.model()).doubles(in.dPerp()).doubles(in.dAni());
        OperatorCoefficients[] byNumber = new OperatorCoefficients[in.tables().size()];
        for (Map.Entry<OperatorCoefficients, Integer> t : in.tables().entrySet()) {
            byNumber[t.getValue()] = t.getKey();
        }
        for (OperatorCoefficients t : byNumber) {
            out.doubles(CoefficientTables.flatten(t, fine.size()));
        }
        for (PackedMultigrid.Level l : packed.levels()) {
            out.doubles(l.coefficients()).doubles(l.lineFactors());
        }
        out.doubles(packed.coarsest().band()).ints(packed.coarsest().pivot()).ints(status);
        out.write(Path.of(args[1]));
    }

    /** The packed hierarchies of some systems (packed.entries() of them) placed as systems index.get(b') of e. */
    static PackedMultigrid scatter(PackedMultigrid packed, List<Integer> index, int e) {
        if (packed.entries() == e) {
            return packed;
        }
        List<PackedMultigrid.Level> levels = new ArrayList<>();
        for (PackedMultigrid.Level l : packed.levels()) {
            levels.add(new PackedMultigrid.Level(
                    l.nR(),
                    l.nZ(),
                    scatter(l.coefficients(), index, e),
                    scatter(l.lineFactors(), index, e),
                    l.coarsenR(),
                    l.coarsenZ()));
        }
        PackedMultigrid.Coarsest c = packed.coarsest();
        int[] piv = new int[c.pivot().length / index.size() * e];
        for (int q = 0; q < c.pivot().length; q++) {
            piv[q / index.size() * e + index.get(q % index.size())] = c.pivot()[q];
        }
        return new PackedMultigrid(
                e,
                List.copyOf(levels),
                new PackedMultigrid.Coarsest(
                        c.n(), c.kl(), c.ku(), c.radialFastest(), scatter(c.band(), index, e), piv));
    }

    private static double[] scatter(double[] v, List<Integer> index, int e) {
        double[] out = new double[v.length / index.size() * e];
        for (int q = 0; q < v.length; q++) {
            out[q / index.size() * e + index.get(q % index.size())] = v[q];
        }
        return out;
    }
}
