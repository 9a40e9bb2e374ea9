package org.anisocr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The γ-ray sky of a 3D model: [sky] inside {@code run} and {@code merge}, {@code anisocr sky} on the run's folder
 * (with and without the full cube), the ℓ ↔ −ℓ symmetry of an axisymmetric model's sky, and its agreement with
 * the 2D model's sky.
 */
class Sky3DCommandTest {
    /**
     * 25 × 25 × 9 nodes, 9 bins: the paper's toy field with ε_B = 0 (purely azimuthal: b b is the same under
     * y → −y, so the discrete 3D problem is mirror symmetric, not only the continuous one) and the pulsar source.
     */
    static final String TINY_3D = """
        name = "tiny3d-sky"
        [grid]
        geometry = "cartesian3d"
        r_max_kpc = 12.0
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
        model = "toy"
        eps_B = 0.0
        [source]
        model = "pulsar"
        [sky]
        nside = 8
        car = true
        """;

    /** The same model in 2D at the same spacing (dR = dx, dz). */
    static final String TINY_2D = TINY_3D.replace("geometry = \"cartesian3d\"", "n_r = 13\nn_z = 9")
            .replace("dx_kpc = 1.0\n", "").replace("dz_kpc = 0.5\n", "").replace("tiny3d-sky", "tiny2d-sky");

    @TempDir static Path tmp;
    static Path run3d;
    static Path run2d;

    @BeforeAll
    static void runBoth() throws Exception {
        run3d = run(TINY_3D, "m3.toml", "run3d", "--full-cube");
        run2d = run(TINY_2D, "m2.toml", "run2d");
    }

    private static Path run(String model, String file, String out, String... more) throws Exception {
        Path toml = tmp.resolve(file);
        Files.writeString(toml, model);
        Path dir = tmp.resolve(out);
        List<String> args = new ArrayList<>(List.of("run", toml.toString(), "--out", dir.toString(), "-q",
                "--threads", "2"));
        args.addAll(List.of(more));
        CliHarness.Result r = CliHarness.inProcess(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        return dir;
    }

    @Test
    void runWritesTheSkyFilesWithTheHeadersOfA2dRun() throws Exception {
        for (String f : List.of("sky_intensity.fits", "sky_index.fits", "sky_intensity_car.fits", "sky_profile.csv",
                "sky_summary.json", "sky_index.png")) {
            assertTrue(Files.isRegularFile(run3d.resolve(f)), f + " in the 3D run folder");
        }
        try (Fits f = new Fits(run3d.resolve("sky_intensity.fits").toFile())) {
            BinaryTableHDU t = (BinaryTableHDU) f.getHDU(1);
            HealpixAssertions.assertIntensityTable(t, 8);
        }
        JsonNode sky = new ObjectMapper().readTree(run3d.resolve("summary.json").toFile()).get("sky");
        assertEquals(8, sky.get("nside").asInt());
        double inner = sky.get("regions").get("inner").get("gamma_index").asDouble();
        assertTrue(inner > 2 && inner < 3.5, "a π⁰ index in the inner Galaxy: " + inner);
    }

    /**
     * The CAR pixel at −ℓ of ix is nLon − 1 − ix: the map of a mirror-symmetric model is the same there. The
     * float32 maps of every energy, every latitude.
     */
    @Test
    void anAxisymmetricModelsSkyIsSymmetricUnderLongitudeReflection() throws Exception {
        float[][][] car = car(run3d.resolve("sky_intensity_car.fits"));
        double worst = 0;
        for (float[][] plane : car) {
            for (float[] row : plane) {
                int n = row.length;
                for (int ix = 0; ix < n; ix++) {
                    double a = row[ix];
                    double b = row[n - 1 - ix];
                    if (a + b > 0) {
                        worst = Math.max(worst, Math.abs(a - b) / (0.5 * (a + b)));
                    }
                }
            }
        }
        // measured: 0 (bit for bit): the grid's y_j = −y_(n−1−j) exactly, and so are N, n_H and the rays' crossings
        assertTrue(worst < 1e-6, "ℓ ↔ −ℓ: largest relative difference " + worst);
    }

    @Test
    void the3dSkyAgreesWithThe2dSkyOfTheSameModel() throws Exception {
        float[][] sky3d = healpix(run3d.resolve("sky_intensity.fits"));
        float[][] sky2d = healpix(run2d.resolve("sky_intensity.fits"));
        double worst = 0;
        double sum = 0;
        int count = 0;
        for (int e = 0; e < sky3d.length; e++) {
            for (int k = 0; k < sky3d[e].length; k++) {
                double d = Math.abs(sky3d[e][k] - sky2d[e][k]) / sky2d[e][k];
                worst = Math.max(worst, d);
                sum += d * d;
                count++;
            }
        }
        double rms = Math.sqrt(sum / count);
        JsonNode r3 = new ObjectMapper().readTree(run3d.resolve("sky_summary.json").toFile()).get("regions");
        JsonNode r2 = new ObjectMapper().readTree(run2d.resolve("sky_summary.json").toFile()).get("regions");
        double dInner = r3.get("inner").get("gamma_index").asDouble() - r2.get("inner").get("gamma_index").asDouble();
        double dOuter = r3.get("outer").get("gamma_index").asDouble() - r2.get("outer").get("gamma_index").asDouble();
        // measured at dx = dR = 1 kpc, dz = 0.5 kpc: worst 0.062, rms 0.0097, ΔΓ inner −7.2e-4, outer −1.0e-3. The two
        // differ by O(h²): the solutions (a Cartesian vs a cylindrical stencil), and trilinear vs bilinear in (R, z)
        // between the nodes along each ray.
        assertTrue(worst < 0.1 && rms < 0.02, "3D vs 2D intensity, relative: largest " + worst + ", rms " + rms);
        assertTrue(Math.abs(dInner) < 0.003 && Math.abs(dOuter) < 0.003, "3D − 2D index: inner " + dInner
                + ", outer " + dOuter);
    }

    @Test
    void skyOnA3dRunWithoutTheFullCubeSaysHowToGetIt() throws Exception {
        Path noCube = Files.createDirectory(tmp.resolve("no-cube"));
        for (String f : List.of("summary.json", "N_plane.fits")) {
            Files.copy(run3d.resolve(f), noCube.resolve(f));
        }
        Path out = tmp.resolve("sky-no-cube");
        CliHarness.Result r = CliHarness.inProcess("sky", noCube.toString(), "--out", out.toString(), "-q");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("run --full-cube") && r.err().contains("[sky]"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void skyOnTheFullCubeGivesTheMapsRunWrote() throws Exception {
        Path out = tmp.resolve("sky-from-cube");
        CliHarness.Result r = CliHarness.inProcess("sky", run3d.toString(), "--out", out.toString(), "-q",
                "--threads", "2");
        assertEquals(0, r.code(), r.all());
        float[][] fromRun = healpix(run3d.resolve("sky_intensity.fits"));
        float[][] fromCube = healpix(out.resolve("sky_intensity.fits"));
        double worst = 0;
        for (int e = 0; e < fromRun.length; e++) {
            for (int k = 0; k < fromRun[e].length; k++) {
                worst = Math.max(worst, Math.abs(fromCube[e][k] - fromRun[e][k]) / fromRun[e][k]);
            }
        }
        // measured 1.2e-7: N.fits holds N in float32, run's [sky] used the doubles
        assertTrue(worst < 1e-6, "sky of N.fits (float32) vs run's [sky] (double): " + worst);
    }

    /** A part holds some bins only, so it has no sky; the merge of the parts writes the whole run's, bit for bit. */
    @Test
    void partsHaveNoSkyAndTheirMergeWritesTheWholeRunsMaps() throws Exception {
        Path toml = tmp.resolve("m3.toml");
        List<String> parts = new ArrayList<>(List.of("merge"));
        for (int i = 0; i < 2; i++) {
            Path part = tmp.resolve("part" + i);
            CliHarness.Result r = CliHarness.inProcess("run", toml.toString(), "--out", part.toString(), "-q",
                    "--bins", i + "/2", "--threads", "2");
            assertEquals(0, r.code(), r.all());
            assertFalse(Files.exists(part.resolve("sky_intensity.fits")), "a part has no sky");
            parts.add(part.toString());
        }
        Path merged = tmp.resolve("merged");
        parts.addAll(List.of("--out", merged.toString()));
        CliHarness.Result r = CliHarness.inProcess(parts.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        float[][] whole = healpix(run3d.resolve("sky_intensity.fits"));
        float[][] joined = healpix(merged.resolve("sky_intensity.fits"));
        for (int e = 0; e < whole.length; e++) {
            assertArrayEquals(whole[e], joined[e], "energy " + e);
        }
    }

    private static float[][] healpix(Path file) throws Exception {
        try (Fits f = new Fits(file.toFile())) {
            BinaryTableHDU t = (BinaryTableHDU) f.getHDU(1);
            float[][] out = new float[t.getNCols()][];
            for (int c = 0; c < out.length; c++) {
                out[c] = (float[]) t.getColumn(c);
            }
            return out;
        }
    }

    private static float[][][] car(Path file) throws Exception {
        try (Fits f = new Fits(file.toFile())) {
            return (float[][][]) f.getHDU(0).getKernel();
        }
    }
}
