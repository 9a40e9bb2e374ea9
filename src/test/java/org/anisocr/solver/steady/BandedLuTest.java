package org.anisocr.solver.steady;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BandedLuTest {
    /** A banded matrix that needs pivoting (small diagonal), solved and checked by multiplying back. */
    @Test void solvesBandedSystemsThatNeedPivoting() {
        int n = 60;
        int kl = 4;
        int ku = 3;
        Random rnd = new Random(7);
        double[][] a = new double[n][n];
        BandedLu lu = new BandedLu(n, kl, ku);
        for (int i = 0; i < n; i++) {
            for (int c = Math.max(0, i - kl); c <= Math.min(n - 1, i + ku); c++) {
                double v = i == c ? 1e-3 * rnd.nextGaussian() : rnd.nextGaussian();
                a[i][c] = v;
                lu.set(i, c, v);
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i);
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < n; c++) {
                b[i] += a[i][c] * x[c];
            }
        }
        lu.factor();
        lu.solve(b);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], b[i], 1e-9, "x[" + i + "]");
        }
    }
}
