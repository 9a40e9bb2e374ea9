package org.anisocr.solver.steady3d;

import org.anisocr.field.FieldVector3;
import org.anisocr.field.JanssonFarrar2012Field;
import org.anisocr.field.MagneticField3D;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadySolver3DTest {

    /** A smooth field, oblique to every axis and turning with position. */
    record Oblique() implements MagneticField3D {
        @Override
        public FieldVector3 at(double x, double y, double z) {
            return new FieldVector3(1 + 0.3 * y, 0.5 - 0.2 * x, 0.4);
        }

        @Override
        public String name() {
            return "oblique";
        }
    }

    /** Field lines on circles about the z axis, tilted up: the strong direction turns through every angle in x, y. */
    record Swirl() implements MagneticField3D {
        @Override
        public FieldVector3 at(double x, double y, double z) {
            return new FieldVector3(-y + 0.2 * x, x + 0.2 * y, 0.3 * Math.sqrt(x * x + y * y));
        }

        @Override
        public String name() {
            return "swirl";
        }
    }

    /** exp(−(x² + y²)/2) cos(πz/2H) at free nodes, 0 at fixed ones. */
    static double[] smooth(CartesianGrid3D g) {
        double[] f = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (!g.isDirichlet(i, j, k)) {
                        double x = g.xKpc(i);
                        double y = g.yKpc(j);
                        double z = g.zKpc(k);
                        f[g.index(i, j, k)] = Math.exp(-(x * x + y * y) / 2)
                                * Math.cos(Math.PI * z / (2 * g.halfHeightKpc()));
                    }
                }
            }
        }
        return f;
    }

    /** S = −L exact, so that exact is the discrete solution. */
    static double[] sourceFor(SymmetricOperator3D op, double dPar, double dPerp, double[] exact) {
        double[] lExact = new double[exact.length];
        op.apply(dPar, dPerp, exact, lExact);
        double[] source = new double[exact.length];
        for (int p = 0; p < source.length; p++) {
            source[p] = -lExact[p];
        }
        return source;
    }

    static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int p = 0; p < a.length; p++) {
            max = Math.max(max, Math.abs(a[p] - b[p]));
        }
        return max;
    }

    @Test
    void everyMethodRecoversTheDiscreteSolutionOfAnObliqueAnisotropicProblem() {
        CartesianGrid3D g = new CartesianGrid3D(2, 1, 17, 17, 9);
        SymmetricOperator3D op = new SymmetricOperator3D(g, new Oblique());
        double[] exact = smooth(g);
        double dPar = 1.0;
        double dPerp = 0.01;
        double[] source = sourceFor(op, dPar, dPerp, exact);
        for (Steady3DSettings s : new Steady3DSettings[] {Steady3DSettings.defaults(),
                Steady3DSettings.defaults().withSmoother(Smoother3D.POINT).withThreads(2),
                Steady3DSettings.defaults().withSmoother(Smoother3D.LINE_XYZ).withSweeps(2),
                Steady3DSettings.defaults().withMethod(Steady3DMethod.CG)}) {
            Steady3DResult r = new SteadySolver3D(op, s).solve(dPar, dPerp, source, null);
            assertTrue(r.converged(), s + ": relative residual " + r.relativeResidual());
            // residual 1e-10 with a condition number of order 1e4 on this grid
            assertEquals(0, maxDifference(r.density(), exact), 1e-6, s.toString());
            Steady3DResult warm = new SteadySolver3D(op, s).solve(dPar, dPerp, source, exact);
            assertTrue(warm.iterations() <= 1, "warm start at the answer took " + warm.iterations());
        }
    }

    /** Iterations of the default solver for the swirl problem on a (2^m·8 + 1)² × (2^m·4 + 1) grid. */
    private static int iterations(int cells, double epsD) {
        CartesianGrid3D g = new CartesianGrid3D(2, 1, cells + 1, cells + 1, cells / 2 + 1);
        SymmetricOperator3D op = new SymmetricOperator3D(g, new Swirl());
        double[] source = smooth(g);
        Steady3DResult r = new SteadySolver3D(op, Steady3DSettings.defaults()).solve(1, epsD, source, null);
        assertTrue(r.converged(), "relative residual " + r.relativeResidual());
        return r.iterations();
    }

    @Test
    void multigridIterationsHardlyGrowWithResolution() {
        int coarse = iterations(16, 0.01);
        int fine = iterations(32, 0.01);
        int finer = iterations(64, 0.01);
        assertTrue(fine <= 1.5 * coarse && finer <= 1.5 * fine,
                "iterations " + coarse + ", " + fine + ", " + finer + " at h, h/2, h/4");
    }

    @Test
    void convergesAtEpsD0001WithTheJanssonFarrarField() {
        // 1 kpc on the model box: the spiral disk field and the X-field at εD = 0.001
        CartesianGrid3D g = new CartesianGrid3D(20, 4, 41, 41, 9);
        SymmetricOperator3D op = new SymmetricOperator3D(g, JanssonFarrar2012Field.jf12());
        double[] source = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (!g.isDirichlet(i, j, k)) {
                        double r = Math.hypot(g.xKpc(i), g.yKpc(j));
                        source[g.index(i, j, k)] = Math.exp(-Math.abs(r - 6) - Math.abs(g.zKpc(k)));
                    }
                }
            }
        }
        SteadySolver3D solver = new SteadySolver3D(op, Steady3DSettings.defaults());
        Steady3DResult mg = solver.solve(1, 0.001, source, null);
        assertTrue(mg.converged(), "relative residual " + mg.relativeResidual());
        Steady3DResult cg = new SteadySolver3D(op, Steady3DSettings.defaults().withMethod(Steady3DMethod.CG))
                .solve(1, 0.001, source, null);
        assertTrue(mg.iterations() * 5 < cg.iterations(), mg.iterations() + " vs CG " + cg.iterations());
        double scale = 0;
        for (double v : cg.density()) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertEquals(0, maxDifference(mg.density(), cg.density()) / scale, 1e-6);
    }

    @Test
    void theNeighbouringBinsAnswerIsAGoodStart() {
        CartesianGrid3D g = new CartesianGrid3D(2, 1, 33, 33, 17);
        SymmetricOperator3D op = new SymmetricOperator3D(g, new Swirl());
        double[] source = smooth(g);
        SteadySolver3D solver = new SteadySolver3D(op, Steady3DSettings.defaults());
        Steady3DResult previous = solver.solve(1.0, 0.01, source, null);
        // the next bin: D∥ and D⊥ a little larger (33 bins over 4 decades, δ∥ = 0.3, δ⊥ = 0.7)
        double dPar = Math.pow(10, 0.3 / 8);
        double dPerp = 0.01 * Math.pow(10, 0.7 / 8);
        Steady3DResult cold = solver.solve(dPar, dPerp, source, null);
        Steady3DResult warm = solver.solve(dPar, dPerp, source, previous.density());
        assertTrue(warm.converged() && warm.iterations() < cold.iterations(),
                "warm " + warm.iterations() + " vs cold " + cold.iterations());
    }

    @Test
    void aZeroSourceGivesZeroWithoutIterating() {
        CartesianGrid3D g = new CartesianGrid3D(2, 1, 9, 9, 5);
        Steady3DResult r = new SteadySolver3D(new SymmetricOperator3D(g, new Oblique()), Steady3DSettings.defaults())
                .solve(1, 0.1, new double[g.size()], null);
        assertEquals(0, r.iterations());
        assertEquals(0, maxDifference(r.density(), new double[g.size()]));
    }
}
