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

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Developer tool for machines without a GPU (used by kernels/emu/run.sh, not by CI): writes a problem,
 * its CPU-reference state after some steps, the change and the residuals to a little-endian binary file
 * that kernels/emu/emulate.cpp reads, runs through the CUDA kernels compiled as plain C++, and compares.
 * Usage: java -cp target/classes:target/test-classes:... org.anisocr.solver.gpu.KernelEmulationExport CASE FILE
 */
public final class KernelEmulationExport {
    public static void main(String[] args) throws IOException {
        String which = args[0];
        SpatialGrid grid = new SpatialGrid(which.equals("g2") ? Geometry.CARTESIAN : Geometry.CYLINDRICAL, 4, 2, 31, 27);
        MomentumGrid p = new MomentumGrid(1, 100, 3);
        TransportProblem problem = switch (which) {
            case "toy" -> new TransportProblem(grid, p, new DiffusionTensor(0.033143, 0.3, 0.5, 0.1, 1), new ToyField(1, 3.5, 0.5),
                    new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
            case "p3" -> new TransportProblem(grid, p, new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1), new GaussianBumpField(10, 1e-3, 2),
                    new ManufacturedSource());
            case "g2" -> new TransportProblem(grid, p, new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1), new UniformField(10, 0, 10),
                    new GreenPulse(2, 0, 0));
            default -> throw new IllegalArgumentException(which);
        };
        double dt = 0.01;
        int steps = 20;
        int nodes = grid.size(), bins = problem.bins();
        double[][] n0 = problem.initialDensity();
        double change;
        double[][] ref;
        try (CpuSplitStepper cpu = new CpuSplitStepper(problem, 1)) {
            change = cpu.advance(dt, steps);
            ref = cpu.state();
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 26).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(grid.nR()).putInt(grid.nZ()).putInt(bins).putInt(steps).putDouble(dt);
        for (int k = 0; k < bins; k++) buf.putInt(0);
        for (int k = 0; k < bins; k++) buf.putDouble(problem.dPerp(k));
        for (int k = 0; k < bins; k++) buf.putDouble(problem.dAni(k));
        for (double[] row : problem.coefficients().isotropicTable()) for (double v : row) buf.putDouble(v);
        for (double[] row : problem.coefficients().anisotropicTable()) for (double v : row) buf.putDouble(v);
        for (int idx = 0; idx < nodes; idx++) for (int k = 0; k < bins; k++) buf.putDouble(problem.sourceRate(k)[idx]);
        for (int idx = 0; idx < nodes; idx++) for (int k = 0; k < bins; k++) buf.putDouble(n0[k][idx]);
        for (int idx = 0; idx < nodes; idx++) for (int k = 0; k < bins; k++) buf.putDouble(ref[k][idx]);
        buf.putDouble(change);
        for (int k = 0; k < bins; k++) buf.putDouble(DiscreteOperator.relativeResidual(problem, k, ref[k]));
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            out.write(buf.array(), 0, buf.position());
        }
    }
}
