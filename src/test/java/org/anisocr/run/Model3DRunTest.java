package org.anisocr.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.CartesianGrid3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny 3D model end to end: the files a user opens (FITS with WCS and BUNIT, PNG, CSV, summary.json), the split
 * into parts and their merge (N bit for bit), the same N whatever the threads, and the up-front memory refusal.
 */
class Model3DRunTest {
    /** 21 × 21 × 9 nodes, 9 bins: JF12 with the paper's pulsar source, about a second to solve. */
    static final String TINY = """
        name = "tiny3d"
        [grid]
        geometry = "cartesian3d"
        r_max_kpc = 10.0
        half_height_kpc = 2.0
        dx_kpc = 1.0
        dz_kpc = 0.5
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 10000.0
        count = 9
        [diffusion]
        eps_D = 0.1
        [field]
        model = "jf12"
        [source]
        model = "pulsar"
        [analysis]
        map_p_GeV = [10.0, 1000.0]
        [output]
        normalise_N_at_sun = 2.0
        normalise_p_GeV = 100.0
        """;

    @TempDir static Path tmp;
    static ModelConfig model;
    static Run3DResult whole;
    static Path wholeDir;

    @BeforeAll static void solveOnce() {
        model = ModelConfig.parse("tiny3d", TINY);
        wholeDir = tmp.resolve("whole");
        whole = Model3DJob.solveAndWrite(model, wholeDir, false, 2, BinSelection.whole(), true, line -> { },
                line -> { });
    }

    @Test void theFilesAUserOpensAreWritten() {
        for (String f : List.of("summary.json", "N_plane.fits", "N_slice_xz.fits", "N_slice_yz.fits",
                "N_plane_p10GeV.png", "N_slice_xz_p1000GeV.png", "N_slice_yz_p10GeV.png", "alpha_plane.fits",
                "alpha_plane.png", "alpha.csv", "flux.csv", "N_R.csv", "N_maps.fits", "gamma_emissivity_plane.fits",
                "N.fits")) {
            assertTrue(Files.isRegularFile(wholeDir.resolve(f)), f);
        }
        assertTrue(whole.converged(), Run3DOutput.convergence(whole));
    }

    @Test void slicesCarryWcsInKpcAndBunit() throws Exception {
        CartesianGrid3D g = model.model3d().grid();
        checkAxes(wholeDir.resolve("N_plane.fits"), "X", "Y", g.xKpc(0), g.dxKpc(), g.yKpc(0), g.dyKpc());
        checkAxes(wholeDir.resolve("N_slice_xz.fits"), "X", "Z", -10, 1, -2, 0.5);
        checkAxes(wholeDir.resolve("N_slice_yz.fits"), "Y", "Z", -10, 1, -2, 0.5);
        checkAxes(wholeDir.resolve("alpha_plane.fits"), "X", "Y", -10, 1, -10, 1);
        checkAxes(wholeDir.resolve("gamma_emissivity_plane.fits"), "X", "Y", -10, 1, -10, 1);
        try (Fits fits = new Fits(wholeDir.resolve("gamma_emissivity_plane.fits").toFile())) {
            assertEquals("s-1 GeV-1", fits.getHDU(0).getHeader().getStringValue("BUNIT"));
        }
        try (Fits fits = new Fits(wholeDir.resolve("N.fits").toFile())) {
            Header h = fits.getHDU(0).getHeader();
            assertEquals(-32, h.getIntValue("BITPIX"), "float32 cube");
            assertEquals(4, h.getIntValue("NAXIS"));
            assertEquals(9, h.getIntValue("NAXIS4"));
            assertEquals("LOG10P", h.getStringValue("CTYPE4"));
            assertEquals("Z", h.getStringValue("CTYPE3"));
            assertEquals("", h.getStringValue("BUNIT"));
        }
    }

    private static void checkAxes(Path file, String type1, String type2, double crval1, double cdelt1,
                                  double crval2, double cdelt2) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            Header h = fits.getHDU(0).getHeader();
            assertEquals(type1, h.getStringValue("CTYPE1"), file.toString());
            assertEquals(type2, h.getStringValue("CTYPE2"), file.toString());
            assertEquals("kpc", h.getStringValue("CUNIT1"));
            assertEquals("kpc", h.getStringValue("CUNIT2"));
            assertEquals(1.0, h.getDoubleValue("CRPIX1"));
            assertEquals(crval1, h.getDoubleValue("CRVAL1"), 1e-12);
            assertEquals(cdelt1, h.getDoubleValue("CDELT1"), 1e-12);
            assertEquals(crval2, h.getDoubleValue("CRVAL2"), 1e-12);
            assertEquals(cdelt2, h.getDoubleValue("CDELT2"), 1e-12);
            assertTrue(h.containsKey("BUNIT"), file + " has BUNIT");
            assertTrue(h.getStringValue("CREATOR").startsWith("anisocr"), h.getStringValue("CREATOR"));
        }
    }

    @Test void summaryHasTheModelFileKeysAndEveryBin() throws Exception {
        JsonNode s = new ObjectMapper().readTree(wholeDir.resolve("summary.json").toFile());
        for (String key : List.of("model", "code_version", "git_commit", "threads", "mode", "grid", "momentum",
                "wall_seconds", "residual", "converged", "bins", "field", "source", "diffusion", "analysis", "gamma",
                "memory_estimate_GB", "peak_heap_GB", "config")) {
            assertTrue(s.has(key), key);
        }
        assertEquals("cartesian3d", s.path("grid").path("geometry").asText());
        assertEquals("jf12", s.path("field").path("model").asText());
        assertEquals(9, s.path("bins").size());
        assertTrue(s.path("bins").get(1).path("warm_start").asBoolean());
        assertFalse(s.path("bins").get(4).path("warm_start").asBoolean(), "bin 4 opens the second block");
        assertTrue(s.path("bins").get(3).path("iterations").asInt() > 0);
        assertEquals(TINY, s.path("config").asText());
        // alpha.csv has the 2D columns, one row per ring R_i = i·Δx
        List<String> alpha = Files.readAllLines(wholeDir.resolve("alpha.csv"));
        assertEquals("R_kpc,alpha", alpha.get(0));
        assertEquals(1 + 11, alpha.size());
    }

    @Test void theNormalisationFixesNAtTheSun() {
        // p_ref = 100 GeV is bin 4 of 1–10⁴ GeV with 9 bins; the Sun at (−8.3, 0, 0)
        double[] atSun = Steady3DRunner.spectrumAtSun(model.model3d().grid(), whole.density(), 8.3);
        assertEquals(2.0, atSun[4], 1e-12);
    }

    @Test void partsMergeIntoTheSingleRunBitForBit() throws Exception {
        Path p0 = tmp.resolve("p0");
        Path p1 = tmp.resolve("p1");
        Model3DJob.solveAndWrite(model, p1, false, 1, new BinSelection(1, 2), false, line -> { }, line -> { });
        Model3DJob.solveAndWrite(model, p0, false, 2, new BinSelection(0, 2), false, line -> { }, line -> { });
        assertTrue(Model3DParts.isPart(p0));
        Path merged = tmp.resolve("merged");
        Run3DResult m = Model3DJob.merge(List.of(p1, p0), merged, false, false, line -> { });
        for (int k = 0; k < whole.density().length; k++) {
            assertArrayEquals(whole.density()[k], m.density()[k], 0.0, "bin " + k);
        }
        assertEquals(whole.normalisation(), m.normalisation());
        try (Fits a = new Fits(wholeDir.resolve("N_plane.fits").toFile());
             Fits b = new Fits(merged.resolve("N_plane.fits").toFile())) {
            double[][][] na = (double[][][]) a.getHDU(0).getKernel();
            double[][][] nb = (double[][][]) b.getHDU(0).getKernel();
            for (int q = 0; q < na.length; q++) {
                for (int j = 0; j < na[q].length; j++) {
                    assertArrayEquals(na[q][j], nb[q][j], 0.0);
                }
            }
        }
        assertNull(new ObjectMapper().readTree(merged.resolve("summary.json").toFile()).get("full_cube").textValue());

        String missing = assertThrows(ConfigException.class,
                () -> Model3DJob.merge(List.of(p0), tmp.resolve("m1"), false, false, line -> { })).getMessage();
        assertTrue(missing.startsWith("incomplete: 4 of 9 momentum bins missing [4, 5, 6, 7]"), missing);
        String twice = assertThrows(ConfigException.class,
                () -> Model3DJob.merge(List.of(p0, p1, p0), tmp.resolve("m2"), false, false, line -> { }))
                .getMessage();
        assertTrue(twice.startsWith("momentum bin 0 is in two parts"), twice);
        ModelConfig other = ModelConfig.parse("tiny3d", TINY.replace("eps_D = 0.1", "eps_D = 0.2"));
        Path foreign = tmp.resolve("foreign");
        Model3DJob.solveAndWrite(other, foreign, false, 1, new BinSelection(1, 2), false, line -> { }, line -> { });
        String mixed = assertThrows(ConfigException.class,
                () -> Model3DJob.merge(List.of(p0, foreign), tmp.resolve("m3"), false, false, line -> { }))
                .getMessage();
        assertTrue(mixed.startsWith("not parts of one model"), mixed);
        assertFalse(Files.exists(tmp.resolve("m1")) || Files.exists(tmp.resolve("m2"))
                || Files.exists(tmp.resolve("m3")), "a refused merge writes nothing");
    }

    @Test void theAnswerDoesNotDependOnTheThreads() {
        Run3DResult one = Steady3DRunner.solve(model, BinSelection.whole(), 1, line -> { });
        for (int k = 0; k < one.density().length; k++) {
            assertArrayEquals(whole.density()[k], one.density()[k], 0.0, "bin " + k);
        }
    }

    @Test void aModelThatDoesNotFitTheHeapIsRefusedBeforeAnyWork() {
        // 801 × 801 × 161 nodes × 33 bins × 8 bytes ≈ 25 GB of densities alone
        ModelConfig big = ModelConfig.parse("big", TINY.replace("r_max_kpc = 10.0", "r_max_kpc = 20.0")
                .replace("half_height_kpc = 2.0", "half_height_kpc = 4.0").replace("dx_kpc = 1.0", "dx_kpc = 0.05")
                .replace("dz_kpc = 0.5", "dz_kpc = 0.05").replace("count = 9", "count = 33"));
        Path dir = tmp.resolve("big");
        ConfigException e = assertThrows(ConfigException.class, () -> Model3DJob.solveAndWrite(big, dir, false, 1,
                BinSelection.whole(), false, line -> { }, line -> { }));
        assertTrue(e.getMessage().startsWith("this model needs about") && e.getMessage().contains("--bins i/n"),
                e.getMessage());
        assertFalse(Files.exists(dir));
        // a part holds only its bins: the estimate shrinks by the densities of the bins it leaves out (the solver's
        // hierarchy, shared by all bins, stays)
        long all = MemoryEstimate.of3d(big, 1, 33, 9, false).bytes();
        long part = MemoryEstimate.of3d(big, 1, 4, 1, false).bytes();
        long densityBytesLeftOut = 29L * 801 * 801 * 161 * Double.BYTES;
        assertTrue(all - part >= densityBytesLeftOut, part + " vs " + all);
    }

    @Test void partsAndTheFullCubeDoNotMix() {
        ConfigException e = assertThrows(ConfigException.class, () -> Model3DJob.check(model, tmp.resolve("x"),
                false, 1, new BinSelection(0, 2), true));
        assertTrue(e.getMessage().contains("give --full-cube to merge"), e.getMessage());
        ConfigException tooMany = assertThrows(ConfigException.class, () -> new BinSelection(3, 4).blocks(9));
        assertTrue(tooMany.getMessage().contains("at most 3 parts"), tooMany.getMessage());
    }
}
