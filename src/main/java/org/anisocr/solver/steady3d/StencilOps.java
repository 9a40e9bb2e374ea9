package org.anisocr.solver.steady3d;

/**
 * The solve-phase kernels on one level's 27-point operator A ({@link LevelMatrix}: off-diagonal entries
 * {@code off[s·n + p]}, see {@link LevelShape}, and the diagonal): product, residual and the two relaxations.
 * Every loop is over independent nodes or lines of one colour, split into planes that run in parallel: the
 * operations a GPU kernel does one thread per node or per line. Nodes on the box faces are never written (they
 * hold 0); fixed nodes inside carry identity rows.
 *
 * <p>Rows are computed entry by entry ({@code for s: for i: acc[i] += a[s·n + p_i] x[p_i + o_s]}), so the inner
 * loop streams and vectorises; only the diagonal solve of a line is a recurrence.
 */
final class StencilOps {
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][0]);

    private StencilOps() {}

    /** Scratch buffer {@code which} (0–2) of this thread, at least {@code length} long (contents undefined). */
    static double[] scratch(int which, int length) {
        double[][] buffers = SCRATCH.get();
        if (buffers[which].length < length) {
            buffers[which] = new double[length];
        }
        return buffers[which];
    }

    /** y = A x at interior nodes (faces 0). */
    static void apply(LevelShape g, LevelMatrix a, double[] x, double[] y, PlaneLoops loops) {
        loops.forEach(1, g.nZ - 1, 1, k -> {
            double[] acc = scratch(0, g.nX);
            for (int j = 1; j < g.nY - 1; j++) {
                int row = g.index(0, j, k);
                rowProduct(g, a.off, x, row, 1, g.nX - 1, 1, 3, acc);
                for (int i = 1; i < g.nX - 1; i++) {
                    y[row + i] = acc[i] + a.diag[row + i] * x[row + i];
                }
            }
        });
    }

    /** r = b − A x at interior nodes (faces 0). */
    static void residual(LevelShape g, LevelMatrix a, double[] b, double[] x, double[] r, PlaneLoops loops) {
        loops.forEach(1, g.nZ - 1, 1, k -> {
            double[] acc = scratch(0, g.nX);
            for (int j = 1; j < g.nY - 1; j++) {
                int row = g.index(0, j, k);
                rowProduct(g, a.off, x, row, 1, g.nX - 1, 1, 3, acc);
                for (int i = 1; i < g.nX - 1; i++) {
                    r[row + i] = b[row + i] - acc[i] - a.diag[row + i] * x[row + i];
                }
            }
        });
    }

    /**
     * acc[i] = Σ_s a_s x over the off-diagonal entries s of the row starting at node {@code row}, for i = from,
     * from + step, … below to; with skipAxis 0–2 the entries on that axis's line (offsets 0 on the two other axes)
     * left out too; skipAxis 3: all off-diagonal entries.
     */
    static void rowProduct(LevelShape g, float[] a, double[] x, int row, int from, int to, int step, int skipAxis,
                           double[] acc) {
        for (int i = from; i < to; i += step) {
            acc[i] = 0;
        }
        int n = g.size;
        for (int s = 0; s < LevelShape.ENTRIES; s++) {
            if (skipped(s, skipAxis)) {
                continue;
            }
            int base = s * n + row;
            int shift = row + g.offsets[s];
            for (int i = from; i < to; i += step) {
                acc[i] += a[base + i] * x[shift + i];
            }
        }
    }

    private static boolean skipped(int s, int skipAxis) {
        if (s == LevelShape.CENTRE || skipAxis == 3) {
            return s == LevelShape.CENTRE;
        }
        for (int axis = 0; axis < 3; axis++) {
            if (axis != skipAxis && LevelShape.offset(s, axis) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One Gauss–Seidel pass over the eight colours (i, j, k parities) in order, or in reverse order when
     * {@code forward} is false (the adjoint pass): nodes of one colour do not touch each other in a 27-point
     * stencil, so each colour is a Jacobi step over independent nodes.
     */
    static void pointSweep(LevelShape g, LevelMatrix a, double[] b, double[] x, boolean forward, PlaneLoops loops) {
        for (int m = 0; m < 8; m++) {
            int colour = forward ? m : 7 - m;
            int ci = colour & 1;
            int cj = (colour >> 1) & 1;
            int ck = colour >> 2;
            int iFrom = 2 - ci; // first interior index of this parity
            loops.forEach(2 - ck, g.nZ - 1, 2, k -> {
                double[] acc = scratch(0, g.nX);
                for (int j = 2 - cj; j < g.nY - 1; j += 2) {
                    int row = g.index(0, j, k);
                    rowProduct(g, a.off, x, row, iFrom, g.nX - 1, 2, 3, acc);
                    for (int i = iFrom; i < g.nX - 1; i += 2) {
                        x[row + i] = (b[row + i] - acc[i]) / a.diag[row + i];
                    }
                }
            });
        }
    }

    /**
     * One line Gauss–Seidel pass with lines along {@code axis}: the lines in four colours (the parities of the two
     * other indices; lines of one colour do not touch), each line's tridiagonal part solved exactly with the rest
     * of its rows taken from the current x. Colours in reverse order when {@code forward} is false (the adjoint).
     */
    static void lineSweep(LevelShape g, LevelMatrix a, double[] b, double[] x, int axis, boolean forward,
                          PlaneLoops loops) {
        for (int m = 0; m < 4; m++) {
            int colour = forward ? m : 3 - m;
            int c0 = colour & 1;
            int c1 = colour >> 1;
            if (axis == 0) {
                loops.forEach(2 - c1, g.nZ - 1, 2, k -> xLines(g, a, b, x, k, 2 - c0));
            } else if (axis == 1) {
                loops.forEach(2 - c1, g.nZ - 1, 2, k -> crossLines(g, a, b, x, 1, g.index(0, 0, k), 2 - c0));
            } else {
                loops.forEach(2 - c1, g.nY - 1, 2, j -> crossLines(g, a, b, x, 2, g.index(0, j, 0), 2 - c0));
            }
        }
    }

    /** The x lines of plane k with j = jFrom, jFrom + 2, …: each line contiguous, solved on its own. */
    private static void xLines(LevelShape g, LevelMatrix a, double[] b, double[] x, int k, int jFrom) {
        int m = g.nX;
        double[] rhs = scratch(0, m);
        double[] cPrime = scratch(1, m);
        int n = g.size;
        int lower = LevelShape.entry(-1, 0, 0) * n;
        int upper = LevelShape.entry(1, 0, 0) * n;
        float[] off = a.off;
        for (int j = jFrom; j < g.nY - 1; j += 2) {
            int row = g.index(0, j, k);
            rowProduct(g, off, x, row, 1, m - 1, 1, 0, rhs);
            double yPrev = 0;
            double cPrev = 0;
            for (int i = 1; i < m - 1; i++) {
                int p = row + i;
                double l = off[lower + p];
                double pivot = a.diag[p] - l * cPrev;
                cPrev = off[upper + p] / pivot;
                cPrime[i] = cPrev;
                yPrev = (b[p] - rhs[i] - l * yPrev) / pivot;
                x[p] = yPrev;
            }
            for (int i = m - 3; i >= 1; i--) {
                x[row + i] -= cPrime[i] * x[row + i + 1];
            }
        }
    }

    /**
     * Lines along {@code axis} (1: y, within the z-plane starting at node {@code plane}; 2: z, within the y-plane)
     * at i = iFrom, iFrom + 2, …: the rows of the plane are crossed by the lines, so each elimination step runs
     * over all lines of the colour at once, lines innermost (as {@code linalg.Thomas.solveLines}).
     */
    private static void crossLines(LevelShape g, LevelMatrix a, double[] b, double[] x, int axis, int plane,
                                   int iFrom) {
        int m = g.length(axis);
        int stride = g.stride(axis);
        int width = g.nX;
        double[] rhs = scratch(0, m * width);
        double[] cPrime = scratch(1, m * width);
        int n = g.size;
        int lower = LevelShape.withOffset(LevelShape.CENTRE, axis, -1) * n;
        int upper = LevelShape.withOffset(LevelShape.CENTRE, axis, 1) * n;
        float[] off = a.off;
        double[] row = scratch(2, width);
        for (int q = 1; q < m - 1; q++) {
            int start = plane + q * stride;
            rowProduct(g, off, x, start, iFrom, width - 1, 2, axis, row);
            for (int i = iFrom; i < width - 1; i += 2) {
                int p = start + i;
                double l = off[lower + p];
                double cPrev = q == 1 ? 0 : cPrime[(q - 1) * width + i];
                double yPrev = q == 1 ? 0 : rhs[(q - 1) * width + i];
                double pivot = a.diag[p] - l * cPrev;
                cPrime[q * width + i] = off[upper + p] / pivot;
                rhs[q * width + i] = (b[p] - row[i] - l * yPrev) / pivot;
            }
        }
        for (int i = iFrom; i < width - 1; i += 2) {
            x[plane + (m - 2) * stride + i] = rhs[(m - 2) * width + i];
        }
        for (int q = m - 3; q >= 1; q--) {
            int start = plane + q * stride;
            for (int i = iFrom; i < width - 1; i += 2) {
                x[start + i] = rhs[q * width + i] - cPrime[q * width + i] * x[start + stride + i];
            }
        }
    }
}
