package org.anisocr.solver.steady3d;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of the 3D multigrid against their definitions. */
class MultigridPartsTest {
    private static final CartesianGrid3D GRID = new CartesianGrid3D(2, 1, 33, 33, 17);
    private static final SymmetricOperator3D OPERATOR =
            new SymmetricOperator3D(GRID, new SteadySolver3DTest.Swirl());

    private static double[] random(LevelShape g, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[g.size];
        for (int k = 1; k < g.nZ - 1; k++) {
            for (int j = 1; j < g.nY - 1; j++) {
                for (int i = 1; i < g.nX - 1; i++) {
                    int p = g.index(i, j, k);
                    v[p] = g.fixed[p] ? 0 : rnd.nextDouble() - 0.5;
                }
            }
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** y = A x for a double 27-point operator (the definition the kernels are checked against). */
    private static double[] product(LevelShape g, double[] a, double[] x) {
        double[] y = new double[g.size];
        for (int k = 1; k < g.nZ - 1; k++) {
            for (int j = 1; j < g.nY - 1; j++) {
                for (int i = 1; i < g.nX - 1; i++) {
                    int p = g.index(i, j, k);
                    for (int s = 0; s < LevelShape.ENTRIES; s++) {
                        y[p] += a[s * g.size + p] * x[p + g.offsets[s]];
                    }
                }
            }
        }
        return y;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void theAssembledStencilIsTheMatrixFreeScheme() {
        PlaneLoops loops = new PlaneLoops(1);
        Hierarchy3D h = Hierarchy3D.build(OPERATOR, loops);
        LevelShape g = h.shapes[0];
        double dPar = 2.0;
        double dPerp = 0.03;
        double[] x = random(g, 1);
        double[] scheme = new double[g.size];
        OPERATOR.apply(dPar, dPerp, x, scheme);
        double scale = maxAbs(scheme);
        // probed in double: the scheme itself, to rounding
        double[] iso = product(g, Hierarchy3D.probe(OPERATOR, g, 1, 1), x);
        double[] bb = product(g, Hierarchy3D.probe(OPERATOR, g, 1, 0), x);
        // a bin's operator, off-diagonals in float: to ~1e-7 of the largest entry
        double[] stencil = new double[g.size];
        StencilOps.apply(g, h.combine(dPerp, dPar - dPerp, loops)[0], x, stencil, loops);
        for (int p = 0; p < g.size; p++) {
            assertEquals(-scheme[p], dPerp * iso[p] + (dPar - dPerp) * bb[p], 1e-13 * scale, "node " + p);
            assertEquals(-scheme[p], stencil[p], 1e-6 * scale, "node " + p);
        }
    }

    @Test
    void everyLevelIsSymmetricAndTheGalerkinProductOfTheOneAbove() {
        PlaneLoops loops = new PlaneLoops(1);
        Hierarchy3D h = Hierarchy3D.build(OPERATOR, loops);
        assertTrue(h.levels() >= 3, "levels " + h.levels());
        double[] a = Hierarchy3D.probe(OPERATOR, h.shapes[0], 1, 0);
        for (int l = 0; l + 1 < h.levels(); l++) {
            LevelShape fine = h.shapes[l];
            LevelShape coarse = h.shapes[l + 1];
            double[] ac = Hierarchy3D.coarsen(fine, a, h.coarsened[l], loops);
            Galerkin.clearFixed(coarse, ac);
            double[] u = random(coarse, 2 + l);
            double[] v = random(coarse, 7 + l);
            // (P u)ᵀ A (P v) = uᵀ A_c v, and A_c symmetric
            double[] pu = new double[fine.size];
            double[] pv = new double[fine.size];
            Transfer.interpolateAdd(fine, coarse, h.coarsened[l], u, pu, loops);
            Transfer.interpolateAdd(fine, coarse, h.coarsened[l], v, pv, loops);
            double fineForm = dot(pu, product(fine, a, pv));
            double coarseForm = dot(u, product(coarse, ac, v));
            assertEquals(fineForm, coarseForm, 1e-12 * Math.abs(fineForm), "level " + l);
            assertEquals(dot(v, product(coarse, ac, u)), coarseForm, 1e-12 * Math.abs(fineForm), "level " + l);
            // the kept (rounded) part is this operator to single precision
            double[] kept = new double[coarse.size];
            LevelMatrix part = h.directional[l + 1];
            StencilOps.apply(coarse, new LevelMatrix(part.off, part.diag), v, kept, loops);
            double[] exact = product(coarse, ac, v);
            for (int p = 0; p < coarse.size; p++) {
                assertEquals(exact[p], kept[p], 1e-6 * maxAbs(exact), "level " + (l + 1) + " node " + p);
            }
            // restriction is the transpose of interpolation
            double[] rf = random(fine, 11 + l);
            double[] rc = new double[coarse.size];
            Transfer.restrict(fine, coarse, h.coarsened[l], rf, rc, loops);
            assertEquals(dot(rf, pv), dot(rc, v), 1e-12 * Math.sqrt(dot(rf, rf) * dot(pv, pv)));
            a = ac;
        }
    }

    @Test
    void theVCycleIsASymmetricPositiveDefinitePreconditioner() {
        PlaneLoops loops = new PlaneLoops(2);
        Hierarchy3D h = Hierarchy3D.build(OPERATOR, loops);
        LevelMatrix[] a = h.combine(0.001, 1, loops);
        for (Smoother3D smoother : Smoother3D.values()) {
            VCycle3D cycle = new VCycle3D(h, a, smoother, 2, loops);
            LevelShape g = h.shapes[0];
            double[] r1 = random(g, 3);
            double[] r2 = random(g, 4);
            double[] z1 = new double[g.size];
            double[] z2 = new double[g.size];
            cycle.apply(r1, z1);
            cycle.apply(r2, z2);
            double form = Math.sqrt(dot(r1, z1) * dot(r2, z2));
            assertEquals(dot(r1, z2), dot(r2, z1), 1e-11 * form, smoother.key());
            assertTrue(dot(r1, z1) > 0 && dot(r2, z2) > 0, smoother.key());
        }
    }

    @Test
    void coarseningHalvesOnlyTheAxesThatCan() {
        CartesianGrid3D g = new CartesianGrid3D(20, 4, 81, 81, 17);
        long[] coarsest = Hierarchy3D.coarsestShape(g);
        // 81² × 17 → 41² × 9 → 21² × 5 → 11² × 3 (363 nodes, below the coarsest size)
        assertEquals(11, coarsest[0]);
        assertEquals(11, coarsest[1]);
        assertEquals(3, coarsest[2]);
        CartesianGrid3D odd = new CartesianGrid3D(20, 4, 401, 401, 81);
        long[] oddCoarsest = Hierarchy3D.coarsestShape(odd);
        assertEquals(26, oddCoarsest[0]);
        assertEquals(6, oddCoarsest[2]);
    }
}
