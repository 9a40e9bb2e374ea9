package org.anisocr.analysis.sky;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 3D adapter of {@link EmissivityField}: a 3D model's field through the same {@link LineOfSight}. A field
 * linear in x, y and z is trilinear exactly, so the sky is its closed form; an axisymmetric field sampled on the
 * 3D grid sees the same sky as on the (R, z) grid, up to the two interpolations.
 */
class CartesianEmissivityTest {
    private static final double UNIT = LineOfSight.CM_PER_KPC * 1e-3 / (4 * Math.PI);
    private static final double R_SUN = 8.3;

    private static CartesianEmissivity field(CartesianGrid3D g, Linear f) {
        double[][] eps = new double[1][g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    eps[0][g.index(i, j, k)] = f.at(g.xKpc(i), g.yKpc(j), g.zKpc(k));
                }
            }
        }
        return new CartesianEmissivity(g, eps);
    }

    private interface Linear {
        double at(double x, double y, double z);
    }

    @Test
    void linearFieldGivesItsClosedForm() {
        CartesianGrid3D g = new CartesianGrid3D(20, 4, 81, 81, 33);
        // ε = 2 + 0.05 x − 0.03 y + 0.2 z:
        // ∫ ε ds = (2 + 0.05 x0 − 0.03 y0 + 0.2 z0) S + (0.05 dx − 0.03 dy + 0.2 dz) S²/2
        LineOfSight los = new LineOfSight(field(g, (x, y, z) -> 2 + 0.05 * x - 0.03 * y + 0.2 * z),
                LineOfSight.Settings.of(R_SUN, 0.1));
        double worst = 0;
        for (double[] d : new double[][] {{0, 0}, {90, 0}, {270, 3}, {180, -10}, {45, 30}, {300, -60}, {10, 85}}) {
            Ray ray = Ray.fromObserver(R_SUN, 0.1, Math.toRadians(d[0]), Math.toRadians(d[1]));
            double s = LineOfSight.insideCylinder(ray, 20, 4)[1];
            double want = ((2 + 0.05 * ray.x0Kpc() - 0.03 * ray.y0Kpc() + 0.2 * ray.z0Kpc()) * s
                    + (0.05 * ray.dx() - 0.03 * ray.dy() + 0.2 * ray.dz()) * s * s / 2) * UNIT;
            double got = los.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0];
            worst = Math.max(worst, Math.abs(got / want - 1));
        }
        System.out.println("sky 3D adapter, linear field: " + worst);
        assertTrue(worst < 1e-12, "trilinear field, exact quadrature: " + worst);
    }

    @Test
    void axisymmetricFieldSeesTheSameSkyInThreeDimensions() {
        Linear f = (x, y, z) -> Math.exp(-Math.hypot(x, y) / 5 - Math.abs(z) / 1.0);
        CartesianGrid3D g3 = new CartesianGrid3D(20, 4, 201, 201, 81);
        SpatialGrid g2 = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 201, 81);
        double[][] eps2 = new double[1][g2.size()];
        for (int j = 0; j < g2.nZ(); j++) {
            for (int i = 0; i < g2.nR(); i++) {
                eps2[0][g2.index(i, j)] = f.at(g2.r(i), 0, g2.z(j));
            }
        }
        LineOfSight three = new LineOfSight(field(g3, f), LineOfSight.Settings.of(R_SUN, 0));
        LineOfSight two = new LineOfSight(new AxisymmetricEmissivity(g2, eps2), LineOfSight.Settings.of(R_SUN, 0));
        double worst = 0;
        for (double[] d : new double[][] {{0, 0.5}, {60, 1}, {120, -2}, {180, 5}, {240, 20}, {330, -45}}) {
            double a = three.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0];
            double b = two.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0];
            worst = Math.max(worst, Math.abs(a / b - 1));
        }
        System.out.println("sky 3D adapter vs 2D: " + worst);
        assertTrue(worst < 1e-3, "3D (0.2 kpc) and 2D (0.1 kpc) grids of one axisymmetric field: " + worst);
    }
}
