package org.anisocr.solver.gpu;

import org.anisocr.Gpu;
import org.anisocr.bench.Measurements;
import org.anisocr.config.ModelConfig;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.anisocr.solver.steady.SteadySolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Batched mg-gmres on the GPU ({@link GpuMultigridDevice}) against the CPU: the Java reference of the same batched
 * solver and the CPU's own mg-gmres ({@link SteadySolver}), on the paper's realistic model (201×81×33) and on a
 * three-model family forced into several waves: ≤ 1e-10 relative (max norm per bin) at a solver tolerance of 1e-12.
 * Skips (JUnit assumption) where no GPU or no CUDA driver is present.
 */
@Gpu
class GpuBatchedSteadyTest {
    static final SteadySettings TIGHT = SteadySettings.defaults(SteadyMethod.MG_GMRES).withTolerance(1e-12);

    @BeforeEach void needGpu() {
        GpuInfo info = GpuDevice.probe();
        Assumptions.assumeTrue(info.available(), "no GPU: " + info.reason());
    }

    static SteadyOperator realistic(String replace, String with) throws IOException {
        String text = Files.readString(Path.of("configs/realistic-eps0.01-dperp0.7.toml")).replace(replace, with);
        ModelConfig c = ModelConfig.parse("realistic", text);
        return new PaperSteadyOperator(
                new TransportProblem(c.grid(), c.momenta(), c.diffusion(), c.field(), c.source()));
    }

    @Test void realisticModelMatchesTheCpu() throws IOException {
        SteadyOperator op = realistic("eps_D = 0.01", "eps_D = 0.01");
        BatchedSteadySolver.Result gpu;
        try (GpuMultigridDevice device = GpuMultigridDevice.open()) {
            gpu = BatchedSteadySolver.solve(List.of(op), TIGHT, 0, device);
        }
        BatchedSteadySolver.Result reference = BatchedSteadySolver.solve(List.of(op), TIGHT, 0, null);
        double[][] cpu = new SteadySolver(TIGHT, 0).solve(op, null).density();
        double vsReference = Measurements.maxRelDiff(gpu.density()[0], reference.density()[0]);
        double vsCpu = Measurements.maxRelDiff(gpu.density()[0], cpu);
        System.out.printf(
                "GPU batched mg-gmres 201x81x33: iterations max %d (reference %d), residual %.2e; max rel diff vs the"
                        + " Java reference %.2e, vs the CPU solver %.2e%n",
                gpu.maxIterations(), reference.maxIterations(), gpu.maxResidual(), vsReference, vsCpu);
        assertTrue(gpu.maxResidual() <= 1e-12, "residual " + gpu.maxResidual());
        assertTrue(vsReference <= 1e-10, "vs reference " + vsReference);
        assertTrue(vsCpu <= 1e-10, "vs CPU solver " + vsCpu);
        assertTrue(
                Math.abs(gpu.maxIterations() - reference.maxIterations()) <= 1,
                "the same algorithm: iterations " + gpu.maxIterations() + " vs " + reference.maxIterations());
    }

    @Test void familyInWavesMatchesTheCpu() throws IOException {
        List<SteadyOperator> family = new ArrayList<>(List.of(realistic("eps_D = 0.01", "eps_D = 0.001"),
                realistic("eps_D = 0.01", "eps_D = 0.1"), realistic("delta_perp = 0.7", "delta_perp = 0.5")));
        long per = BatchedSteadySolver.bytesPerSystem(family.get(0).grid(), BatchedSteadySolver.MAX_RESTART);
        BatchedSteadySolver.Result gpu;
        try (GpuMultigridDevice device = GpuMultigridDevice.open()) {
            gpu = BatchedSteadySolver.solve(family, TIGHT, 0, device, 40 * per); // 99 systems in 3 waves
        }
        assertEquals(3, gpu.waves());
        for (int m = 0; m < family.size(); m++) {
            double[][] cpu = new SteadySolver(TIGHT, 0).solve(family.get(m), null).density();
            double diff = Measurements.maxRelDiff(gpu.density()[m], cpu);
            System.out.printf("family model %d: max rel diff vs the CPU solver %.2e%n", m, diff);
            assertTrue(diff <= 1e-10, "model " + m + ": " + diff);
        }
    }
}
