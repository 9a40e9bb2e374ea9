package org.anisocr.cli;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code [output] dragon2 = true} and {@code anisocr export --format dragon2}: the same file from the run and from its
 * folder, the folder rules of every command, and the refusals before any work.
 */
class ExportCommandTest {
    @TempDir Path tmp;

    /** A small steady model reaching R☉ = 8.3 kpc, where the protons are normalised to AMS-02. */
    static final String MODEL = """
        [grid]
        r_max_kpc = 10.0
        half_height_kpc = 2.0
        n_r = 21
        n_z = 9
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 1000.0
        count = 7
        [diffusion]
        eps_D = 0.05
        [field]
        model = "uniform"
        b_r_uG = 10.0
        b_z_uG = 10.0
        [source]
        model = "pulsar"
        [solver]
        mode = "steady"
        [analysis]
        p_fit_min_GeV = 10.0
        p_fit_max_GeV = 1000.0
        map_p_GeV = [10.0]
        [output]
        csv_momenta_GeV = [10.0]
        dragon2 = true
        """;

    private Path model(String text) throws IOException {
        Path f = tmp.resolve("model.toml");
        Files.writeString(f, text);
        return f;
    }

    @Test void theRunAndTheExportWriteTheSameFileAndOnlyOverwriteWhatAnisocrWrote() throws Exception {
        Path run = tmp.resolve("run");
        CliHarness.Result r = CliHarness.inProcess("run", model(MODEL).toString(), "--out", run.toString(),
                "--backend", "cpu", "--quiet");
        assertEquals(0, r.code(), r.all());
        Path inRun = run.resolve("dragon2.fits");
        byte[] written = Files.readAllBytes(inRun);
        try (Fits fits = new Fits(inRun.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(2, hdus.length);
            assertEquals(21, hdus[0].getHeader().getIntValue("DIMR"));
            assertEquals(9, hdus[0].getHeader().getIntValue("DIMZ"));
        }
        assertTrue(Files.readString(run.resolve("summary.json")).contains("\"dragon2\" : {"));

        Path exported = tmp.resolve("exported.fits");
        r = CliHarness.inProcess("export", "--format", "dragon2", run.toString(), "--out", exported.toString());
        assertEquals(0, r.code(), r.all());
        assertArrayEquals(written, Files.readAllBytes(exported), "export from N.fits = the run's own file");

        // the default target is the run's own dragon2.fits: anisocr's, so replaced only with --overwrite
        r = CliHarness.inProcess("export", "--format", "DRAGON2", run.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--overwrite"), r.err());
        r = CliHarness.inProcess("export", "--format", "dragon2", run.toString(), "--overwrite");
        assertEquals(0, r.code(), r.all());
        assertArrayEquals(written, Files.readAllBytes(inRun));

        // a user's file is never replaced, --overwrite or not
        Path mine = tmp.resolve("mine.fits");
        Files.writeString(mine, "my notes");
        r = CliHarness.inProcess("export", "--format", "dragon2", run.toString(), "--out", mine.toString(),
                "--overwrite");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("not written by anisocr"), r.err());
        assertEquals("my notes", Files.readString(mine));
    }

    @Test void whatTheFormatCannotHoldIsRefusedBeforeAnyWork() throws Exception {
        Path out = tmp.resolve("slab");
        CliHarness.Result r = CliHarness.inProcess("run",
                model(MODEL.replace("[grid]\n", "[grid]\ngeometry = \"cartesian\"\n")).toString(),
                "--out", out.toString(), "--backend", "cpu", "--quiet");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("dragon2 = true needs [grid] geometry = \"cylindrical\""), r.err());
        assertFalse(Files.exists(out));

        r = CliHarness.inProcess("run", model(MODEL.replace("r_max_kpc = 10.0", "r_max_kpc = 6.0")).toString(),
                "--out", out.toString(), "--backend", "cpu", "--quiet");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("outside this grid"), r.err());
        assertFalse(Files.exists(out));

        r = CliHarness.inProcess("run", model(MODEL.replace("dragon2 = true", "dragon2 = \"yes\"")).toString(),
                "--out", out.toString(), "--backend", "cpu", "--quiet");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("[output].dragon2") || r.err().contains("output.dragon2"), r.err());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        r = CliHarness.inProcess("export", "--format", "dragon2", empty.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("holds no N.fits"), r.err());

        r = CliHarness.inProcess("export", "--format", "galprop", empty.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("expected one of [dragon2]"), r.err());
        try (var s = Files.list(empty)) {
            assertEquals(0, s.count());
        }
    }
}
