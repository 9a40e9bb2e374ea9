package org.anisocr.analysis.sky;

import org.anisocr.gas.GasModel;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LineOfSight} against closed forms, each to a relative 1e-3 or better (docs/validation.md, sky section):
 * a uniform sphere with the observer inside and outside it, the uniform cylinder of the model itself, an
 * exponential disk seen from the plane and from above it, and a field linear in R (the curvature of R(s) inside the
 * cells, the quadrature's one approximation on a bilinear field). Directions: a fixed spread over the sky.
 */
class LineOfSightTest {
    private static final double R_SUN = 8.3;
    /** I = (1/4π) ∫ ε ds in cm⁻² s⁻¹ sr⁻¹ MeV⁻¹ for ε in cm⁻³ s⁻¹ GeV⁻¹ and s in kpc. */
    private static final double UNIT = LineOfSight.CM_PER_KPC * 1e-3 / (4 * Math.PI);
    private static final double TOLERANCE = 1e-3;

    /** ℓ, b in degrees: the plane, the Galactic centre and anticentre, mid and high latitudes, both hemispheres. */
    private static final double[][] DIRECTIONS = {
            {0, 0}, {180, 0}, {90, 0}, {-90, 0}, {10, 0.3}, {-25, -1.2}, {45, 3}, {135, -7}, {200, 12},
            {300, -25}, {30, 45}, {250, -60}, {0, 89}, {120, -88}, {359, 0.01}, {5, 20}, {170, 2}, {0, -0.4}};

    /** A uniform ball of emissivity inside the model's cylinder; its breakpoints are where the ray meets it. */
    private record Ball(double cx, double cy, double cz, double radius, double rMaxKpc, double halfHeightKpc)
            implements EmissivityField {
        @Override public int energyCount() { return 2; }

        @Override
        public void breakpoints(Ray ray, double s0, double s1, Breakpoints out) {
            double[] hit = chord(ray);
            if (hit != null) {
                for (double s : hit) {
                    if (s > s0 && s < s1) {
                        out.add(s);
                    }
                }
            }
        }

        /** Where the line meets the sphere (both roots, possibly behind the observer), or null. */
        double[] chord(Ray ray) {
            double ox = ray.x0Kpc() - cx;
            double oy = ray.y0Kpc() - cy;
            double oz = ray.z0Kpc() - cz;
            double b = ox * ray.dx() + oy * ray.dy() + oz * ray.dz();
            double c = ox * ox + oy * oy + oz * oz - radius * radius;
            double disc = b * b - c;
            return disc > 0 ? new double[] {-b - Math.sqrt(disc), -b + Math.sqrt(disc)} : null;
        }

        @Override
        public void accumulate(double x, double y, double z, double weight, double[] acc) {
            if (sq(x - cx) + sq(y - cy) + sq(z - cz) < radius * radius) {
                acc[0] += weight;
                acc[1] += 3 * weight;
            }
        }
    }

    private static double sq(double v) { return v * v; }

    private static Ray ray(double lDeg, double bDeg, double zSun) {
        return Ray.fromObserver(R_SUN, zSun, Math.toRadians(lDeg), Math.toRadians(bDeg));
    }

    private static double relative(double got, double want) {
        return want == 0 ? Math.abs(got) : Math.abs(got / want - 1);
    }

    @Test
    void uniformBallWithTheObserverInside() {
        Ball ball = new Ball(-R_SUN + 0.7, 0.4, 0.1, 2.5, 20, 4);
        LineOfSight los = new LineOfSight(ball, LineOfSight.Settings.of(R_SUN, 0));
        double worst = 0;
        for (double[] d : DIRECTIONS) {
            double exit = ball.chord(ray(d[0], d[1], 0))[1]; // inside: one root behind, one ahead
            double[] got = los.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]));
            worst = Math.max(worst, relative(got[0], exit * UNIT));
            assertEquals(3 * got[0], got[1], 1e-12 * got[1], "energies are integrated alike");
        }
        System.out.println("sky closed form, uniform ball, observer inside: " + worst);
        assertTrue(worst <= TOLERANCE, "uniform ball, observer inside: worst relative error " + worst);
        assertTrue(worst < 1e-12, "exact where the breakpoints are the surface: " + worst);
    }

    @Test
    void uniformBallSeenFromOutside() {
        Ball ball = new Ball(0, 0, 0, 3, 20, 4);
        LineOfSight los = new LineOfSight(ball, LineOfSight.Settings.of(R_SUN, 0));
        int crossing = 0;
        double worst = 0;
        for (double l = -30; l <= 30; l += 0.7) {
            for (double b = -25; b <= 25; b += 1.3) {
                double[] hit = ball.chord(ray(l, b, 0));
                double want = hit == null ? 0 : (hit[1] - hit[0]) * UNIT;
                double got = los.intensity(Math.toRadians(l), Math.toRadians(b))[0];
                if (want > 0.05 * 6 * UNIT) { // chords of 5 % of the diameter and longer
                    crossing++;
                    worst = Math.max(worst, relative(got, want));
                } else if (want == 0) {
                    assertEquals(0, got, "a ray that misses the ball sees nothing");
                }
            }
        }
        assertTrue(crossing > 300, "directions through the ball: " + crossing);
        System.out.println("sky closed form, uniform ball seen from outside: " + worst);
        assertTrue(worst <= TOLERANCE, "uniform ball seen from outside: worst relative error " + worst);
    }

    /** A 2D model's field of ε(R, z) on a grid. */
    private static AxisymmetricEmissivity gridded(SpatialGrid g, DoubleBinaryOperator epsilon) {
        double[][] eps = new double[1][g.size()];
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                eps[0][g.index(i, j)] = epsilon.applyAsDouble(g.r(i), g.z(j));
            }
        }
        return new AxisymmetricEmissivity(g, eps);
    }

    /** Distance from the observer to the model's boundary along a ray starting inside it. */
    private static double exitDistance(Ray ray, double rMax, double h) {
        return LineOfSight.insideCylinder(ray, rMax, h)[1];
    }

    @Test
    void uniformCylinderIsThePathLengthToTheBoundary() {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 201, 81);
        LineOfSight los = new LineOfSight(gridded(g, (r, z) -> 1.0), LineOfSight.Settings.of(R_SUN, 0.5));
        double worst = 0;
        for (double[] d : DIRECTIONS) {
            double want = exitDistance(ray(d[0], d[1], 0.5), 20, 4) * UNIT;
            worst = Math.max(worst, relative(los.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0], want));
        }
        System.out.println("sky closed form, uniform cylinder: " + worst);
        assertTrue(worst < 1e-12, "uniform cylinder: worst relative error " + worst);
        // the path lengths themselves: in the plane towards the anticentre 20 − 8.3 kpc; to the pole H − z☉
        assertEquals(11.7, exitDistance(ray(180, 0, 0.5), 20, 4), 1e-12);
        assertEquals(3.5, exitDistance(ray(0, 90, 0.5), 20, 4), 1e-12);
    }

    @Test
    void exponentialDiskFromThePlane() {
        double hz = 0.3;
        // z spacing 0.025 kpc: the bilinear interpolation of e^(−|z|/h) is then good to (dz/h)²/8 ≈ 9e-4 at worst,
        // and much better on average along a ray
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 201, 321);
        LineOfSight los = new LineOfSight(gridded(g, (r, z) -> Math.exp(-Math.abs(z) / hz)),
                LineOfSight.Settings.of(R_SUN, 0));
        double worst = 0;
        for (double[] d : DIRECTIONS) {
            double sinB = Math.abs(Math.sin(Math.toRadians(d[1])));
            double s = exitDistance(ray(d[0], d[1], 0), 20, 4);
            double want = (sinB == 0 ? s : hz / sinB * -Math.expm1(-s * sinB / hz)) * UNIT;
            worst = Math.max(worst, relative(los.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0], want));
        }
        System.out.println("sky closed form, exponential disk, observer in the plane: " + worst);
        assertTrue(worst <= TOLERANCE, "exponential disk, observer in the plane: worst relative error " + worst);
    }

    /** The disk analytically (no grid), its kink at z = 0 a breakpoint, seen from z☉ above the plane. */
    private record Disk(double hz, double rMaxKpc, double halfHeightKpc) implements EmissivityField {
        @Override public int energyCount() { return 1; }

        @Override
        public void breakpoints(Ray ray, double s0, double s1, Breakpoints out) {
            double s = -ray.z0Kpc() / ray.dz();
            if (ray.dz() != 0 && s > s0 && s < s1) {
                out.add(s);
            }
        }

        @Override
        public void accumulate(double x, double y, double z, double weight, double[] acc) {
            acc[0] += weight * Math.exp(-Math.abs(z) / hz);
        }
    }

    @Test
    void exponentialDiskFromAboveThePlane() {
        double hz = 0.2;
        double zSun = 0.3;
        LineOfSight los = new LineOfSight(new Disk(hz, 20, 4), LineOfSight.Settings.of(R_SUN, zSun));
        double worst = 0;
        for (double[] d : DIRECTIONS) {
            if (Math.abs(d[1]) < 1) {
                continue; // a ray nearly parallel to the plane: the closed form below needs sin b away from 0
            }
            double sinB = Math.sin(Math.toRadians(d[1]));
            double s = exitDistance(ray(d[0], d[1], zSun), 20, 4);
            double want = integralOfExp(zSun, sinB, s, hz) * UNIT;
            worst = Math.max(worst, relative(los.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0], want));
        }
        System.out.println("sky closed form, exponential disk, observer 0.3 kpc above it: " + worst);
        assertTrue(worst <= TOLERANCE, "exponential disk, observer 0.3 kpc above it: worst relative error " + worst);
    }

    /** ∫_0^S e^(−|z0 + s sin b|/h) ds, split where the ray crosses z = 0. */
    private static double integralOfExp(double z0, double sinB, double total, double h) {
        double cross = -z0 / sinB;
        if (cross <= 0 || cross >= total) {
            double zEnd = z0 + total * sinB;
            return h / Math.abs(sinB) * Math.abs(Math.exp(-Math.abs(z0) / h) - Math.exp(-Math.abs(zEnd) / h));
        }
        double zEnd = Math.abs(z0 + total * sinB);
        return h / Math.abs(sinB) * ((Math.exp(-Math.abs(z0) / h) - 1) * -1 + (1 - Math.exp(-zEnd / h)));
    }

    @Test
    void linearInRadiusTestsTheQuadratureInsideTheCells() {
        // ε = 1 + R/5 is bilinear exactly, so the only error is Gauss–Legendre on R(s) = √(m² + a (s − s*)²)
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 201, 81);
        LineOfSight los = new LineOfSight(gridded(g, (r, z) -> 1 + r / 5), LineOfSight.Settings.of(R_SUN, 0));
        double worst = 0;
        for (double[] d : DIRECTIONS) {
            Ray ray = ray(d[0], d[1], 0);
            double s = exitDistance(ray, 20, 4);
            double want = (s + integralOfR(ray, s) / 5) * UNIT;
            worst = Math.max(worst, relative(los.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0], want));
        }
        System.out.println("sky closed form, field linear in R: " + worst);
        assertTrue(worst <= 1e-6, "field linear in R: worst relative error " + worst);
    }

    /** ∫_0^S R(s) ds with R² = m² + a (s − s*)²: (u/2) R + m²/(2√a) asinh(√a u/m), u = s − s*. */
    private static double integralOfR(Ray ray, double total) {
        double a = ray.dx() * ray.dx() + ray.dy() * ray.dy();
        if (a < 1e-20) {
            return total * Math.hypot(ray.x0Kpc(), ray.y0Kpc());
        }
        double sStar = -(ray.x0Kpc() * ray.dx() + ray.y0Kpc() * ray.dy()) / a;
        double m = Math.hypot(ray.x(sStar), ray.y(sStar));
        return primitive(total - sStar, m, a) - primitive(-sStar, m, a);
    }

    private static double primitive(double u, double m, double a) {
        double r = Math.sqrt(m * m + a * u * u);
        double sa = Math.sqrt(a);
        return m < 1e-12 ? 0.5 * sa * u * Math.abs(u) : 0.5 * u * r + m * m / (2 * sa) * asinh(sa * u / m);
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    @Test
    void defaultStepAgreesWithAFarFinerOneOnRealisticGas() {
        // GALPROP's gas (steps in its H2 table, the HI's break) times a smooth cosmic-ray profile on the paper's grid
        GasModel gas = GasModel.galpropDefault();
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 201, 81);
        AxisymmetricEmissivity field = gridded(g,
                (r, z) -> gas.hydrogenAtomsPerCm3(r, z) * Math.exp(-r / 6 - Math.abs(z) / 2));
        LineOfSight coarse = new LineOfSight(field, LineOfSight.Settings.of(R_SUN, 0));
        LineOfSight fine = new LineOfSight(field, new LineOfSight.Settings(R_SUN, 0, 0.005, 4));
        double worst = 0;
        for (double[] d : DIRECTIONS) {
            double want = fine.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0];
            worst = Math.max(worst, relative(coarse.intensity(Math.toRadians(d[0]), Math.toRadians(d[1]))[0], want));
        }
        System.out.println("sky default step vs fine: " + worst);
        assertTrue(worst <= 1e-5, "default step against 0.005 kpc with 4 Gauss points: " + worst);
    }

    @Test
    void directionsFollowTheGalacticConvention() {
        // the frame of field.FieldVector3: Sun at (−R☉, 0, z☉), ℓ = 0 towards the centre, ℓ = 90° along +y, b = 90°
        // along +z; an axisymmetric map cannot tell ℓ from −ℓ, a 3D model's can
        Ray centre = ray(0, 0, 0.02);
        assertEquals(-R_SUN, centre.x0Kpc(), 0);
        assertEquals(0.02, centre.z0Kpc(), 0);
        assertEquals(1, centre.dx(), 1e-15);
        Ray rotation = ray(90, 0, 0);
        assertEquals(1, rotation.dy(), 1e-15);
        assertEquals(0, rotation.dx(), 1e-15);
        assertEquals(-1, ray(270, 0, 0).dy(), 1e-15);
        assertEquals(1, ray(123, 90, 0).dz(), 1e-15);
        // a ball on the +y side (ℓ ≈ 90°) is seen at ℓ = 90°, not at 270°
        Ball ball = new Ball(-R_SUN, 3, 0, 1, 20, 4);
        LineOfSight los = new LineOfSight(ball, LineOfSight.Settings.of(R_SUN, 0));
        assertEquals(2 * UNIT, los.intensity(Math.toRadians(90), 0)[0], 1e-12 * UNIT);
        assertEquals(0, los.intensity(Math.toRadians(270), 0)[0]);
    }

    @Test
    void rayThatMissesTheModelSeesNothing() {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 5, 1, 51, 21);
        LineOfSight los = new LineOfSight(gridded(g, (r, z) -> 1.0), LineOfSight.Settings.of(R_SUN, 0));
        assertEquals(0, los.intensity(Math.toRadians(180), 0)[0], "looking away from a Galaxy the Sun is outside of");
        assertTrue(los.intensity(0, 0)[0] > 0, "and towards it, through the whole disk");
        assertEquals(10 * UNIT, los.intensity(0, 0)[0], 1e-12 * 10 * UNIT, "a 10 kpc chord through R ≤ 5 kpc");
    }
}
