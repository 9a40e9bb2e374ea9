package org.anisocr.solver.linalg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one Thomas algorithm of the solvers: it solves, its sign and batched forms agree bit for bit with the plain
 * one. */
class ThomasTest {
    private static final int N = 37;

    /** A diagonally dominant line with random entries. */
    private static double[][] line(Random rnd) {
        double[] lo = new double[N];
        double[] di = new double[N];
        double[] up = new double[N];
        double[] rhs = new double[N];
        for (int q = 0; q < N; q++) {
            lo[q] = rnd.nextGaussian();
            up[q] = rnd.nextGaussian();
            di[q] = 2.5 + Math.abs(lo[q]) + Math.abs(up[q]) * rnd.nextDouble();
            rhs[q] = rnd.nextGaussian();
        }
        return new double[][] {lo, di, up, rhs};
    }

    @Test
    void solvesAStridedLineToRoundOff() {
        double[][] m = line(new Random(1));
        int stride = 3;
        int off = 2;
        double[] inv = new double[off + N * stride];
        double[] c = new double[inv.length];
        Thomas.factor(N, 1, m[0], m[1], m[2], 0, 1, inv, c, off, stride);
        double[] x = new double[N];
        Thomas.solve(N, 1, m[0], inv, c, off, stride, m[3], x, 0, 1);
        for (int q = 0; q < N; q++) {
            double ax = m[1][q] * x[q] + (q > 0 ? m[0][q] * x[q - 1] : 0) + (q < N - 1 ? m[2][q] * x[q + 1] : 0);
            assertTrue(Math.abs(ax - m[3][q]) < 1e-13, "row " + q + ": " + ax + " vs " + m[3][q]);
        }
    }

    @Test
    void signMinusOneIsTheNegatedLineBitForBit() {
        double[][] m = line(new Random(2));
        double[][] neg = new double[3][N];
        for (int r = 0; r < 3; r++) {
            for (int q = 0; q < N; q++) {
                neg[r][q] = -m[r][q];
            }
        }
        double[] inv1 = new double[N];
        double[] c1 = new double[N];
        double[] inv2 = new double[N];
        double[] c2 = new double[N];
        Thomas.factor(N, -1, m[0], m[1], m[2], 0, 1, inv1, c1, 0, 1);
        Thomas.factor(N, 1, neg[0], neg[1], neg[2], 0, 1, inv2, c2, 0, 1);
        assertArrayEquals(inv2, inv1);
        assertArrayEquals(c2, c1);
        double[] x1 = m[3].clone();
        double[] x2 = m[3].clone();
        Thomas.solve(N, -1, m[0], inv1, c1, 0, 1, x1, x1, 0, 1);
        Thomas.solve(N, 1, neg[0], inv2, c2, 0, 1, x2, x2, 0, 1);
        assertArrayEquals(x2, x1);
    }

    @Test
    void solveLinesIsTheLineByLineSolveBitForBit() {
        Random rnd = new Random(3);
        int lines = 5;
        int lineStep = 2;
        int stride = 11; // columns 0, 2, .., 8 of a row-major grid 11 wide
        int size = N * stride;
        double[] lo = new double[size];
        double[] di = new double[size];
        double[] up = new double[size];
        double[] rhs = new double[size];
        for (int q = 0; q < size; q++) {
            lo[q] = rnd.nextGaussian();
            up[q] = rnd.nextGaussian();
            di[q] = 3 + Math.abs(lo[q]) + Math.abs(up[q]);
            rhs[q] = rnd.nextGaussian();
        }
        double[] inv = new double[size];
        double[] c = new double[size];
        for (int p = 0; p < lines; p++) {
            Thomas.factor(N, -1, lo, di, up, p * lineStep, stride, inv, c, p * lineStep, stride);
        }
        double[] batched = new double[size];
        double[] single = new double[size];
        Thomas.solveLines(N, lines, -1, lo, inv, c, 0, lineStep, stride, rhs, batched);
        for (int p = 0; p < lines; p++) {
            Thomas.solve(N, -1, lo, inv, c, p * lineStep, stride, rhs, single, p * lineStep, stride);
        }
        assertArrayEquals(single, batched);
    }

    @Test
    void aZeroPivotThrows() {
        double[] zero = new double[N];
        double[] inv = new double[N];
        double[] c = new double[N];
        assertThrows(ArithmeticException.class, () -> Thomas.factor(N, 1, zero, zero, zero, 0, 1, inv, c, 0, 1));
    }
}
