package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.anisocr.solver.Backend;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.steady.SteadyMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one place that chooses a steady path: the same inputs give the path, method, device and batching the run
 * layer chose before the planner existed, on cpu, on auto without a device, on a (stand-in) GPU and on the batched
 * Java reference; the tuning is the model file's with the command line's choices over it.
 */
class SteadyPlannerTest {
    private static final String MG = AutoFallbackTest.MG_MODEL;
    private static final String LU = MG.replace("method = \"mg-gmres\"", "method = \"lu-gmres\"");
    private static final String DIRECT = MG.replace("mode = \"steady\"", "mode = \"direct\"");
    private static final String SYMMETRIC = MG.replace("mode = \"steady\"",
            "mode = \"steady\"\nscheme = \"symmetric\"");

    @AfterEach
    void gpuBackOn() {
        SolverBackend.switchGpuOn();
    }

    private static SteadyPlan plan(String model, SolverBackend backend) {
        ModelConfig c = ModelConfig.parse("m", model);
        return SteadyPlanner.plan(c.solver(), c.grid(), backend);
    }

    private static SolverBackend standInGpu(Backend requested) {
        return SolverBackend.withStandInDevice(requested, 1, line -> fail("no line expected: " + line),
                () -> fail("planning opens no device"));
    }

    private static void assertPlan(
            SteadyPlan p, SteadyPlan.Path path, SteadyMethod method, String device, boolean batched) {
        assertEquals(List.of(path, method, device, batched), List.of(p.path(), p.method(), p.device(), p.batched()),
                p.toString());
    }

    @Test
    void cpuRunsTheSchemeSolverWithTheResolvedMethod() {
        SolverBackend cpu = SolverBackend.cpu(1);
        assertPlan(plan(MG, cpu), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.MG_GMRES, "cpu", false);
        assertPlan(plan(LU, cpu), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.LU_GMRES, "cpu", false);
        assertPlan(plan(DIRECT, cpu), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.DIRECT, "cpu", false);
        assertEquals("configured", plan(MG, cpu).reason());
        String auto = MG.replace("method = \"mg-gmres\"", "method = \"auto\"");
        assertTrue(plan(auto, cpu).reason().startsWith("auto: banded LU bandwidth "), plan(auto, cpu).reason());
    }

    @Test
    void autoWithoutADeviceIsTheCpuWithOneLine() {
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        List<String> log = new ArrayList<>();
        SolverBackend auto = SolverBackend.resolve(Backend.AUTO, 1, log::add);
        assertPlan(plan(MG, auto), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.MG_GMRES, "cpu", false);
        assertPlan(plan(LU, auto), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.LU_GMRES, "cpu", false);
        assertEquals(1, log.size(), "one fallback line per resolved backend: " + log);
    }

    @Test
    void aGpuBatchesMultigridAndFactorsTheRest() {
        for (Backend requested : new Backend[] {Backend.AUTO, Backend.GPU}) {
            SolverBackend gpu = standInGpu(requested);
            assertPlan(plan(MG, gpu), SteadyPlan.Path.BATCHED_MG_GMRES, SteadyMethod.MG_GMRES, "gpu", true);
            assertPlan(plan(LU, gpu), SteadyPlan.Path.GPU_BANDED_LU, SteadyMethod.DIRECT, "gpu", false);
            assertPlan(plan(DIRECT, gpu), SteadyPlan.Path.GPU_BANDED_LU, SteadyMethod.DIRECT, "gpu", false);
        }
        assertPlan(plan(SYMMETRIC, standInGpu(Backend.AUTO)), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.MG_GMRES,
                "cpu", false);
    }

    @Test
    void theBatchedReferenceBatchesMultigridOnly() {
        SolverBackend reference = SolverBackend.batchedReference(1);
        assertPlan(plan(MG, reference), SteadyPlan.Path.BATCHED_MG_GMRES, SteadyMethod.MG_GMRES, "cpu", true);
        assertPlan(plan(LU, reference), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.LU_GMRES, "cpu", false);
        assertPlan(plan(SYMMETRIC, reference), SteadyPlan.Path.CPU_SCHEME, SteadyMethod.MG_GMRES, "cpu", false);
    }

    @Test
    void theCommandLineTuningGoesOverTheModelFile() {
        String tuned = MG + "[solver.tuning]\nline_relaxation = \"pcr\"\nmultigrid_sweeps = 2\n";
        assertEquals(SolverTuning.defaults().withLineRelaxation(LineRelaxation.PCR).withMultigridSweeps(2),
                plan(tuned, SolverBackend.cpu(1)).tuning());
        SolverBackend cli = SolverBackend.cpu(1).withTuning(new TuningOptions(null, LineRelaxation.THOMAS, null, null));
        SteadyPlan p = plan(tuned, cli);
        assertEquals(
                SolverTuning.defaults()
                        .withLineRelaxation(LineRelaxation.THOMAS)
                        .withMultigridSweeps(2),
                p.tuning());
        assertEquals("thomas", ((Map<?, ?>) p.toSummary().get("tuning")).get("line_relaxation"));
        assertFalse(p.batched());
    }
}
