package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.BinStencil;
import org.anisocr.operator.TransportProblem;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Reference steady state: solves L N + S = 0 for the unsplit discrete operator of the paper's scheme
 * exactly (banded LU with partial pivoting, one factorisation per momentum bin, bins in parallel).
 * Unknowns are the non-Dirichlet nodes, numbered along the shorter grid direction first so that the
 * bandwidth is min(NR−1, Nz−2) + 1. Cost ~ n·bw² per bin: the yardstick the fast solvers must beat.
 */
public final class DirectSteadySolver {
    private final TransportProblem problem;
    private final int threads;

    public DirectSteadySolver(TransportProblem problem, int threads) {
        this.problem = problem;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** N[k][node] for every bin. */
    public double[][] solve() {
        double[][] out = new double[problem.bins()][];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, problem.bins()).parallel().forEach(k -> out[k] = solveBin(k))).join();
        } finally {
            pool.shutdown();
        }
        return out;
    }

    public double[] solveBin(int k) {
        SpatialGrid g = problem.grid();
        Ordering ord = new Ordering(g);
        BinStencil s = new BinStencil(problem, k);
        BandedLu lu = new BandedLu(ord.unknowns, ord.bandwidth, ord.bandwidth);
        double[] rhs = new double[ord.unknowns];
        double[] src = problem.sourceRate(k);
        int nR = g.nR();
        for (int j = 1; j < g.nZ() - 1; j++)
            for (int i = 0; i < nR - 1; i++) {
                int idx = g.index(i, j), row = ord.of(i, j);
                rhs[row] = src[idx];
                // −L: positive centre, negated neighbours; Dirichlet neighbours (N = 0) drop out.
                lu.set(row, row, s.rCentre(idx) + s.zCentre(idx));
                add(lu, ord, row, i + 1, j, -s.rUpper(idx));
                add(lu, ord, row, i, j + 1, -s.zUpper(idx));
                add(lu, ord, row, i, j - 1, -s.zLower(idx));
                if (i > 0) {
                    add(lu, ord, row, i - 1, j, -s.rLower(idx));
                    double m = s.mixed(idx);
                    if (m != 0) {
                        add(lu, ord, row, i + 1, j + 1, -m);
                        add(lu, ord, row, i + 1, j - 1, m);
                        add(lu, ord, row, i - 1, j + 1, m);
                        add(lu, ord, row, i - 1, j - 1, -m);
                    }
                }
            }
        lu.factor();
        lu.solve(rhs);
        double[] n = new double[g.size()];
        for (int j = 1; j < g.nZ() - 1; j++)
            for (int i = 0; i < nR - 1; i++) n[g.index(i, j)] = rhs[ord.of(i, j)];
        return n;
    }

    private static void add(BandedLu lu, Ordering ord, int row, int i, int j, double v) {
        int col = ord.of(i, j);
        if (col >= 0 && v != 0) lu.set(row, col, v);
    }

    /** Numbering of the unknown nodes i = 0..NR−2, j = 1..Nz−2; −1 for Dirichlet nodes. */
    private static final class Ordering {
        final int nI, nJ, unknowns, bandwidth;
        final boolean radialFastest;

        Ordering(SpatialGrid g) {
            nI = g.nR() - 1;
            nJ = g.nZ() - 2;
            unknowns = nI * nJ;
            radialFastest = nI <= nJ;
            bandwidth = (radialFastest ? nI : nJ) + 1;
        }

        int of(int i, int j) {
            int jj = j - 1;
            if (i < 0 || i >= nI || jj < 0 || jj >= nJ) return -1;
            return radialFastest ? jj * nI + i : i * nJ + jj;
        }
    }
}
