package org.anisocr.solver.steady;

import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Reference steady state: solves L N + S = 0 exactly for the unsplit discrete operator (banded LU with
 * partial pivoting, one factorisation per momentum bin, bins in parallel). Works for any
 * {@link SteadyOperator}; the paper's scheme by default. Cost ~ n·bw² per bin: the yardstick the fast
 * solvers must beat.
 */
public final class DirectSteadySolver {
    private final SteadyOperator operator;
    private final int threads;

    public DirectSteadySolver(TransportProblem problem, int threads) {
        this(new PaperSteadyOperator(problem), threads);
    }

    public DirectSteadySolver(SteadyOperator operator, int threads) {
        this.operator = operator;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** N[k][node] for every bin. */
    public double[][] solve() {
        double[][] out = new double[operator.bins()][];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, operator.bins()).parallel().forEach(k -> out[k] = solveBin(k))).join();
        } finally {
            pool.shutdown();
        }
        return out;
    }

    public double[] solveBin(int k) {
        double[] n = new double[operator.grid().size()];
        SteadySolver.factor(operator.matrix(k), k, false).solve(operator.source(k), n);
        return n;
    }
}
