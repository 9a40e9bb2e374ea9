package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.anisocr.solver.Backend;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.gpu.GpuException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --backend auto} falls back to the CPU for a GPU failure only: a stand-in device that fails with a
 * {@link GpuException} gives a CPU answer and one line; one that fails with a plain bug (a NullPointerException)
 * lets the bug through, with no line claiming the CPU took over.
 */
class AutoFallbackTest {
    static final String MG_MODEL = """
            name = "tiny-mg"
            [grid]
            r_max_kpc = 8.0
            half_height_kpc = 2.0
            dr_kpc = 0.2
            dz_kpc = 0.25
            [momentum]
            p_min_GeV = 1.0
            p_max_GeV = 10000.0
            count = 3
            [diffusion]
            delta_par = 0.1
            delta_perp = 0.6
            eps_D = 0.1
            [field]
            model = "toy"
            eps_B = 0.5
            [source]
            model = "pulsar"
            [solver]
            mode = "steady"
            [solver.steady]
            method = "mg-gmres"
            """;

    /** A device whose every upload and setup fails with {@code failure}. */
    private static Supplier<MultigridDevice> failingWith(Supplier<RuntimeException> failure) {
        return () -> new MultigridDevice() {
            @Override public MultigridBatchOps<?> upload(PackedMultigrid packed) {
                throw failure.get();
            }

            @Override public long memoryBudgetBytes() {
                return Long.MAX_VALUE / 4;
            }

            @Override public String describe() {
                return "failing stand-in";
            }

            @Override public void close() {
            }
        };
    }

    @Test
    void gpuFailureFallsBackToTheCpuWithOneLine() {
        ModelConfig c = ModelConfig.parse("tiny-mg", MG_MODEL);
        List<String> log = new ArrayList<>();
        SolverBackend auto = SolverBackend.withStandInDevice(Backend.AUTO, 1, log::add,
                failingWith(() -> new GpuException("launching mg_relax: CUDA_ERROR_LAUNCH_FAILED", null)));
        RunResult r = ModelRunner.run(c, auto, null);
        assertEquals("cpu", r.backend());
        assertEquals(1, log.size(), "log: " + log);
        assertTrue(log.get(0).contains("CUDA_ERROR_LAUNCH_FAILED") && log.get(0).endsWith("using the CPU backend"),
                log.get(0));
    }

    @Test
    void aBugIsNotAGpuFailure() {
        ModelConfig c = ModelConfig.parse("tiny-mg", MG_MODEL);
        List<String> log = new ArrayList<>();
        NullPointerException bug = new NullPointerException("a bug in the batched path");
        SolverBackend auto = SolverBackend.withStandInDevice(Backend.AUTO, 1, log::add, failingWith(() -> bug));
        assertSame(bug, assertThrows(NullPointerException.class, () -> ModelRunner.run(c, auto, null)));
        assertEquals(List.of(), log, "no line may claim the CPU took over from a bug");
    }

    @Test
    void aBatchFailsOnlyForAGpuOrModelFailure() {
        List<ModelConfig> family = List.of(ModelConfig.parse("a", MG_MODEL), ModelConfig.parse("b", MG_MODEL));
        SolverBackend gpuFails = SolverBackend.withStandInDevice(Backend.AUTO, 1, line -> { },
                failingWith(() -> new GpuException("out of launches", null)));
        assertTrue(ModelRunner.batchable(family, gpuFails));
        assertThrows(BatchFailedException.class, () -> ModelRunner.runBatch(family, gpuFails, line -> { }));
        SolverBackend buggy = SolverBackend.withStandInDevice(Backend.AUTO, 1, line -> { },
                failingWith(() -> new IllegalStateException("a bug")));
        assertThrows(IllegalStateException.class, () -> ModelRunner.runBatch(family, buggy, line -> { }));
    }
}
