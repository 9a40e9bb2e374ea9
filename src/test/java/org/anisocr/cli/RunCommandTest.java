package org.anisocr.cli;

import org.anisocr.run.SolverBackend;
import org.anisocr.Gpu;
import org.anisocr.Slow;
import org.anisocr.solver.gpu.GpuDevice;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** End-to-end through the CLI: exit codes, messages, and no partial output after any failure. */
class RunCommandTest {
    @TempDir Path tmp;

    static final String SMALL = """
        [grid]
        r_max_kpc = 4.0
        half_height_kpc = 2.0
        n_r = 21
        n_z = 21
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 100.0
        count = 3
        [diffusion]
        eps_D = 0.05
        [field]
        model = "uniform"
        b_r_uG = 10.0
        b_z_uG = 10.0
        [source]
        model = "pulsar"
        r_sun_kpc = 2.0
        [solver]
        mode = "ladder"
        [solver.ladder]
        dt_max_Myr = 0.5
        dt_min_Myr = 0.05
        """;

    CliHarness.Result run(String... args) { return CliHarness.inProcess(args); }

    Path config(String text) throws IOException {
        Path f = tmp.resolve("model.toml");
        Files.writeString(f, text);
        return f;
    }

    void assertNoOutput(Path out) throws IOException {
        assertFalse(Files.exists(out), "no output directory");
        try (var s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no staging left");
        }
    }

    @Slow
    @Test void runsAModelAndWritesAllOutputs() throws IOException {
        Path out = tmp.resolve("out");
        CliHarness.Result r = run("run", config(SMALL).toString(), "--out", out.toString(), "--backend", "cpu");
        assertEquals(0, r.code(), r.err());
        for (String f : new String[]{"N.fits", "summary.json", "N_plane.csv", "N_vertical_Rsun.csv"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"residual\"") && summary.contains("\"backend\" : \"cpu\""), summary);
    }

    static final String SMALL_STEADY = SMALL.replace("mode = \"ladder\"", "mode = \"steady\"");

    @Test void steadyWithBackendGpuAndNoGpuIsAClearErrorAndWritesNothing() throws IOException {
        Assumptions.assumeFalse(GpuDevice.probe().available(), "a GPU is present");
        Path out = tmp.resolve("gpu-steady");
        CliHarness.Result r = run("run", config(SMALL_STEADY).toString(), "--out", out.toString(), "--backend", "gpu");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--backend gpu requested but no usable GPU ("), r.err());
        assertNoOutput(out);
    }

    @Test void steadyWithBackendAutoFallsBackToCpuWithOneLine() throws IOException {
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        try {
            Path out = tmp.resolve("auto-steady");
            CliHarness.Result r =
                    run("run", config(SMALL_STEADY).toString(), "--out", out.toString(), "--backend", "auto");
            assertEquals(0, r.code(), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.endsWith("; using the CPU backend")).count(), r.err());
            String summary = Files.readString(out.resolve("summary.json"));
            assertTrue(
                    summary.contains("\"backend\" : \"cpu\"") && summary.contains("\"steady_method\" : \"lu-gmres\""),
                    summary);
        } finally {
            SolverBackend.switchGpuOn();
        }
    }

    @Gpu
    @Test void steadyRunsOnTheGpuWhenAsked() throws IOException {
        Assumptions.assumeTrue(GpuDevice.probe().available(), "no GPU");
        Path out = tmp.resolve("gpu-steady");
        CliHarness.Result r = run("run", config(SMALL_STEADY).toString(), "--out", out.toString(), "--backend", "gpu");
        assertEquals(0, r.code(), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(
                summary.contains("\"backend\" : \"gpu\"") && summary.contains("\"steady_method\" : \"gpu-banded-lu\""),
                summary);
        assertTrue(summary.contains("\"residual_device\""), summary);
    }

    @Test void unknownKeyExitsTwoAndWritesNothing() throws IOException {
        Path out = tmp.resolve("out");
        CliHarness.Result r = run(
                "run",
                config(SMALL.replace("eps_D = 0.05", "eps_D = 0.05\nespD = 1.0"))
                        .toString(),
                "--out",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown key diffusion.espD"), r.err());
        assertNoOutput(out);
    }

    @Test void unstableTimeStepIsRefusedUpFront() throws IOException {
        Path out = tmp.resolve("out");
        CliHarness.Result r = run(
                "run",
                config(SMALL.replace("dt_max_Myr = 0.5", "dt_max_Myr = 50.0")).toString(),
                "--out",
                out.toString(),
                "--backend",
                "cpu");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("solver.ladder.dt_max_Myr = 50") && r.err().contains("unstable"), r.err());
        assertNoOutput(out);
    }

    @Test void missingConfigExitsTwo() {
        CliHarness.Result r = run("run", tmp.resolve("nope.toml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test void unwritableOutputExitsTwo() throws IOException {
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        CliHarness.Result r = run(
                "run", config(SMALL).toString(), "--out", blocker.resolve("out").toString(), "--backend", "cpu");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not writable"), r.err());
    }

    @Test void unknownBackendExitsTwo() throws IOException {
        CliHarness.Result r =
                run("run", config(SMALL).toString(), "--out", tmp.resolve("o").toString(), "--backend", "tpu");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--backend"), r.err());
    }

    /** run writes the γ-ray products when R☉ lies on the grid, and says why not otherwise. */
    @Slow
    @Test void writesTheGammaRayProductsOrSaysWhyNot() throws IOException {
        Path out = tmp.resolve("gamma");
        String onTheGrid = SMALL.replace("r_max_kpc = 4.0", "r_max_kpc = 12.0")
                .replace("p_max_GeV = 100.0", "p_max_GeV = 1000.0")
                .replace("count = 3", "count = 4")
                .replace("r_sun_kpc = 2.0\n", "");
        CliHarness.Result r = run("run", config(onTheGrid).toString(), "--out", out.toString(), "--backend", "cpu");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out.resolve("gamma_emissivity.fits")) > 0);
        List<String> lines = Files.readAllLines(out.resolve("gamma_index.csv"));
        assertEquals("R_kpc,gamma_index", lines.get(0));
        assertEquals(22, lines.size(), "header + one row per radial cell");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"gamma_index_sun\""));

        Path small = tmp.resolve("small");
        r = run("run", config(SMALL).toString(), "--out", small.toString(), "--backend", "cpu");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(small.resolve("gamma_index.csv")));
        assertTrue(Files.readString(small.resolve("summary.json")).contains("lies outside the grid"));
    }
}
