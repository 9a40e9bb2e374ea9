package org.anisocr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run` and `merge` on a 3D model through the CLI: exit codes and the lines a user reads. */
class Run3DCommandTest {
    @TempDir Path tmp;

    /** 11 × 11 × 5 nodes, 5 bins: a fraction of a second. */
    static final String TINY = """
        [grid]
        geometry = "cartesian3d"
        r_max_kpc = 10.0
        half_height_kpc = 2.0
        dx_kpc = 2.0
        dz_kpc = 1.0
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 10000.0
        count = 5
        [diffusion]
        eps_D = 0.1
        [field]
        model = "realistic"
        [source]
        model = "fk06-arms"
        [analysis]
        p_fit_min_GeV = 10.0
        p_fit_max_GeV = 1000.0
        map_p_GeV = [100.0]
        """;

    private Path config(String text) throws IOException {
        Path f = tmp.resolve("tiny3d.toml");
        Files.writeString(f, text);
        return f;
    }

    @Test void aGpuRequestIsRefusedAndAutoSaysItRunsOnTheCpu() throws IOException {
        Path model = config(TINY);
        Path out = tmp.resolve("gpu");
        CliHarness.Result gpu = CliHarness.inProcess("run", model.toString(), "--out", out.toString(), "--backend",
                "gpu");
        assertEquals(Main.EXIT_BAD_INPUT, gpu.code(), gpu.all());
        assertTrue(gpu.err().contains("3D models have no GPU path yet"), gpu.err());
        assertFalse(Files.exists(out));
        CliHarness.Result auto = CliHarness.inProcess("run", model.toString(), "--out", out.toString(), "--full-cube");
        assertEquals(0, auto.code(), auto.all());
        assertEquals(1, auto.err().lines().filter(l -> l.contains("on the CPU")).count(), auto.err());
        assertTrue(auto.err().contains("bin 5/5 done"), auto.err());
        assertTrue(auto.out().startsWith("tiny3d: --full-cube: N.fits will hold 12100 bytes"), auto.out());
        assertTrue(Files.isRegularFile(out.resolve("N.fits")));
    }

    @Test void partsRunOnTheirOwnAndMergeIntoOneFolder() throws IOException {
        Path model = config(TINY);
        for (String part : new String[] {"0/2", "1/2"}) {
            CliHarness.Result r = CliHarness.inProcess("run", model.toString(), "--bins", part, "--backend", "cpu",
                    "--out", tmp.resolve("part" + part.charAt(0)).toString(), "-q");
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("part " + part), r.out());
        }
        Path merged = tmp.resolve("merged");
        CliHarness.Result m = CliHarness.inProcess("merge", tmp.resolve("part0").toString(),
                tmp.resolve("part1").toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.all());
        assertTrue(m.out().startsWith("merged 2 parts of tiny3d (5 bins"), m.out());
        assertTrue(Files.isRegularFile(merged.resolve("N_plane.fits")));
        CliHarness.Result incomplete = CliHarness.inProcess("merge", tmp.resolve("part0").toString(), "--out",
                tmp.resolve("m2").toString());
        assertEquals(Main.EXIT_BAD_INPUT, incomplete.code(), incomplete.all());
        assertTrue(incomplete.err().contains("momentum bins missing [4]"), incomplete.err());
    }

    @Test void commandsFor2dModelsRefuseA3dOne() throws IOException {
        Path model = config(TINY);
        CliHarness.Result field = CliHarness.inProcess("field", model.toString(), "--out", tmp.resolve("f").toString());
        assertEquals(Main.EXIT_BAD_INPUT, field.code(), field.all());
        assertTrue(field.err().contains("is a 3D model") && field.err().contains("field takes 2D models"), field.err());
        CliHarness.Result sweep = CliHarness.inProcess("sweep", model.toString(), "--vary", "eps_D=0.1,0.2", "--out",
                tmp.resolve("s").toString());
        assertEquals(Main.EXIT_BAD_INPUT, sweep.code(), sweep.all());
        assertTrue(sweep.err().contains("sweep takes 2D models"), sweep.err());
    }

    @Test void threeDOptionsOnA2dModelAreRefused() throws IOException {
        Path model = config(RunCommandTest.SMALL_STEADY);
        CliHarness.Result r = CliHarness.inProcess("run", model.toString(), "--bins", "0/2", "--out",
                tmp.resolve("x").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.all());
        assertTrue(r.err().contains("--bins is for 3D models"), r.err());
    }
}
