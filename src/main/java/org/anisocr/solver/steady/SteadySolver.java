package org.anisocr.solver.steady;

import org.anisocr.config.SteadySettings;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.solver.SingularSystemException;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Fast steady state of any {@link SteadyOperator}: L_k N_k + S_k = 0 for every momentum bin, to a relative
 * residual ‖L N + S‖/‖S‖ ≤ tolerance — the same fixed point as {@link DirectSteadySolver}, reached iteratively.
 *
 * <p>Methods (all flexible GMRES, right-preconditioned, so the residual minimised is the reported one):
 * <ul>
 *   <li>{@code lu-gmres}: the preconditioner is the exact banded LU of a <i>reference</i> bin. By separability
 *       L_k = D⊥(p_k)(A + ρ_k B) with ρ = (D∥ − D⊥)/D⊥, so neighbouring bins differ only by a slow drift of ρ and
 *       the reference LU is nearly their inverse; a new reference is factored when a bin needed more than
 *       {@code refactorAfter} iterations.</li>
 *   <li>{@code adi-gmres}: the preconditioner is one Peaceman–Rachford ADI double sweep with Wachspress-cycled
 *       shifts ({@link AdiPreconditioner}); no factorisation, memory O(grid).</li>
 *   <li>{@code direct}: one banded LU per bin (the reference; 0 sweeps).</li>
 * </ul>
 * Bins are split into one contiguous chunk per thread; inside a chunk the bins are solved in order of momentum,
 * each warm-started from its neighbour's solution rescaled by the least-squares factor that best fits the new
 * source (N scales roughly like S/D∥, so the unscaled neighbour would be off by a constant factor).
 */
public final class SteadySolver {
    /**
     * What a solve did. sweepsMax: the largest number of Krylov iterations any bin took (bins are independent,
     * so this is the length of the critical path, the counterpart of the ladder's steps); sweepsTotal: summed over
     * bins; picardIterations: outer iterations of the limited scheme (1 for linear schemes).
     */
    public record Result(double[][] density, int sweepsMax, long sweepsTotal, int factorisations, double residual,
                         boolean converged, int picardIterations) {}

    /** Told after each momentum bin: its Krylov iterations and relative residual (called from the solving threads). */
    public interface BinProgress { void binSolved(int bin, int iterations, double residual); }

    private final SteadySettings settings;
    private final int threads;
    private final BinProgress progress;

    public SteadySolver(SteadySettings settings, int threads) { this(settings, threads, null); }

    /** @param progress told after each bin (may be null) */
    public SteadySolver(SteadySettings settings, int threads, BinProgress progress) {
        this.settings = settings;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.progress = progress;
    }

    public SteadySettings settings() { return settings; }

    /** Solves every bin; {@code guess} (nullable) replaces the neighbour warm start, e.g. in a Picard iteration. */
    public Result solve(SteadyOperator op, double[][] guess) {
        int bins = op.bins(), chunks = Math.min(threads, bins);
        double[][] n = new double[bins][];
        int[] iters = new int[bins];
        double[] res = new double[bins];
        AtomicInteger factorisations = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c ->
                    solveChunk(op, c * bins / chunks, (c + 1) * bins / chunks, guess, n, iters, res, factorisations))).join();
        } finally {
            pool.shutdown();
        }
        int max = Arrays.stream(iters).max().orElse(0);
        long total = Arrays.stream(iters).asLongStream().sum();
        double worst = Arrays.stream(res).max().orElse(0);
        return new Result(n, max, total, factorisations.get(), worst, worst <= settings.tolerance(), 1);
    }

    private void solveChunk(SteadyOperator op, int from, int to, double[][] guess, double[][] n, int[] iters,
                            double[] res, AtomicInteger factorisations) {
        BinMethod method = binMethod(new FlexibleGmres(settings.restart()), factorisations);
        int size = op.grid().size();
        for (int k = from; k < to; k++) {
            NinePointMatrix m = op.matrix(k);
            double[] s = op.source(k);
            double[] x = new double[size];
            if (method.startsFromAGuess()) {
                if (guess != null) System.arraycopy(guess[k], 0, x, 0, size);
                else if (k > from) warmStart(m, s, n[k - 1], x);
            }
            BinOutcome o = method.solve(k, m, s, x);
            n[k] = x;
            iters[k] = o.iterations();
            res[k] = o.relativeResidual();
            if (progress != null) progress.binSolved(k, o.iterations(), o.relativeResidual());
        }
    }

    /** What one bin's solve took: Krylov iterations (0 for a direct solve) and the relative residual reached. */
    private record BinOutcome(int iterations, double relativeResidual) {}

    /**
     * One steady method, solving the bins of one chunk in order into x (which holds the start guess); a method may
     * carry state from bin to bin (lu-gmres keeps its reference factorisation).
     */
    private interface BinMethod {
        BinOutcome solve(int k, NinePointMatrix m, double[] s, double[] x);

        /** Whether x should hold a start guess (neighbour or Picard iterate) before {@link #solve}. */
        default boolean startsFromAGuess() { return true; }
    }

    /** The strategy of the configured method, fresh for one chunk. */
    private BinMethod binMethod(FlexibleGmres gmres, AtomicInteger factorisations) {
        return switch (settings.method()) {
            case DIRECT -> new BinMethod() {
                @Override public BinOutcome solve(int k, NinePointMatrix m, double[] s, double[] x) {
                    factor(m, k, false).solve(s, x);
                    factorisations.incrementAndGet();
                    return new BinOutcome(0, m.relativeResidual(x, s));
                }

                @Override public boolean startsFromAGuess() { return false; }
            };
            case ADI_GMRES -> (k, m, s, x) -> {
                FlexibleGmres.Outcome o = gmres.solve(m, s, x, new AdiPreconditioner(m, settings.adiCycle()), settings.tolerance(),
                        settings.maxIterations());
                return new BinOutcome(o.iterations(), o.relativeResidual());
            };
            case LU_GMRES -> new LuGmres(gmres, factorisations);
        };
    }

    /**
     * lu-gmres: GMRES preconditioned by the banded LU of a reference bin, refactored when a bin needed more than
     * refactor_after iterations; a bin that does not converge within 4·refactor_after iterations is better
     * refactored than iterated further, and becomes the new reference.
     */
    private final class LuGmres implements BinMethod {
        private final FlexibleGmres gmres;
        private final AtomicInteger factorisations;
        private BandedFactorisation reference;
        private boolean refactor = true;

        LuGmres(FlexibleGmres gmres, AtomicInteger factorisations) {
            this.gmres = gmres;
            this.factorisations = factorisations;
        }

        @Override public BinOutcome solve(int k, NinePointMatrix m, double[] s, double[] x) {
            if (refactor || reference == null) {
                reference = factor(m, k, true);
                factorisations.incrementAndGet();
            }
            BandedFactorisation lu = reference;
            int cap = Math.min(settings.maxIterations(), 4 * settings.refactorAfter());
            FlexibleGmres.Outcome o = gmres.solve(m, s, x, (r, z) -> { lu.solve(r, z); }, settings.tolerance(), cap);
            int used = o.iterations();
            if (!o.converged()) { // reference too far away: factor this bin
                BandedFactorisation own = factor(m, k, true);
                reference = own;
                factorisations.incrementAndGet();
                o = gmres.solve(m, s, x, (r, z) -> own.solve(r, z), settings.tolerance(), settings.maxIterations());
                used += o.iterations();
            }
            refactor = used > settings.refactorAfter();
            return new BinOutcome(used, o.relativeResidual());
        }
    }

    /** The banded LU of bin k's matrix; a zero pivot becomes a {@link SingularSystemException} naming the bin. */
    static BandedFactorisation factor(NinePointMatrix m, int k, boolean preconditionerOnly) {
        try {
            return new BandedFactorisation(m, preconditionerOnly);
        } catch (ArithmeticException e) {
            throw new SingularSystemException(0, k, "CPU banded LU: " + e.getMessage());
        }
    }

    /** x = α·neighbour with α minimising ‖α L·neighbour + S‖ (one operator application). */
    static void warmStart(NinePointMatrix m, double[] s, double[] neighbour, double[] x) {
        double[] ln = new double[s.length];
        m.apply(neighbour, ln);
        double num = 0, den = 0;
        for (int q = 0; q < s.length; q++) { num -= ln[q] * s[q]; den += ln[q] * ln[q]; }
        double alpha = den > 0 ? num / den : 0;
        for (int q = 0; q < s.length; q++) x[q] = alpha * neighbour[q];
    }
}
