package org.anisocr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.anisocr.config.ModelConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user reads from one run: summary.json blocks that paste back into a model file, and FITS files whose BUNIT
 * a FITS reader understands. One small realistic-field model with the Sun on the grid (so the γ-ray maps exist).
 */
class RunOutputsForUsersTest {
    static final String MODEL = """
            name = "users"
            [grid]
            r_max_kpc = 12.0
            half_height_kpc = 2.0
            n_r = 13
            n_z = 9
            [momentum]
            p_min_GeV = 1.0
            p_max_GeV = 1000.0
            count = 4
            [diffusion]
            D0_cm2_s = 2.0e28
            eps_D = 0.1
            delta_perp = 0.45
            [field]
            model = "realistic"
            disk_b0_uG = 2.5
            x_scale = 0.5
            [source]
            model = "pulsar"
            alpha_inj = 2.3
            [analysis]
            map_p_GeV = [10.0]
            [output]
            csv_momenta_GeV = [10.0]
            normalise_N_at_sun = 2.5
            """;

    @TempDir static Path tmp;
    static Path out;
    static ModelConfig model;

    @BeforeAll static void run() throws Exception {
        Path file = tmp.resolve("users.toml");
        Files.writeString(file, MODEL);
        model = ModelConfig.load(file);
        out = tmp.resolve("out");
        CliHarness.Result r = CliHarness.inProcess("run", file.toString(), "--out", out.toString(), "--backend", "cpu");
        assertEquals(0, r.code(), r.all());
    }

    /** MODEL with its [name] table replaced by the summary's block of that name, as a user would paste it. */
    private static ModelConfig pasted(String summaryBlock, String table) throws Exception {
        JsonNode block = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get(summaryBlock);
        String toml = "[" + table + "]\n" + new TomlMapper().writeValueAsString(block);
        String text = MODEL.replaceAll("(?s)\\[" + table + "\\]\\n.*?(?=\\n\\[|$)", "").strip() + "\n" + toml;
        return ModelConfig.parse("pasted", text);
    }

    @Test void summaryBlocksPasteBackIntoTheModelFile() throws Exception {
        JsonNode field = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("field");
        assertEquals(2.5, field.get("disk_b0_uG").asDouble(), "the model file's key, not diskB0MicroGauss");
        assertEquals(model.field(), pasted("field", "field").field());
        assertEquals(model.source(), pasted("source", "source").source());
        assertEquals(model.grid(), pasted("grid", "grid").grid());
        assertEquals(model.momenta(), pasted("momentum", "momentum").momenta());
        double d0 = model.diffusion().d0Kpc2PerMyr();
        assertEquals(d0, pasted("diffusion", "diffusion").diffusion().d0Kpc2PerMyr(), d0 * 1e-15);
        assertEquals(model.diffusion().epsD(), pasted("diffusion", "diffusion").diffusion().epsD());
    }

    private static Header header(String fitsFile) throws Exception {
        try (Fits fits = new Fits(out.resolve(fitsFile).toFile())) {
            return fits.getHDU(0).getHeader();
        }
    }

    @Test void everyFitsCubeCarriesBunit() throws Exception {
        for (String relative : new String[] {"N.fits", "N_maps.fits"}) {
            Header h = header(relative);
            assertTrue(h.containsKey("BUNIT"), relative);
            assertEquals("", h.getStringValue("BUNIT"), relative + ": a pure number");
            assertEquals("N(R=8.3 kpc, z=0, p=10 GeV) = 2.5", h.getStringValue("NORM"), relative);
        }
        Header gamma = header("gamma_emissivity.fits");
        assertEquals("s-1 GeV-1", gamma.getStringValue("BUNIT"));
        assertEquals("hydrogen atom", gamma.getStringValue("QPER"));
    }
}
