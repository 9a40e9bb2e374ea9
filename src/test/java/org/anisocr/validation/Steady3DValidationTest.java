package org.anisocr.validation;

import org.anisocr.field.FieldVector3;
import org.anisocr.field.MagneticField3D;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.validation.Steady3DRuns.GridResult;
import org.anisocr.validation.ValidationSuite.TestReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3D manufactured solution (M3D) and the 3D steady Green's function (G3D): references, then the suite rows. */
class Steady3DValidationTest {

    /** ∂_a of f by sixth-order central differences with step h. */
    interface Scalar {
        double at(double[] p);
    }

    static double derivative(Scalar f, double[] p, int a, double h) {
        double[] c = {3.0 / 4, -3.0 / 20, 1.0 / 60};
        double d = 0;
        for (int s = 1; s <= 3; s++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[a] += s * h;
            minus[a] -= s * h;
            d += c[s - 1] * (f.at(plus) - f.at(minus));
        }
        return d / h;
    }

    /** ∇·(D·∇N) by nested differences of N (independent of both the hand-derived sources and the scheme). */
    static double divergence(Scalar n, MagneticField3D field, double dPar, double dPerp, double[] p) {
        double h = 2e-3;
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            final int axis = a;
            Scalar flux = q -> {
                FieldVector3 bv = field.at(q[0], q[1], q[2]);
                double m = bv.magnitude();
                double[] b = {bv.bX() / m, bv.bY() / m, bv.bZ() / m};
                double[] g = {derivative(n, q, 0, h), derivative(n, q, 1, h), derivative(n, q, 2, h)};
                double bg = b[0] * g[0] + b[1] * g[1] + b[2] * g[2];
                return dPerp * g[axis] + (dPar - dPerp) * b[axis] * bg;
            };
            sum += derivative(flux, p, a, h);
        }
        return sum;
    }

    static final double[][] POINTS = {
        {0.1, 0.2, 0.3}, {-0.7, 0.4, -0.2}, {0.55, -0.65, 0.8}, {-0.3, -0.9, 0.05}, {0.9, 0.9, -0.9},
        {0.02, -0.03, 0.01}, {-0.45, 0.15, 0.6}};

    @Test
    void manufacturedSourceIsMinusTheExactDivergence() {
        MagneticField3D field = new Manufactured3DValidation.TwistedField();
        double worst = 0;
        for (double[] p : POINTS) {
            double byDifferences = -divergence(q -> Manufactured3DValidation.exact(q[0], q[1], q[2]), field,
                    Manufactured3DValidation.D_PARALLEL, Manufactured3DValidation.D_PERP, p);
            worst = Math.max(worst, Math.abs(Manufactured3DValidation.source(p[0], p[1], p[2]) - byDifferences));
        }
        System.out.printf("M3D source vs nested differences: max |ΔS| = %.2e%n", worst);
        assertTrue(worst < 1e-7, "max |ΔS| = " + worst);
    }

    @Test
    void greenSolutionSolvesThePde() {
        MagneticField3D field = new GreenFunction3DValidation.ObliqueField();
        double worst = 0;
        for (double[] p : POINTS) {
            double lhs = -divergence(q -> GreenFunction3DValidation.exact(q[0], q[1], q[2]), field,
                    GreenFunction3DValidation.D_PARALLEL, GreenFunction3DValidation.D_PERP, p);
            worst = Math.max(worst, Math.abs(lhs - GreenFunction3DValidation.source(p[0], p[1], p[2])));
        }
        System.out.printf("G3D exact N: max |−∇·(D∇N) − S| = %.2e%n", worst);
        assertTrue(worst < 1e-6, "max residual " + worst);
        // the two branches (series at the centre, erf outside) meet continuously
        double rhoAtSwitch = 1e-4 * Math.sqrt(2) * GreenFunction3DValidation.WIDTH;
        double[] b = GreenFunction3DValidation.DIRECTION;
        double along = rhoAtSwitch * Math.sqrt(GreenFunction3DValidation.D_PARALLEL);
        double inside = GreenFunction3DValidation.exact(0.99999 * along * b[0], 0.99999 * along * b[1],
                0.99999 * along * b[2]);
        double outside = GreenFunction3DValidation.exact(1.00001 * along * b[0], 1.00001 * along * b[1],
                1.00001 * along * b[2]);
        assertEquals(inside, outside, 1e-12 * inside);
    }

    @Test
    void erfAgainstTabulatedValues() {
        // Abramowitz & Stegun Table 7.1 and erfc(4) = 1.541725790028002e-8
        assertEquals(0.5204998778130465, Erf.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, Erf.erf(1), 1e-15);
        assertEquals(0.9953222650189527, Erf.erf(2), 1e-15);
        assertEquals(0.9999779095030014, Erf.erf(3), 1e-15);
        assertEquals(-0.8427007929497149, Erf.erf(-1), 1e-15);
        assertEquals(1.541725790028002e-8, Erf.erfc(4), 1e-22);
        assertEquals(1 - Erf.erf(3 - 1e-13), Erf.erfc(3), 1e-13, "continuous at the switch (series: ~13 digits)");
    }

    @Test
    void manufacturedRowPassesAndIsSecondOrder() {
        TestReport r = ValidationSuite.manufactured3d();
        r.criteria().forEach(System.out::println);
        assertTrue(r.passed(), r.criteria().toString());
    }

    @Test
    void greenRowPasses() {
        TestReport r = ValidationSuite.green3d();
        r.criteria().forEach(System.out::println);
        assertTrue(r.passed(), r.criteria().toString());
    }

    /** The twisted field of M3D without its x-tilt. */
    record Untilted() implements MagneticField3D {
        @Override public FieldVector3 at(double x, double y, double z) {
            return new FieldVector3(Math.cos(0.4 * y + 0.8 * z), Math.sin(0.4 * y + 0.8 * z), 0.5);
        }

        @Override public String name() { return "untilted"; }
    }

    @Test
    void aWrongFieldIsSeenByTheManufacturedSolution() {
        // The source is built for the twisted field; solving it in the twisted field without its x-tilt must leave an
        // error far above the 33³ discretisation error (1.7e-3): the test sees the field's variation.
        CartesianGrid3D g = Manufactured3DValidation.grid(33);
        MagneticField3D untilted = new Untilted();
        var sol = Steady3DRuns.solve(new SymmetricOperator3D(g, untilted), Manufactured3DValidation.D_PARALLEL,
                Manufactured3DValidation.D_PERP, Steady3DRuns.sample(g, Manufactured3DValidation::source, true));
        ErrorNorms e = ErrorNorms.of(sol.density(), Steady3DRuns.sample(g, Manufactured3DValidation::exact, false));
        GridResult right = Manufactured3DValidation.solve(33);
        System.out.printf("33³: L2 error %.3e with the right field, %.3e without its tilt%n", right.l2Rel(),
                e.l2Rel());
        assertTrue(e.l2Rel() > 10 * right.l2Rel(), e + " vs " + right);
    }
}
