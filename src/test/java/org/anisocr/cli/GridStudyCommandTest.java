package org.anisocr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class GridStudyCommandTest {
    @TempDir Path tmp;

    static final String MODEL = """
        name = "tiny"
        [grid]
        r_max_kpc = 8.0
        half_height_kpc = 2.0
        dr_kpc = 0.5
        dz_kpc = 0.5
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 10000.0
        count = 5
        [diffusion]
        delta_par = 0.3
        delta_perp = 0.7
        eps_D = 0.01
        [field]
        model = "realistic"
        [source]
        model = "pulsar"
        [analysis]
        r_sun_kpc = 4.0
        """;

    static CliHarness.Result run(String... args) { return CliHarness.inProcess(args); }

    @Test void studiesThreeLevelsAndWritesTableJsonAndPlot() throws IOException {
        Path cfg = tmp.resolve("m.toml");
        Files.writeString(cfg, MODEL);
        Path out = tmp.resolve("study");
        CliHarness.Result r = run(
                "grid-study", cfg.toString(), "--levels", "0.5,0.25,0.125", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| 0.125 | 65×33 | 2145 |"), r.out());
        assertTrue(r.out().contains("Richardson"), r.out());
        for (String f : new String[]{"grid-study.json", "grid-study.csv", "alpha-levels.csv", "alpha-levels.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("grid-study.json").toFile());
        assertEquals(3, j.get("levels").size());
        assertEquals(2.0, j.get("refinement_ratio").asDouble(), 0);
        for (JsonNode level : j.get("levels")) {
            assertTrue(level.get("residual").asDouble() <= 1e-10);
        }
        // the finest level is closest to the extrapolated Δα
        JsonNode d = j.get("richardson").get("alpha_sun_minus_inner");
        double ex = d.get("extrapolated").asDouble();
        double coarse = j.get("levels").get(0).get("alpha_sun_minus_inner").asDouble();
        double fine = j.get("levels").get(2).get("alpha_sun_minus_inner").asDouble();
        assertTrue(
                Math.abs(fine - ex) <= Math.abs(coarse - ex),
                "finest " + fine + ", coarsest " + coarse + ", extrapolated " + ex);
    }

    @Test void refusesLevelsThatDoNotDivideTheDomainOrDoNotFitBeforeAnyWork() throws IOException {
        Path cfg = tmp.resolve("m.toml");
        Files.writeString(cfg, MODEL);
        Path out = tmp.resolve("study");
        CliHarness.Result r = run("grid-study", cfg.toString(), "--levels", "0.5,0.3", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--levels") && r.err().contains("divide"), r.err());
        r = run("grid-study", cfg.toString(), "--levels", "0.5,0.25,0.1", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("constant ratio"), r.err());
        r = run("grid-study", cfg.toString(), "--levels", "0.5,0.00025", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("32001×16001 needs about") && r.err().contains("nothing was run"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
