package org.anisocr.solver.gpu;

import org.anisocr.Gpu;
import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SolverDivergedException;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.source.GreenPulse;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.PulsarSource;
import org.anisocr.operator.Source;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.anisocr.bench.Measurements.maxRelDiff;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The GPU split step against the Java reference (CpuSplitStepper) on the same problems: ≤ 1e-12
 * relative in the max norm per momentum bin. Skipped (not failed) where there is no usable GPU.
 */
@Gpu
class GpuVsCpuTest {
    static final double TOL = 1e-12;
    static final double DT_MYR = 0.01;
    static final int STEPS = 20;

    @BeforeEach
    void needGpu() {
        GpuInfo info = GpuDevice.probe();
        Assumptions.assumeTrue(info.available(), "no GPU: " + info.reason());
    }

    static TransportProblem problem(Geometry geometry, MagneticField field, Source source, double epsD) {
        return new TransportProblem(new SpatialGrid(geometry, 4, 2, 31, 31), new MomentumGrid(1, 100, 2),
                new DiffusionTensor(0.033143, 0.3, 0.5, epsD, 1), field, source);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(
                        "P1 uniform B_z, manufactured",
                        problem(Geometry.CYLINDRICAL, new UniformField(0, 0, 10), new ManufacturedSource(), 0.05)),
                Arguments.of(
                        "P2 uniform diagonal, manufactured",
                        problem(Geometry.CYLINDRICAL, new UniformField(10, 0, 10), new ManufacturedSource(), 0.05)),
                Arguments.of(
                        "P3 Gaussian bump, manufactured",
                        problem(
                                Geometry.CYLINDRICAL,
                                new GaussianBumpField(10, 1e-3, 2),
                                new ManufacturedSource(),
                                0.05)),
                Arguments.of(
                        "toy field, pulsar source",
                        problem(
                                Geometry.CYLINDRICAL,
                                new ToyField(1, 3.5, 0.5),
                                new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1),
                                0.1)),
                Arguments.of(
                        "G1 Green pulse, b along z",
                        problem(Geometry.CYLINDRICAL, new UniformField(0, 0, 10), new GreenPulse(2, 0, 0), 0.05)),
                Arguments.of(
                        "G2 Green pulse, cartesian",
                        problem(Geometry.CARTESIAN, new UniformField(10, 0, 10), new GreenPulse(2, 0, 0), 0.05)),
                Arguments.of(
                        "G3 Green pulse, isotropic",
                        problem(Geometry.CYLINDRICAL, new UniformField(10, 0, 10), new GreenPulse(2, 0, 0), 1.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void thomasMatchesCpu(String name, TransportProblem p) {
        try (CpuSplitStepper cpu = new CpuSplitStepper(p, 1); GpuSplitStepper gpu = new GpuSplitStepper(p)) {
            gpu.batch().setLineSolver(GpuBatchStepper.LineSolver.THOMAS);
            double cpuChange = cpu.advance(DT_MYR, STEPS);
            double gpuChange = gpu.advance(DT_MYR, STEPS);
            double diff = maxRelDiff(gpu.state(), cpu.state());
            assertTrue(diff <= TOL, name + ": GPU vs CPU " + diff);
            System.out.printf(
                    "GPU(Thomas) vs CPU, %s: max relative difference %.3e after %d steps%n", name, diff, STEPS);
            assertEquals(
                    cpuChange, gpuChange, 1e-12 * Math.max(cpuChange, 1e-300) + 1e-300, name + ": change per step");
            // a second call continues from the device state
            cpu.advance(DT_MYR, 3);
            gpu.advance(DT_MYR, 3);
            assertTrue(maxRelDiff(gpu.state(), cpu.state()) <= TOL, name + ": after more steps");
            double[] res = gpu.relativeResiduals();
            double[][] n = cpu.state();
            for (int k = 0; k < res.length; k++) {
                double ref = DiscreteOperator.relativeResidual(p, k, n[k]);
                assertEquals(ref, res[k], 1e-10 * ref, name + ": residual of bin " + k);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void pcrAndPlainLaunchesMatchCpu(String name, TransportProblem p) {
        try (CpuSplitStepper cpu = new CpuSplitStepper(p, 1); GpuSplitStepper gpu = new GpuSplitStepper(p)) {
            gpu.batch().setLineSolver(GpuBatchStepper.LineSolver.PCR);
            gpu.batch().setUseGraphs(false);
            cpu.advance(DT_MYR, STEPS);
            gpu.advance(DT_MYR, STEPS);
            double diff = maxRelDiff(gpu.state(), cpu.state());
            assertTrue(diff <= TOL, name + ": GPU(PCR) vs CPU " + diff);
            System.out.printf(
                    "GPU(PCR, no graph) vs CPU, %s: max relative difference %.3e after %d steps%n", name, diff, STEPS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void defaultLineSolverMatchesCpu(String name, TransportProblem p) {
        try (CpuSplitStepper cpu = new CpuSplitStepper(p, 1); GpuSplitStepper gpu = new GpuSplitStepper(p)) {
            assertEquals(GpuBatchStepper.LineSolver.AUTO, gpu.batch().lineSolver());
            cpu.advance(DT_MYR, STEPS);
            gpu.advance(DT_MYR, STEPS);
            double diff = maxRelDiff(gpu.state(), cpu.state());
            assertTrue(diff <= TOL, name + ": GPU(auto) vs CPU " + diff);
        }
    }

    @Test
    void realisticSizeToyModel() {
        // The paper's grid (201x81, H = 4 kpc) with 33 momenta, a few steps: the size the benchmark times.
        TransportProblem p = new TransportProblem(
                new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 201, 81),
                new MomentumGrid(1, 1e4, 33),
                new DiffusionTensor(0.033143, 0.3, 0.5, 0.1, 1),
                new ToyField(1, 3.5, 0.5),
                new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
        try (CpuSplitStepper cpu = new CpuSplitStepper(p, 0); GpuSplitStepper gpu = new GpuSplitStepper(p)) {
            cpu.advance(0.002, 5);
            gpu.advance(0.002, 5);
            double diff = maxRelDiff(gpu.state(), cpu.state());
            System.out.printf(
                    "GPU(auto) vs CPU, toy model 201x81x33: max relative difference %.3e after 5 steps%n", diff);
            assertTrue(diff <= TOL, "201x81x33: " + diff);
        }
    }

    @Test
    void outOfMemoryNamesWhatWasAsked() {
        try (GpuRuntime rt = GpuRuntime.open()) {
            long tooMuch = 4 * rt.info().totalMemoryBytes();
            GpuOutOfMemoryException e = assertThrows(
                    GpuOutOfMemoryException.class, () -> rt.allocate(tooMuch, "test buffer 4001x4001 grid"));
            assertTrue(e.getMessage().contains(tooMuch + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("4001x4001"), e.getMessage());
        }
    }

    @Test
    void setStateRoundTripsAndSteps() {
        TransportProblem p = problem(
                Geometry.CYLINDRICAL, new ToyField(1, 3.5, 0.5), new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1), 0.1);
        try (CpuSplitStepper cpu = new CpuSplitStepper(p, 1); GpuSplitStepper gpu = new GpuSplitStepper(p)) {
            cpu.advance(0.05, 10);
            double[][] mid = cpu.state();
            gpu.setState(mid);
            assertEquals(0, maxRelDiff(gpu.state(), mid));
            cpu.advance(DT_MYR, 5);
            gpu.advance(DT_MYR, 5);
            assertTrue(maxRelDiff(gpu.state(), cpu.state()) <= TOL);
        }
    }

    @Test
    void familyOfModelsInOneBatch() {
        List<TransportProblem> family = List.of(
                problem(
                        Geometry.CYLINDRICAL,
                        new ToyField(1, 3.5, 0.5),
                        new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1),
                        0.1),
                problem(
                        Geometry.CYLINDRICAL,
                        new ToyField(1, 3.5, 1.0),
                        new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1),
                        0.01),
                problem(Geometry.CYLINDRICAL, new GaussianBumpField(10, 1e-3, 2), new ManufacturedSource(), 0.05));
        try (GpuBatchStepper gpu = new GpuBatchStepper(family)) {
            assertEquals(6, gpu.entries());
            double gpuChange = gpu.advance(DT_MYR, STEPS);
            double worstCpuChange = 0;
            for (int m = 0; m < family.size(); m++) {
                try (CpuSplitStepper cpu = new CpuSplitStepper(family.get(m), 1)) {
                    worstCpuChange = Math.max(worstCpuChange, cpu.advance(DT_MYR, STEPS));
                    double diff = maxRelDiff(gpu.state(m), cpu.state());
                    assertTrue(diff <= TOL, "model " + m + ": " + diff);
                }
            }
            assertEquals(worstCpuChange, gpuChange, 1e-12 * worstCpuChange);
        }
    }

    @Test
    void nonFiniteStateIsReported() {
        TransportProblem p = problem(Geometry.CYLINDRICAL, new UniformField(0, 0, 10), new ManufacturedSource(), 0.05);
        try (GpuSplitStepper gpu = new GpuSplitStepper(p)) {
            double[][] n = gpu.state();
            n[1][p.grid().index(5, 15)] = Double.NaN;
            gpu.setState(n);
            SolverDivergedException e = assertThrows(SolverDivergedException.class, () -> gpu.advance(DT_MYR, 2));
            assertTrue(e.getMessage().contains("momentum bin 1"), e.getMessage());
        }
    }
}
