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
    void mergesCusparseTimings(@TempDir Path dir) throws Exception {
        // The shape gtsv_bench prints (bench/cusparse/gtsv_bench.cu).
        Path c = dir.resolve("cusparse.json");
        Files.writeString(c, """
                {
                  "device": "X", "cusparse_version": 12603, "replicate": 1, "reps": 20,
                  "r": {"m": 10, "batch": 10, "gtsv2StridedBatch_us": 20.0, "gtsvInterleavedBatch_us": 10.0, "interleaved_algo": 0, "residual_strided": 1e-16, "residual_interleaved": 1e-16},
                  "z": {"m": 5, "batch": 20, "gtsv2StridedBatch_us": 8.0, "gtsvInterleavedBatch_us": 9.0, "interleaved_algo": 0, "residual_strided": 1e-16, "residual_interleaved": 1e-16}
                }
                """);
        Path out = dir.resolve("b.json");
        assertEquals(0, new CommandLine(new BenchCommand()).execute("--grid", "11x7", "--momenta", "1", "--cpu-reps", "1",
                "--cpu-steps", "1", "--gpu-reps", "3", "--cusparse-json", c.toString(), "--out", out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(10, j.get("cusparse").get("r").get("m").asInt());
        if (GpuDevice.probe().available()) assertTrue(j.get("speedup_vs_cusparse").asDouble() > 0);
        else assertTrue(j.get("speedup_vs_cusparse").isNull());
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
