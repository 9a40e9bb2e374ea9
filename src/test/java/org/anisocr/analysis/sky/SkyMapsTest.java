package org.anisocr.analysis.sky;

import org.anisocr.config.ConfigException;
import org.anisocr.config.SkySettings;
import org.anisocr.gas.GasModel;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.sky.HealpixRing;
import org.anisocr.sky.SkyDirection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole maps of an axisymmetric model: symmetric under ℓ ↔ −ℓ, pixel areas that tile the sphere, and the regions'
 * index where the spectrum is a pure power law.
 */
class SkyMapsTest {
    private static final SpatialGrid GRID = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 101, 41);
    private static final MomentumGrid MOMENTA = new MomentumGrid(1, 1e4, 17);

    /** N(p, R, z) = p^−2.7 e^(−R/8 − |z|/1.5), a smooth axisymmetric density with structure in R and z. */
    private static double[][] density() {
        double[][] n = new double[MOMENTA.count()][GRID.size()];
        for (int k = 0; k < MOMENTA.count(); k++) {
            for (int j = 0; j < GRID.nZ(); j++) {
                for (int i = 0; i < GRID.nR(); i++) {
                    n[k][GRID.index(i, j)] = Math.pow(MOMENTA.p(k), -2.7)
                            * Math.exp(-GRID.r(i) / 8 - Math.abs(GRID.z(j)) / 1.5) * (i == GRID.nR() - 1 ? 0 : 1);
                }
            }
        }
        return n;
    }

    @Test
    void axisymmetricModelGivesAMapSymmetricInLongitude() {
        SkySettings s = SkySettings.defaults().with(16, false, null, null, null, 0.02);
        SkyMaps.Result r = SkyMaps.compute(GRID, MOMENTA, density(), GasModel.galpropDefault(), s, 8.3, 2, null);
        HealpixRing ring = r.ring();
        double worst = 0;
        int compared = 0;
        for (long k = 0; k < ring.pixelCount(); k++) {
            SkyDirection d = ring.centre(k);
            long mirror = ring.pixelAt(d.colatitudeRad(), 2 * Math.PI - d.longitudeRad());
            for (int e = 0; e < r.energiesGeV().length; e++) {
                float a = r.healpixIntensity()[e][(int) k];
                float b = r.healpixIntensity()[e][(int) mirror];
                assertTrue(a > 0, "every direction crosses the model");
                worst = Math.max(worst, Math.abs(a / b - 1));
                compared++;
            }
            assertEquals(r.healpixIndex()[(int) k], r.healpixIndex()[(int) mirror], 1e-5);
        }
        System.out.println("sky symmetry l <-> -l, nside 16: worst relative difference " + worst);
        assertEquals(3072 * 19, compared);
        assertTrue(worst < 1e-6, "I(ℓ, b) = I(−ℓ, b) for an axisymmetric model (float maps): " + worst);
        // and not trivially: the inner Galaxy is brighter than the anticentre
        int centre = (int) ring.pixelAt(SkyDirection.galactic(0, 0));
        int anti = (int) ring.pixelAt(SkyDirection.galactic(180, 0));
        assertTrue(r.healpixIntensity()[5][centre] > 1.5 * r.healpixIntensity()[5][anti],
                r.healpixIntensity()[5][centre] + " towards the centre, " + r.healpixIntensity()[5][anti] + " away");
    }

    @Test
    void pixelAreasTileTheSphere() {
        for (int nside : new int[] {1, 16, 128, 512}) {
            HealpixRing ring = new HealpixRing(nside);
            double sum = 0;
            for (long k = 0; k < ring.pixelCount(); k++) {
                sum += ring.solidAngleSr();
            }
            assertEquals(4 * Math.PI, sum, 1e-9, "nside " + nside);
        }
    }

    @Test
    void aPowerLawEmissivityGivesItsIndexEverywhere() {
        // a density of one power law in p everywhere: q_γ has the same shape at every node, so every pixel and
        // every region has the same index, that of the emissivity spectrum itself
        SkySettings s = SkySettings.defaults().with(8, false, null, null, null, null);
        SkyMaps.Result r = SkyMaps.compute(GRID, MOMENTA, density(), GasModel.galpropDefault(), s, 8.3, 1, null);
        double first = r.healpixIndex()[0];
        for (float g : r.healpixIndex()) {
            assertEquals(first, g, 1e-4);
        }
        for (SkyProducts.RegionSpectrum rs : SkyProducts.regions(r)) {
            assertEquals(first, rs.index(), 1e-4, rs.region().name());
            assertTrue(rs.pixels() > 0);
        }
    }

    @Test
    void windowWithoutTwoEnergiesIsRefusedUpFront() {
        SkySettings s = SkySettings.defaults().with(8, false, 11.0, 12.0, null, null);
        assertThrows(ConfigException.class, () -> SkyMaps.check(s, GRID, 8.3));
        SkySettings far = SkySettings.defaults().with(8, false, null, null, null, 5.0);
        assertThrows(ConfigException.class, () -> SkyMaps.check(far, GRID, 8.3));
        assertThrows(ConfigException.class, () -> SkyMaps.check(SkySettings.defaults(), GRID, 25));
    }
}
