package org.anisocr.sky;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HealpixRing} against healpy (src/test/resources/sky/healpix-ring-reference.csv: pixel centres and look-ups
 * printed by healpy, provenance in its header), round trips of every centre, and the areas that tile the sphere.
 */
class HealpixRingTest {
    private static final double TOLERANCE_RAD = 1e-12;

    /** One reference row: a centre (pixel → θ, φ) or a look-up (θ, φ → pixel). */
    private record Row(boolean centre, int nside, long pixel, double theta, double phi) {
    }

    private static List<Row> reference() throws IOException {
        InputStream in = HealpixRingTest.class.getResourceAsStream("/sky/healpix-ring-reference.csv");
        assertNotNull(in, "test resource sky/healpix-ring-reference.csv");
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("kind,") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",");
                rows.add(new Row(c[0].equals("centre"), Integer.parseInt(c[1]), Long.parseLong(c[2]),
                        Double.parseDouble(c[3]), Double.parseDouble(c[4])));
            }
        }
        return rows;
    }

    @Test
    void centresAgreeWithHealpy() throws IOException {
        int checked = 0;
        for (Row row : reference()) {
            if (!row.centre()) {
                continue;
            }
            SkyDirection d = new HealpixRing(row.nside()).centre(row.pixel());
            String where = "nside " + row.nside() + " pixel " + row.pixel();
            assertEquals(row.theta(), d.colatitudeRad(), TOLERANCE_RAD, where + " θ");
            assertEquals(row.phi(), d.longitudeRad(), TOLERANCE_RAD, where + " φ");
            checked++;
        }
        assertTrue(checked > 250, "the reference holds the centres it promises: " + checked);
    }

    @Test
    void lookUpsAgreeWithHealpy() throws IOException {
        int checked = 0;
        for (Row row : reference()) {
            if (row.centre()) {
                continue;
            }
            assertEquals(row.pixel(), new HealpixRing(row.nside()).pixelAt(row.theta(), row.phi()),
                    "nside " + row.nside() + " θ = " + row.theta() + ", φ = " + row.phi());
            checked++;
        }
        assertTrue(checked > 250, "the reference holds the look-ups it promises: " + checked);
    }

    /** Every pixel centre falls in its own pixel, for every nside up to 128 (196 608 pixels there). */
    @Test
    void everyCentreLiesInItsPixel() {
        for (int nside = 1; nside <= 128; nside *= 2) {
            HealpixRing ring = new HealpixRing(nside);
            for (long p = 0; p < ring.pixelCount(); p++) {
                long back = ring.pixelAt(ring.centre(p));
                if (back != p) {
                    assertEquals(p, back, "nside " + nside + ": centre of pixel " + p);
                }
            }
        }
    }

    @Test
    void areasTileTheSphere() {
        for (int nside = 1; nside <= HealpixRing.MAX_NSIDE; nside *= 2) {
            HealpixRing ring = new HealpixRing(nside);
            assertEquals(12L * nside * nside, ring.pixelCount());
            assertEquals(4 * Math.PI, ring.pixelCount() * ring.solidAngleSr(), 1e-12, "nside " + nside);
        }
        HealpixRing ring = new HealpixRing(HealpixRing.DEFAULT_NSIDE);
        double sum = 0;
        for (long p = 0; p < ring.pixelCount(); p++) {
            sum += ring.solidAngleSr();
        }
        assertEquals(4 * Math.PI, sum, 1e-9, "summed pixel areas at the default nside");
    }

    /** nside 1's twelve base pixels have closed-form centres: θ = acos(±2/3) in the caps' rings, π/2 at the equator. */
    @Test
    void baseResolutionCentresInClosedForm() {
        HealpixRing ring = new HealpixRing(1);
        for (int p = 0; p < 12; p++) {
            SkyDirection d = ring.centre(p);
            int row = p / 4;
            double theta = row == 0 ? Math.acos(2.0 / 3) : row == 1 ? Math.PI / 2 : Math.acos(-2.0 / 3);
            double phi = (p % 4 + (row == 1 ? 0 : 0.5)) * Math.PI / 2;
            assertEquals(theta, d.colatitudeRad(), 1e-15, "pixel " + p);
            assertEquals(phi, d.longitudeRad(), 1e-15, "pixel " + p);
        }
    }

    @Test
    void galacticConventionIsHealpys() {
        SkyDirection centre = SkyDirection.galactic(0, 0);
        assertEquals(Math.PI / 2, centre.colatitudeRad(), 0);
        assertEquals(0, centre.longitudeRad(), 0);
        SkyDirection d = SkyDirection.galactic(-30, 45);
        assertEquals(330, d.galacticLongitudeDeg(), 1e-12);
        assertEquals(45, d.galacticLatitudeDeg(), 1e-12);
        assertEquals(0, new SkyDirection(0.5, -1e-300).galacticLongitudeDeg(), 0);
        HealpixRing ring = new HealpixRing(2);
        assertEquals(0, ring.pixelAt(SkyDirection.galactic(45, 89)), "near the north Galactic pole, first ring");
        assertEquals(ring.pixelCount() - 1, ring.pixelAt(SkyDirection.galactic(359, -89)), "south pole, last pixel");
    }

    @Test
    void badInputsSayWhatIsWrong() {
        for (int bad : new int[] {0, -4, 3, 100, 16384}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HealpixRing(bad));
            assertTrue(e.getMessage().contains("power of two from 1 to 8192"), e.getMessage());
        }
        HealpixRing ring = new HealpixRing(4);
        assertThrows(IllegalArgumentException.class, () -> ring.centre(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ring.centre(192));
        assertTrue(e.getMessage().contains("[0, 192)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ring.pixelAt(-0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> ring.pixelAt(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SkyDirection(4, 0));
        assertThrows(IllegalArgumentException.class, () -> SkyDirection.galactic(0, 91));
    }
}
