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

    @Test
    void theAssembledStencilIsTheMatrixFreeScheme() {
        PlaneLoops loops = new PlaneLoops(1);
        Hierarchy3D h = Hierarchy3D.build(OPERATOR, loops);
        double dPar = 2.0;
        double dPerp = 0.03;
        double[][] a = h.combine(dPerp, dPar - dPerp, loops);
        LevelShape g = h.shapes[0];
        double[] x = random(g, 1);
        double[] stencil = new double[g.size];
        double[] scheme = new double[g.size];
        StencilOps.apply(g, a[0], x, stencil, loops);
        OPERATOR.apply(dPar, dPerp, x, scheme);
        double scale = 0;
        for (int p = 0; p < g.size; p++) {
            scale = Math.max(scale, Math.abs(scheme[p]));
        }
        for (int p = 0; p < g.size; p++) {
            assertEquals(-scheme[p], stencil[p], 1e-13 * scale, "node " + p);
        }
    }

    @Test
    void everyLevelIsSymmetricAndTheGalerkinProductOfTheOneAbove() {
        PlaneLoops loops = new PlaneLoops(1);
        Hierarchy3D h = Hierarchy3D.build(OPERATOR, loops);
        assertTrue(h.levels() >= 3, "levels " + h.levels());
        double[][] a = h.combine(0.01, 1, loops);
        for (int l = 0; l + 1 < h.levels(); l++) {
            LevelShape fine = h.shapes[l];
            LevelShape coarse = h.shapes[l + 1];
            double[] u = random(coarse, 2 + l);
            double[] v = random(coarse, 7 + l);
            // (P u)ᵀ A (P v) = uᵀ A_c v, and A_c symmetric
            double[] pu = new double[fine.size];
            double[] pv = new double[fine.size];
            Transfer.interpolateAdd(fine, coarse, h.coarsened[l], u, pu, loops);
            Transfer.interpolateAdd(fine, coarse, h.coarsened[l], v, pv, loops);
            double[] apv = new double[fine.size];
            StencilOps.apply(fine, a[l], pv, apv, loops);
            double[] acv = new double[coarse.size];
            double[] acu = new double[coarse.size];
            StencilOps.apply(coarse, a[l + 1], v, acv, loops);
            StencilOps.apply(coarse, a[l + 1], u, acu, loops);
            double fineForm = dot(pu, apv);
            assertEquals(fineForm, dot(u, acv), 1e-12 * Math.abs(fineForm), "level " + l);
            assertEquals(dot(v, acu), dot(u, acv), 1e-12 * Math.abs(fineForm), "level " + l);
            // restriction is the transpose of interpolation
            double[] rf = random(fine, 11 + l);
            double[] rc = new double[coarse.size];
            Transfer.restrict(fine, coarse, h.coarsened[l], rf, rc, loops);
            assertEquals(dot(rf, pv), dot(rc, v), 1e-12 * Math.sqrt(dot(rf, rf) * dot(pv, pv)));
        }
    }

    @Test
    void theVCycleIsASymmetricPositiveDefinitePreconditioner() {
        PlaneLoops loops = new PlaneLoops(2);
        Hierarchy3D h = Hierarchy3D.build(OPERATOR, loops);
        double[][] a = h.combine(0.001, 1, loops);
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
