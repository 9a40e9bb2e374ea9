package org.anisocr.analysis.gamma;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The γ-ray products on a synthetic separable density N(p, R, z) = p^(−2.7) g(R, z). */
class GammaProductsTest {
    private final SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 41, 17);
    private final MomentumGrid momenta = new MomentumGrid(1, 1e4, 33);

    private double[][] separable(double index) {
        double[] p = momenta.values();
        double[][] n = new double[p.length][grid.size()];
        for (int k = 0; k < p.length; k++) {
            for (int j = 0; j < grid.nZ(); j++) {
                for (int i = 0; i < grid.nR(); i++) {
                    n[k][grid.index(i, j)] = Math.pow(p[k], -index) * (1 + grid.r(i)) * Math.exp(-Math.abs(grid.z(j)));
                }
            }
        }
        return n;
    }

    @Test void normalisedToTheLocalFluxAndUniformIndexForASeparableDensity() {
        GammaSettings s = GammaSettings.DEFAULT;
        GammaProducts.Result r = GammaProducts.compute(grid, momenta, separable(2.7), s);
        // J = K N at (R☉, 0, p(T_ref)) reproduces the AMS-02 value: N there is p_ref^(−2.7) (1 + 8.3) (R☉ = 8.3 lies on
        // the segment 8–8.5 kpc; N is linear in R, so the interpolation is exact).
        double t = s.localFlux().kineticEnergyGeV();
        double pRef = Math.sqrt(t * (t + 2 * PionDecayCrossSection.M_P));
        assertEquals(
                s.localFlux().intensityPerCm2SrSGeV(),
                r.scale() * Math.pow(pRef, -2.7) * 9.3,
                1e-12 * s.localFlux().intensityPerCm2SrSGeV());
        // The spectral shape is the same everywhere, so Γ_γ is uniform in R (up to round-off) …
        double g0 = r.gammaIndex()[0];
        for (double g : r.gammaIndex()) {
            assertEquals(g0, g, 1e-10);
        }
        // … and q scales with g(R, z): q(R = 10)/q(R = 0) = 11 on the plane at every photon energy.
        int j0 = grid.planeIndex();
        for (double[] q : r.emissivity()) {
            assertEquals(11.0, q[grid.index(20, j0)] / q[grid.index(0, j0)], 1e-9);
        }
        // N ∝ p^(−2.7) is J ∝ T^(−2.7) only asymptotically; at 10–100 GeV the γ-ray index is ≈ 0.1 below 2.7
        // (see PionDecayCrossSectionTest).
        assertEquals(2.6, g0, 0.05);
    }

    @Test void noPositiveDensityAtTheSunIsAClearError() {
        double[][] zero = new double[momenta.count()][grid.size()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GammaProducts.compute(grid, momenta, zero, GammaSettings.DEFAULT));
        assertEquals(true, e.getMessage().contains("cannot be normalised"), e.getMessage());
    }
}
