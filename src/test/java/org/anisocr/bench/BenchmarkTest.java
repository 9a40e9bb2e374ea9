package org.anisocr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.cli.Main;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.gpu.GpuDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bench on a tiny grid: runs everywhere, writes the JSON; GPU fields are null with a reason where no GPU is usable.
 */
class BenchmarkTest {

    @Test
    void writesJsonWithGpuFieldsOrTheReasonTheyAreMissing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench.json");
        int rc = split("--grid", "21x11", "--momenta", "2", "--models", "2",
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
        assertEquals(0, split("--grid", "11x7", "--momenta", "1", "--backend", "cpu",
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
              "r": {"m": 10, "batch": 10, "gtsv2StridedBatch_us": 20.0, "gtsvInterleavedBatch_us": 10.0,
                    "interleaved_algo": 0, "residual_strided": 1e-16, "residual_interleaved": 1e-16},
              "z": {"m": 5, "batch": 20, "gtsv2StridedBatch_us": 8.0, "gtsvInterleavedBatch_us": 9.0,
                    "interleaved_algo": 0, "residual_strided": 1e-16, "residual_interleaved": 1e-16}
            }
            """);
        Path out = dir.resolve("b.json");
        assertEquals(0, split("--grid", "11x7", "--momenta", "1", "--cpu-reps", "1",
                "--cpu-steps", "1", "--gpu-reps", "3", "--cusparse-json", c.toString(), "--out", out.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(10, j.get("cusparse").get("r").get("m").asInt());
        if (GpuDevice.probe().available()) {
            assertTrue(j.get("speedup_vs_cusparse").asDouble() > 0);
        } else {
            assertTrue(j.get("speedup_vs_cusparse").isNull());
        }
    }

    @Test
    void mergesCusparseTimingsIntoAnEarlierResult(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("cusparse.json");
        Files.writeString(c, """
            {"device": "X", "r": {"gtsv2StridedBatch_us": 20.0, "gtsvInterleavedBatch_us": 10.0},
             "z": {"gtsv2StridedBatch_us": 8.0, "gtsvInterleavedBatch_us": 9.0}}
            """);
        // A result as a GPU run writes it (kernel times present), so the speed-up is recomputed from them.
        Path out = dir.resolve("b.json");
        Files.writeString(out, """
            {"written_by": "anisocr (test)", "device": "X", "grid": "11x7",
             "kernel_us": {"sweep_r_pcr": 3.0, "sweep_z_pcr": 3.0, "mixed_step": 1.0},
             "kernel_us_thomas": {"sweep_r_thomas": 6.0, "sweep_z_thomas": 3.0}, "cusparse": null,
             "speedup_vs_cusparse": null}
            """);
        assertEquals(0, split("--merge-into", out.toString(), "--cusparse-json", c.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals("11x7", j.get("grid").asText());
        assertEquals(20.0, j.get("cusparse").get("r").get("gtsv2StridedBatch_us").asDouble());
        // best of each direction / our sweeps
        assertEquals((10.0 + 8.0) / 6.0, j.get("speedup_vs_cusparse").asDouble(), 1e-12);
        assertEquals((10.0 + 8.0) / 9.0, j.get("speedup_vs_cusparse_thomas").asDouble(), 1e-12);
        assertEquals(2, split("--merge-into", out.toString()));
        assertEquals(2, split("--merge-into", dir.resolve("none.json").toString(),
                "--cusparse-json", c.toString()));
    }

    @Test
    void refusesAMultiGigabyteExport(@TempDir Path dir) {
        Path f = dir.resolve("systems.bin");
        assertEquals(2, split("--grid", "2001x801", "--momenta", "33", "--export-systems", f.toString()));
        assertFalse(Files.exists(f));
        assertTrue(Benchmark.exportBytes(2001, 801, 33) > 2_000_000_000L);
    }

    @Test
    void exportsTheTridiagonalSystems(@TempDir Path dir) throws Exception {
        TransportProblem p = Benchmark.family(21, 11, 2, 1).get(0);
        Path f = dir.resolve("systems.bin");
        Benchmark.exportSystems(p, Benchmark.benchDtMyr(p), f);
        long r = 8 + 3L * 8 * 20 * (9 * 2);
        long z = 8 + 3L * 8 * 9 * (20 * 2);
        assertEquals(r + z, Files.size(f));
        assertEquals(r + z, Benchmark.exportBytes(21, 11, 2));
    }

    @Test
    void badGridIsRefused() {
        assertEquals(2, split("--grid", "201by81"));
    }

    @Test
    void defaultFileNameIsSafe() {
        assertTrue(Benchmark.defaultOut("NVIDIA H100 80GB HBM3")
                .getFileName()
                .toString()
                .startsWith("nvidia-h100-80gb-hbm3-20"));
    }

    /** {@code anisocr bench split ARGS}, through the CLI's own exception handlers (a bad option exits 2). */
    private static int split(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "bench";
        all[1] = "split";
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.commandLine().execute(all);
    }
}
