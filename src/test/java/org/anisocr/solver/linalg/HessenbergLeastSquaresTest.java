package org.anisocr.solver.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The GMRES least-squares problem: its y minimises ‖β e₁ − H y‖ and its estimate is that minimum. */
class HessenbergLeastSquaresTest {
    @Test
    void minimisesTheResidualAndEstimatesIt() {
        Random rnd = new Random(4);
        int cols = 4;
        double beta = 2.5;
        double[][] h = new double[cols + 1][cols];
        HessenbergLeastSquares ls = new HessenbergLeastSquares(6);
        ls.start(beta);
        double estimate = Double.NaN;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i <= j + 1; i++) {
                h[i][j] = rnd.nextGaussian();
                ls.set(i, j, h[i][j]);
            }
            estimate = ls.addColumn();
        }
        double[] y = ls.solve();
        assertEquals(cols, y.length);
        double[] r = residual(h, y, beta);
        assertEquals(norm(r), estimate, 1e-12);
        // optimality: the residual is orthogonal to every column of H
        for (int j = 0; j < cols; j++) {
            double d = 0;
            for (int i = 0; i <= cols; i++) {
                d += h[i][j] * r[i];
            }
            assertEquals(0, d, 1e-12, "column " + j);
        }
    }

    private static double[] residual(double[][] h, double[] y, double beta) {
        double[] r = new double[h.length];
        r[0] = beta;
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < y.length; j++) {
                r[i] -= h[i][j] * y[j];
            }
        }
        return r;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
