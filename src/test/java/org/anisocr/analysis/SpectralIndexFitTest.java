package org.anisocr.analysis;

import org.anisocr.config.AnalysisConfig;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpectralIndexFitTest {

    @Test
    void exactOnPurePowerLaw() {
        double[] p = new MomentumGrid(1, 1e4, 41).values();
        for (double alpha : new double[] {2.2, 2.5, 2.8, 3.0, -0.5}) {
            double[] n = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                n[k] = 3.7e-5 * Math.pow(p[k], -alpha);
            }
            double fit = SpectralIndexFit.alpha(p, n, SpectralIndexFit.window(p, 10, 1000));
            assertEquals(alpha, fit, 1e-12);
        }
    }

    @Test
    void windowSelectsOnlyBinsInside() {
        double[] p = new MomentumGrid(1, 1e4, 41).values(); // 10 bins per decade
        int[] ks = SpectralIndexFit.window(p, 10, 1000);
        assertEquals(21, ks.length);
        assertEquals(10, p[ks[0]], 1e-9);
        assertEquals(1000, p[ks[ks.length - 1]], 1e-6);
        // A broken power law: slope 2.5 below 10 GeV and above 1000 GeV, 2.7 inside. The window sees only 2.7.
        double[] n = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            double x = p[k];
            n[k] = x < 10 ? Math.pow(10, -2.7) * Math.pow(x / 10, -2.5)
                    : x <= 1000 ? Math.pow(x, -2.7) : Math.pow(1000, -2.7) * Math.pow(x / 1000, -2.5);
        }
        assertEquals(2.7, SpectralIndexFit.alpha(p, n, ks), 1e-12);
        assertEquals(2.5, SpectralIndexFit.alpha(p, n, SpectralIndexFit.window(p, 1, 9.9)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SpectralIndexFit.window(p, 1.1, 1.2));
    }

    @Test
    void nonPositiveDensityGivesNaN() {
        double[] p = {10, 100, 1000};
        assertTrue(Double.isNaN(SpectralIndexFit.alpha(p, new double[] {1, 0, 1e-3}, new int[] {0, 1, 2})));
        assertTrue(Double.isNaN(SpectralIndexFit.alpha(p, new double[] {1, -1, 1e-3}, new int[] {0, 1, 2})));
        assertTrue(Double.isNaN(SpectralIndexFit.alpha(p, new double[] {1, Double.NaN, 1e-3}, new int[] {0, 1, 2})));
    }

    @Test
    void integratedDensityExactOnPowerLaw() {
        // N = A p^(−s): ∫_{pmin}^∞ N dp = A pmin^(1−s)/(s − 1), here with pmin on a bin and inside a bin.
        MomentumGrid mg = new MomentumGrid(1, 1e4, 33);
        double[] p = mg.values();
        double a = 2.0;
        double s = 2.7;
        double[] n = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            n[k] = a * Math.pow(p[k], -s);
        }
        for (double pMin : new double[] {1, 10, 13.7, 999}) {
            double exact = a * Math.pow(pMin, 1 - s) / (s - 1);
            assertEquals(exact, IntegratedDensity.aboveMomentum(p, n, pMin), 1e-12 * exact, "p_min = " + pMin);
        }
        // slope exactly 1 inside the grid (log limit) with a steep tail beyond: piecewise-analytic.
        double[] p2 = {1, 10, 100};
        double[] n2 = {1, 0.1, 0.1 * Math.pow(10, -3)};
        double exact2 = Math.log(10) + 0.1 * 10 * (1 - Math.pow(10, -2)) / 2 + n2[2] * 100 / 2;
        assertEquals(exact2, IntegratedDensity.aboveMomentum(p2, n2, 1), 1e-12);
        // A tail with slope ≤ 1 diverges: NaN, not a silently truncated number.
        assertTrue(Double.isNaN(IntegratedDensity.aboveMomentum(p2, new double[] {1, 0.5, 0.4}, 1)));
        assertThrows(IllegalArgumentException.class, () -> IntegratedDensity.aboveMomentum(p, n, 0.5));
    }

    @Test
    void profilesFromGridAndFilesWritten(@TempDir Path dir) throws Exception {
        SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 10, 2, 21, 9);
        MomentumGrid mg = new MomentumGrid(1, 1e4, 17);
        double[][] density = new double[mg.count()][grid.size()];
        // α(R) = 2.4 + 0.05 R on the plane; other rows carry a different slope to check plane selection.
        for (int k = 0; k < mg.count(); k++) {
            for (int j = 0; j < grid.nZ(); j++) {
                for (int i = 0; i < grid.nR(); i++) {
                    double alpha = j == grid.planeIndex() ? 2.4 + 0.05 * grid.r(i) : 3.5;
                    density[k][grid.index(i, j)] =
                            i == grid.nR() - 1 ? 0 : Math.exp(-grid.r(i) / 5) * Math.pow(mg.p(k), -alpha);
                }
            }
        }
        AnalysisConfig cfg = new AnalysisConfig(10, 1000, 0, 10, 8.3, new double[] {10, 100});
        ModelAnalysis.Profiles pr = ModelAnalysis.compute(grid, mg, density, cfg);
        for (int i = 0; i < grid.nR() - 1; i++) {
            assertEquals(2.4 + 0.05 * grid.r(i), pr.alpha()[i], 1e-12);
        }
        assertTrue(Double.isNaN(pr.alpha()[grid.nR() - 1]), "Dirichlet cell N = 0 → no slope");
        AnalysisSummary s = pr.summary();
        assertEquals(1, s.cellsWithoutSlope());
        assertEquals(2.4, s.alphaInner(), 1e-12);
        assertEquals(2.4 + 0.05 * 8.3, s.alphaSun(), 1e-12);
        assertEquals(0.05 * 8.3, s.alphaSunMinusInner(), 1e-12);

        AnalysisSummary written = ModelAnalysis.writeAll(grid, mg, density, cfg, "arbitrary", dir);
        assertEquals(s, written);
        List<String> alphaCsv = Files.readAllLines(dir.resolve("alpha.csv"));
        assertEquals("R_kpc,alpha", alphaCsv.get(0));
        assertEquals(grid.nR() + 1, alphaCsv.size());
        assertTrue(alphaCsv.get(grid.nR()).endsWith(",nan"));
        assertEquals("R_kpc,N_above_pmin", Files.readAllLines(dir.resolve("flux.csv")).get(0));
        for (String f : List.of("alpha.png", "flux.png", "N_maps.fits", "N_map_p10GeV.png", "N_map_p100GeV.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
    }

    @Test
    void zAverageAveragesDensityBeforeFitting() {
        SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 5, 9); // dz = 0.5
        double[][] density = new double[2][grid.size()];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < grid.nZ(); j++) {
                for (int i = 0; i < grid.nR(); i++) {
                    density[k][grid.index(i, j)] = (k + 1) * (1 + Math.abs(grid.z(j)));
                }
            }
        }
        double[][] plane = PlaneSpectra.extract(grid, density, 0);
        double[][] avg = PlaneSpectra.extract(grid, density, 0.5); // rows z = −0.5, 0, 0.5 → mean of 1.5, 1, 1.5
        assertEquals(1.0, plane[2][0], 1e-15);
        assertEquals(4.0 / 3, avg[2][0], 1e-15);
        assertEquals(8.0 / 3, avg[2][1], 1e-15);
    }
}
