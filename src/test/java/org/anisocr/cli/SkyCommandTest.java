package org.anisocr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} with a [sky] table and {@code anisocr sky} on its folder: the files, their headers, bad inputs. */
class SkyCommandTest {
    @TempDir Path tmp;

    static final String MODEL = """
        [grid]
        r_max_kpc = 12.0
        half_height_kpc = 2.0
        n_r = 25
        n_z = 11
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 10000.0
        count = 9
        [diffusion]
        eps_D = 0.1
        [field]
        model = "toy"
        [source]
        model = "pulsar"
        [sky]
        nside = 8
        fit_min_GeV = 10
        fit_max_GeV = 100
        """;

    @Test
    void runWritesTheSkyAndSkyRedoesItOnTheFolder() throws Exception {
        Path model = tmp.resolve("m.toml");
        Files.writeString(model, MODEL);
        Path run = tmp.resolve("run");
        CliHarness.Result r = CliHarness.inProcess("run", model.toString(), "--out", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.all());
        for (String f : new String[] {"sky_intensity.fits", "sky_index.fits", "sky_profile.csv", "sky_summary.json"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " in the run folder");
        }
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertEquals(8, summary.get("sky").get("nside").asInt());
        double inner = summary.get("sky").get("regions").get("inner").get("gamma_index").asDouble();
        assertTrue(inner > 2 && inner < 3.5, "a π⁰ index in the inner Galaxy: " + inner);

        Path sky = tmp.resolve("sky");
        CliHarness.Result s = CliHarness.inProcess("sky", run.toString(), "--out", sky.toString(), "--nside", "4",
                "--car", "--energies", "2,20,200", "--fit-min-GeV", "20", "--fit-max-GeV", "200", "-q");
        assertEquals(0, s.code(), s.all());
        assertTrue(s.out().contains("nside 4, 3 energies (+ CAR)"), s.out());
        try (Fits f = new Fits(sky.resolve("sky_intensity.fits").toFile())) {
            BinaryTableHDU t = (BinaryTableHDU) f.getHDU(1);
            HealpixAssertions.assertIntensityTable(t, 4);
            assertEquals(3, t.getNCols());
            double[] e = (double[]) ((BinaryTableHDU) f.getHDU(2)).getColumn("Energy");
            assertEquals(20000, e[1], 1e-9, "energies in MeV");
        }
        try (Fits f = new Fits(sky.resolve("sky_intensity_car.fits").toFile())) {
            Header h = f.getHDU(0).getHeader();
            assertEquals("GLON-CAR", h.getStringValue("CTYPE1"));
            assertEquals(16.0, -h.getDoubleValue("CDELT1"), 1e-12, "64°/nside");
        }
        String csv = Files.readString(sky.resolve("sky_profile.csv"));
        assertTrue(csv.startsWith("l_deg,I_2GeV,I_20GeV,I_200GeV,gamma_index\n-144,"), csv);
        assertFalse(csv.contains("nan"), "every longitude bin holds pixels: " + csv);
    }

    @Test
    void badInputsAreRefusedBeforeAnyWork() throws Exception {
        Path notARun = Files.createDirectory(tmp.resolve("empty"));
        CliHarness.Result r = CliHarness.inProcess("sky", notARun.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("no N.fits"), r.err());
        r = CliHarness.inProcess("sky", notARun.toString(), "--out", tmp.resolve("o").toString(), "--nside", "3");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--nside"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
        r = CliHarness.inProcess("sky", notARun.toString(), "--out", notARun.toString(), "--overwrite");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("would delete that run"), r.err());
        assertTrue(Files.isDirectory(notARun));
    }
}
