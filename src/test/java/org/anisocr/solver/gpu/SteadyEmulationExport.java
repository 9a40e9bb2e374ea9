package org.anisocr.solver.gpu;

import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.RealisticField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.PulsarSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Developer tool for machines without a GPU (kernels/emu/run.sh, not CI): writes steady problems (several
 * models × bins), the Java direct solution ({@link DirectSteadySolver}) and its relative residual to a
 * little-endian file that kernels/emu/emulate_steady.cpp reads, runs kernel steady_band_lu compiled as C++
 * and compares. Also the problem set of {@code GpuSteadySolverTest}.
 * Usage: ... org.anisocr.solver.gpu.SteadyEmulationExport CASE FILE   (CASE: toy, p3, p3-61, realistic, tilted, random,
 * family)
 */
public final class SteadyEmulationExport {

    /** The test problems by name (shared with GpuSteadySolverTest). */
    public static List<TransportProblem> problems(String which) {
        MomentumGrid p = new MomentumGrid(1, 100, 3);
        TransportProblem p3 = p3(31, p);
        return switch (which) {
            // 25×31: nR − 1 ≤ nZ − 2, so the unknowns are numbered along R first (the other branch than the cases
            // below)
            case "toy" -> List.of(toy(new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 25, 31), p));
            case "p3" -> List.of(p3);
            case "p3-61" -> List.of(p3(61, new MomentumGrid(1, 100, 2)));
            // realistic field (Pshirkov + JF12 X), εD = 0.01, a coarse 41×33 grid of the 20 × 4 kpc box: nR > nZ,
            // numbered along z first
            case "realistic" ->
                List.of(new TransportProblem(
                        new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 41, 33),
                        new MomentumGrid(1, 1e4, 2),
                        new DiffusionTensor(0.033143, 0.3, 0.5, 0.01, 1),
                        RealisticField.standard(),
                        new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1)));
            // uniform field tilted by 45° (B_φ = 0), εD = 0.001: strongest mixed term, the matrix is far from an
            // M-matrix and partial pivoting interchanges rows (exercises the swap path and the fill-in bound ju)
            case "tilted" ->
                List.of(new TransportProblem(
                        new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 31, 27),
                        p,
                        new DiffusionTensor(0.033143, 0.3, 0.5, 0.001, 1),
                        new UniformField(10, 0, 10),
                        new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1)));
            // the toy problem with its coefficient tables overwritten by random numbers in [−1, 1] (seeded): no
            // diagonal dominance at all, so partial pivoting interchanges rows in most columns and the fill-in
            // reaches ju = j + kl + ku; the Java reference factors the same (randomised) operator
            case "random" -> {
                TransportProblem t = toy(new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 31, 27), p);
                Random rnd = new Random(6);
                for (double[][] table : new double[][][] {
                    t.coefficients().isotropicTable(), t.coefficients().anisotropicTable()
                }) {
                    for (double[] row : table) {
                        for (int q = 0; q < row.length; q++) {
                            row[q] = 2 * rnd.nextDouble() - 1;
                        }
                    }
                }
                yield List.of(t);
            }
            // two models with different fields: two coefficient tables, per-entry table offsets
            case "family" -> List.of(p3, toy(p3.grid(), p));
            default -> throw new IllegalArgumentException(which);
        };
    }

    static TransportProblem toy(SpatialGrid g, MomentumGrid p) {
        return new TransportProblem(g, p, new DiffusionTensor(0.033143, 0.3, 0.5, 0.01, 1), new ToyField(1, 3.5, 0.5),
                new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
    }

    static TransportProblem p3(int n, MomentumGrid p) {
        // docs/physics.md §5 P3: Rmax = 2H = 4 kpc, B_R = B0/2, B_z = B∞ + B0 exp(−r²/LB²), εD = 0.05
        return new TransportProblem(
                new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, n, n),
                p,
                new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
                new GaussianBumpField(10, 1e-3, 2),
                new ManufacturedSource());
    }

    public static void main(String[] args) throws IOException {
        List<TransportProblem> models = problems(args[0]);
        SpatialGrid grid = models.get(0).grid();
        int nodes = grid.size();
        int entries = models.stream().mapToInt(TransportProblem::bins).sum();
        double[][] ref = new double[entries][];
        double[] residual = new double[entries];
        int b = 0;
        for (TransportProblem problem : models) {
            double[][] direct = new DirectSteadySolver(problem, 1).solve();
            for (int k = 0; k < problem.bins(); k++, b++) {
                ref[b] = direct[k];
                residual[b] = DiscreteOperator.relativeResidual(problem, k, direct[k]);
            }
        }
        EmulationFile f = new EmulationFile(
                models, 64 + entries * 24 + models.size() * 14 * nodes * 8 + 2 * nodes * entries * 8 + entries * 8);
        f.buffer().putInt(grid.nR()).putInt(grid.nZ()).putInt(entries).putInt(f.tables());
        f.putEntriesAndTables().putInterleaved(f.sources(), ref).putDoubles(residual).write(Path.of(args[1]));
    }
}
