package org.anisocr.solver.steady3d;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs a loop body over independent indices (planes of a level, lines of one colour) on a fixed number of threads.
 * One thread runs the loop in order, with no pool; more threads use a private ForkJoinPool, so that a solve never
 * competes with the common pool (the bins of a model may already run in parallel on it).
 */
final class PlaneLoops implements AutoCloseable {
    private final ForkJoinPool pool;

    PlaneLoops(int threads) {
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    /** body(q) for q = from, from + step, … below to; the calls must not depend on each other. */
    void forEach(int from, int to, int step, IntConsumer body) {
        int count = to > from ? (to - from + step - 1) / step : 0;
        if (pool == null || count < 2) {
            for (int q = from; q < to; q += step) {
                body.accept(q);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(m -> body.accept(from + m * step))).join();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
