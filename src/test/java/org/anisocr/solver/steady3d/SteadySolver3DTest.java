package org.anisocr.solver.steady3d;

import org.anisocr.field.FieldVector3;
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

    @Test
    void recoversTheDiscreteSolutionOfAnObliqueAnisotropicProblem() {
        CartesianGrid3D g = new CartesianGrid3D(2, 1, 17, 17, 9);
        SymmetricOperator3D op = new SymmetricOperator3D(g, new Oblique());
        double[] exact = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (!g.isDirichlet(i, j, k)) {
                        double x = g.xKpc(i);
                        double y = g.yKpc(j);
                        double z = g.zKpc(k);
                        exact[g.index(i, j, k)] = Math.exp(-(x * x + y * y) / 2) * Math.cos(Math.PI * z / 2);
                    }
                }
            }
        }
        double dPar = 1.0;
        double dPerp = 0.01;
        double[] lExact = new double[g.size()];
        op.apply(dPar, dPerp, exact, lExact);
        double[] source = new double[g.size()];
        for (int p = 0; p < source.length; p++) {
            source[p] = -lExact[p];
        }
        Steady3DResult r = new SteadySolver3D(op, Steady3DSettings.defaults()).solve(dPar, dPerp, source, null);
        assertTrue(r.converged(), "relative residual " + r.relativeResidual());
        double maxErr = 0;
        for (int p = 0; p < exact.length; p++) {
            maxErr = Math.max(maxErr, Math.abs(r.density()[p] - exact[p]));
        }
        // residual 1e-10 with a condition number of order 1e4 on this grid
        assertEquals(0, maxErr, 1e-6);
        // a warm start at the answer needs no iterations
        Steady3DResult warm = new SteadySolver3D(op, Steady3DSettings.defaults()).solve(dPar, dPerp, source, exact);
        assertTrue(warm.iterations() <= 1, "warm start took " + warm.iterations());
    }
}
