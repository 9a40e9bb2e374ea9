package org.anisocr.sweep;

import org.anisocr.run.SolverBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.anisocr.sweep.SweepRoundTripTest.BASE;
import static org.anisocr.sweep.SweepRoundTripTest.cli;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code sweep --backend} is the same option as {@code run --backend}, resolved once for the family: gpu without a
 * usable GPU is refused before any model runs (it used to solve steady models on the CPU without a word), auto falls
 * back with one line for the whole family. The GPU is switched off (SolverBackend.switchGpuOff) so the test means
 * the same on machines with and without one.
 */
class SweepBackendTest {
    @TempDir Path tmp;

    @AfterEach void gpuBackOn() { SolverBackend.switchGpuOn(); }

    private Path base(String mode) throws IOException {
        Path f = tmp.resolve("tiny-" + mode + ".toml");
        Files.writeString(f, BASE.replace("mode = \"direct\"", "mode = \"" + mode + "\""));
        return f;
    }

    @Test void gpuWithoutAGpuIsRefusedLikeRunBeforeAnyModel() throws IOException {
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        for (String mode : new String[] {"direct", "steady", "ladder"}) {
            Path out = tmp.resolve("family-" + mode);
            var sweep = cli(
                    "sweep",
                    base(mode).toString(),
                    "--vary",
                    "eps_D=0.1,0.03",
                    "--out",
                    out.toString(),
                    "--backend",
                    "gpu");
            var run = cli(
                    "run",
                    base(mode).toString(),
                    "--out",
                    tmp.resolve("one-" + mode).toString(),
                    "--backend",
                    "gpu");
            assertEquals(run.code(), sweep.code(), "sweep exits as run does, mode " + mode);
            assertNotEquals(0, sweep.code(), "mode " + mode);
            assertTrue(
                    sweep.err().contains("--backend gpu requested but no usable GPU (disabled by ANISOCR_GPU=off)"),
                    sweep.err());
            assertEquals(run.err(), sweep.err(), "the same message as run, mode " + mode);
            assertFalse(sweep.out().contains("alpha_inner"), "no model ran: " + sweep.out());
            if (Files.exists(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    assertEquals(0, s.filter(Files::isDirectory).count(), "no model folder, mode " + mode);
                }
            }
        }
    }

    @Test void autoFallsBackWithOneLineForTheWholeFamily() throws IOException {
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        Path out = tmp.resolve("family-auto");
        var r = cli(
                "sweep",
                base("direct").toString(),
                "--vary",
                "eps_D=0.1,0.03,0.01",
                "--out",
                out.toString(),
                "--backend",
                "auto");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.endsWith("; using the CPU backend")).count(), r.err());
        try (Stream<Path> s = Files.list(out)) {
            List<Path> models = s.filter(Files::isDirectory).toList();
            assertEquals(3, models.size(), models.toString());
            for (Path m : models) {
                assertTrue(Files.readString(m.resolve("summary.json")).contains("\"backend\" : \"cpu\""), m.toString());
            }
        }
    }

    @Test void unknownBackendIsBadInput() throws IOException {
        var r = cli(
                "sweep",
                base("direct").toString(),
                "--vary",
                "eps_D=0.1",
                "--out",
                tmp.resolve("x").toString(),
                "--backend",
                "tpu");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("expected one of [auto, cpu, gpu], got 'tpu'"), r.err());
    }
}
