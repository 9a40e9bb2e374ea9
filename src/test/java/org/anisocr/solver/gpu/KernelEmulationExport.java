package org.anisocr.solver.gpu;

import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.source.GreenPulse;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.PulsarSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Developer tool for machines without a GPU (used by kernels/emu/run.sh, not by CI): writes a problem,
 * its CPU-reference state after some steps, the change and the residuals to a little-endian binary file
 * that kernels/emu/emulate.cpp reads, runs through the CUDA kernels compiled as plain C++, and compares.
 * Usage: java -cp target/classes:target/test-classes:... org.anisocr.solver.gpu.KernelEmulationExport CASE FILE
 */
public final class KernelEmulationExport {
    public static void main(String[] args) throws IOException {
        String which = args[0];
        SpatialGrid grid =
                new SpatialGrid(which.equals("g2") ? Geometry.CARTESIAN : Geometry.CYLINDRICAL, 4, 2, 31, 27);
        MomentumGrid p = new MomentumGrid(1, 100, 3);
        TransportProblem toy = new TransportProblem(
                grid,
                p,
                new DiffusionTensor(0.033143, 0.3, 0.5, 0.1, 1),
                new ToyField(1, 3.5, 0.5),
                new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
        TransportProblem p3 = new TransportProblem(
                grid,
                p,
                new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
                new GaussianBumpField(10, 1e-3, 2),
                new ManufacturedSource());
        List<TransportProblem> models =
                switch (which) {
                    case "toy" -> List.of(toy);
                    case "p3" -> List.of(p3);
                    case "g2" ->
                        List.of(new TransportProblem(
                                grid,
                                p,
                                new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
                                new UniformField(10, 0, 10),
                                new GreenPulse(2, 0, 0)));
                    // two models with different fields, hence two coefficient tables: exercises the per-entry table
                    // offset
                    case "family" -> List.of(p3, toy);
                    default -> throw new IllegalArgumentException(which);
                };
        double dt = 0.01;
        int steps = 20;
        int entries = models.stream().mapToInt(TransportProblem::bins).sum();
        double change = 0;
        double[][] n0 = new double[entries][];
        double[][] ref = new double[entries][];
        double[] residual = new double[entries];
        int b = 0;
        for (TransportProblem problem : models) {
            double[][] init = problem.initialDensity();
            try (CpuSplitStepper cpu = new CpuSplitStepper(problem, 1)) {
                change = Math.max(change, cpu.advance(dt, steps));
                double[][] state = cpu.state();
                for (int k = 0; k < problem.bins(); k++, b++) {
                    n0[b] = init[k];
                    ref[b] = state[k];
                    residual[b] = DiscreteOperator.relativeResidual(problem, k, state[k]);
                }
            }
        }
        EmulationFile f = new EmulationFile(models, 1 << 26);
        f.buffer().putInt(grid.nR()).putInt(grid.nZ()).putInt(entries).putInt(steps).putDouble(dt).putInt(f.tables());
        f.putEntriesAndTables()
                .putInterleaved(f.sources(), n0, ref)
                .putDoubles(change)
                .putDoubles(residual)
                .write(Path.of(args[1]));
    }
}
