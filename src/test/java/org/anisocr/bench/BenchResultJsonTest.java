package org.anisocr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The typed bench results serialise to the keys the committed results in bench/results/ have (and bench/README.md,
 * bench/STEADY.md and the device scripts read), in the same order.
 */
class BenchResultJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static List<String> keys(Object record) {
        return keys(JSON.valueToTree(record));
    }

    private static JsonNode committed(String name) throws Exception {
        return JSON.readTree(Path.of("bench", "results", name).toFile());
    }

    private static List<String> withSignature(List<String> keys) {
        List<String> all = new ArrayList<>(List.of("written_by"));
        all.addAll(keys);
        return all;
    }

    @Test
    void splitStepResultWithoutGpuHasTheKeysOfTheCommittedCpuOnlyResult() throws Exception {
        DeviceHeader header = new DeviceHeader("2026-01-01T00:00:00Z", null, null, "no GPU", "17");
        SplitStepResult r = new SplitStepResult("anisocr", header, 2, "21x11", 2, 2, 4, "models", 0.1,
                new SplitStepResult.CpuTiming(1, 2, List.of(1.0), "harness"), SplitStepResult.GpuTiming.NONE,
                SplitStepResult.CusparseComparison.NONE);
        // the committed file predates the JCusparse figures (cusparse_java...), written since just before cusparse
        List<String> expected = withSignature(keys(committed("no-gpu-2026-11-25.json")));
        expected.addAll(expected.indexOf("cusparse"), List.of("cusparse_java", "speedup_vs_cusparse_java",
                "speedup_vs_cusparse_java_thomas"));
        assertEquals(expected, keys(r));
        JsonNode tree = JSON.valueToTree(r);
        assertEquals(true, tree.get("step_us").isNull());
        assertEquals(true, tree.get("cusparse").isNull());
    }

    @Test
    void speedupOverCusparseSumsOurSweepKernels() {
        Map<String, Double> kernels = new LinkedHashMap<>();
        kernels.put("mixed_step", 100.0);
        kernels.put("sweep_r_pcr", 3.0);
        kernels.put("sweep_z_pcr", 6.0);
        JsonNode harness = JSON.createObjectNode().set("r", JSON.createObjectNode().put("gtsv2StridedBatch_us", 20.0)
                .put("gtsvInterleavedBatch_us", 10.0));
        ((ObjectNode) harness).set("z", JSON.createObjectNode()
                .put("gtsv2StridedBatch_us", 8.0).put("gtsvInterleavedBatch_us", 9.0));
        SplitStepResult.CusparseComparison c = SplitStepResult.CusparseComparison.of(harness, kernels, null);
        assertEquals(18.0 / 9.0, c.speedupVsCusparse(), 1e-15);
        assertEquals(null, c.speedupVsCusparseThomas());
        assertEquals(List.of("cusparse", "speedup_vs_cusparse", "speedup_vs_cusparse_thomas"), keys(c));
    }

    @Test
    void steadyMethodsRowsHaveTheKeysOfTheCommittedResult() throws Exception {
        JsonNode file = committed("steady-cpu-2026-11-25.json");
        JsonNode solverRow = null;
        JsonNode ladderRow = null;
        for (JsonNode row : file.get("rows")) {
            if (row.get("method").asText().equals("ladder")) {
                ladderRow = row;
            } else {
                solverRow = row;
            }
        }
        SteadyMethodsResult.SolverRow s = new SteadyMethodsResult.SolverRow(
                "m", Map.of("model", "toy"), 0.1, "lu-gmres", "paper", 0.1, 3, 9L, 2, 1, 0.2, 1e-11, true, 1e-12);
        SteadyMethodsResult.LadderRow l = new SteadyMethodsResult.LadderRow(
                "m",
                Map.of("model", "toy"),
                0.1,
                "ladder",
                "paper",
                2000,
                7,
                1.0,
                0.01,
                1e-3,
                true,
                1.0,
                0.9,
                1e-2,
                1e-3);
        SteadyMethodsResult r = new SteadyMethodsResult("anisocr", "anisocr", "2026-01-01", 2, 2, "17", 1e-10,
                2000, 1000, 3, List.of("a.toml"), List.of(s, l));
        assertEquals(withSignature(keys(file)), keys(r));
        assertEquals(keys(solverRow), keys(s));
        assertEquals(keys(ladderRow), keys(l));
        assertEquals("| m | 0.100000 | ladder | 2000 | – | – | 1.000 | 0.900 | 1.00e-02 | 1.00e-03 |", l.tableLine());
    }

    @Test
    void steadyMultigridResultHasTheKeysTheBenchWrote() {
        List<String> head = List.of("written_by", "benchmark", "date_utc", "device", "device_detail",
                "gpu_unavailable", "java", "cpu_threads", "cpu_cores_available", "config", "tolerance", "model_grid",
                "model_problem_seconds",
                "cpu_model_iterations_max", "cpu_model_solve_seconds", "cpu_model_seconds", "rehearsal");
        List<String> tail = List.of("targets_met", "traffic_model");
        DeviceHeader header = new DeviceHeader("2026-01-01T00:00:00Z", null, null, "no GPU", "17");
        SteadyMultigridResult.CpuModel cpu = new SteadyMultigridResult.CpuModel(9, 1.0, 1.1);
        SteadyMultigridResult cpuOnly = new SteadyMultigridResult("anisocr", "b", header, 2, 2, "c.toml", 1e-10,
                "201x81x9", 0.1, cpu, null, null, Map.of(), "t");
        List<String> cpuOnlyKeys = new ArrayList<>(head);
        cpuOnlyKeys.addAll(tail);
        assertEquals(cpuOnlyKeys, keys(cpuOnly));

        SteadyMultigridResult.SolveFigures f = new SteadyMultigridResult.SolveFigures(9, 1, 9, "h", 9, 1e-11, "cpu",
                0.8, 0.2, null);
        SteadyMultigridResult.ModelRun model = new SteadyMultigridResult.ModelRun(1, 1.1, f, 0, "m", 1e-11, 0.5);
        SteadyMultigridResult.FamilyRun family = new SteadyMultigridResult.FamilyRun(0.1, 2, "axes", 1, 1.1, f, 3,
                "m", 1e-11, 0.5);
        SteadyMultigridResult.HighresRun high = new SteadyMultigridResult.HighresRun("41x21x9", 0.1, 0.2, f, 0.3,
                1.5, 1e-11, 1);
        SteadyMultigridResult.DeviceRuns device = new SteadyMultigridResult.DeviceRuns(model, family, null, null,
                List.of(high), 0.2, "41x21x9", 0.3, null, null, null);
        SteadyMultigridResult rehearsal = new SteadyMultigridResult("anisocr", "b", header, 2, 2, "c.toml", 1e-10,
                "201x81x9", 0.1, cpu, "rehearsal", device, Map.of("x", true), "t");
        List<String> figures = List.of("systems", "waves", "systems_per_wave", "hierarchy", "iterations_max",
                "residual_max", "setup", "setup_seconds", "solve_seconds", "achieved_GBps_model");
        List<String> expected = new ArrayList<>(head);
        expected.addAll(List.of("model_solve_seconds_from_problem", "model_seconds"));
        figures.forEach(k -> expected.add("model_" + k));
        expected.addAll(List.of("max_rel_diff_vs_cpu", "max_rel_diff_vs_cpu_meaning", "max_rel_diff_vs_cpu_solver",
                "speedup_model", "family_problem_seconds", "family_models", "family_axes",
                "family_solve_seconds_from_problems", "family_seconds"));
        figures.forEach(k -> expected.add("family_" + k));
        expected.addAll(List.of("cpu_family_seconds", "cpu_family_seconds_meaning", "family_max_rel_diff_vs_cpu_solver",
                "speedup_family", "highres", "highres_seconds", "highres_grid", "cpu_highres_seconds"));
        expected.addAll(tail);
        assertEquals(expected, keys(rehearsal));
        List<String> highKeys = new ArrayList<>(List.of("grid", "problem_seconds", "gpu_seconds"));
        highKeys.addAll(figures);
        highKeys.addAll(List.of("cpu_seconds", "speedup", "max_rel_diff_vs_cpu_solver"));
        assertEquals(highKeys, keys(JSON.valueToTree(rehearsal).get("highres").get(0)));
    }

    @Test
    void setupPlaceComparisonNamesThePlacesInItsKeys() {
        SteadyMultigridResult.SetupPlaceComparison ran = new SteadyMultigridResult.SetupPlaceComparison("device",
                0.1, "device", 1.0, "cpu", 0.2, 0.05, 2.0, 0.5, "device", null);
        assertEquals(List.of("model_device_setup_seconds", "family_device_setup_seconds", "model_cpu_setup_seconds",
                "model_cpu_setup_part_seconds", "family_cpu_setup_seconds", "family_cpu_setup_part_seconds",
                "faster_for_the_family"), keys(ran));
        SteadyMultigridResult.SetupPlaceComparison failed = new SteadyMultigridResult.SetupPlaceComparison("cpu",
                0.1, "cpu", 1.0, "device", null, null, null, null, null, "out of memory");
        assertEquals(List.of("model_cpu_setup_seconds", "family_cpu_setup_seconds", "other_setup_failed"),
                keys(failed));
    }
}
