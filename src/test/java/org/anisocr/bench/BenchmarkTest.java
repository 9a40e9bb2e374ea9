package org.anisocr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.cli.BenchCommand;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.gpu.GpuDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The bench on a tiny grid: runs everywhere, writes the JSON; GPU fields are null with a reason where no GPU is usable. */
class BenchmarkTest {

    @Test
    void writesJsonWithGpuFieldsOrTheReasonTheyAreMissing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench.json");
        int rc = new CommandLine(new BenchCommand()).execute("--grid", "21x11", "--momenta", "2", "--models", "2",
                "--cpu-reps", "2", "--cpu-steps", "1", "--gpu-reps", "5", "--out", out.toString());
        assertEquals(0, rc);
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals("21x11", j.get("grid").asText());
        assertEquals(4, j.get("batch_entries").asInt());
        assertTrue(j.get("cpu_step_us_per_model").asDouble() > 0);
        if (GpuDevice.probe().available()) {
            assertTrue(j.get("step_us").asDouble() > 0);
            assertTrue(j.get("max_rel_diff_gpu_vs_cpu").asDouble() <= 1e-12);
        } else {
            assertTrue(j.get("step_us").isNull());
            assertFalse(j.get("gpu_unavailable").asText().isBlank());
        }
    }

    @Test
    void cpuBackendSkipsTheGpu(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cpu.json");
        assertEquals(0, new CommandLine(new BenchCommand()).execute("--grid", "11x7", "--momenta", "1", "--backend", "cpu",
                "--cpu-reps", "1", "--cpu-steps", "1", "--out", out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals("backend cpu requested", j.get("gpu_unavailable").asText());
    }

    @Test
    void exportsTheTridiagonalSystems(@TempDir Path dir) throws Exception {
        TransportProblem p = Benchmark.family(21, 11, 2, 1).get(0);
        Path f = dir.resolve("systems.bin");
        Benchmark.exportSystems(p, Benchmark.benchDtMyr(p), f);
        long r = 8 + 3L * 8 * 20 * (9 * 2), z = 8 + 3L * 8 * 9 * (20 * 2);
        assertEquals(r + z, Files.size(f));
    }

    @Test
    void badGridIsRefused() {
        assertEquals(2, new CommandLine(new BenchCommand()).execute("--grid", "201by81"));
    }

    @Test
    void defaultFileNameIsSafe() {
        assertTrue(Benchmark.defaultOut("NVIDIA H100 80GB HBM3").getFileName().toString().startsWith("nvidia-h100-80gb-hbm3-20"));
    }
}
