package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.MomentumTransport;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.solver.SingularSystemException;
import org.anisocr.solver.SolverTuning;

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
 *   <li>{@code mg-gmres}: the preconditioner is one geometric multigrid W-cycle ({@link MultigridPreconditioner}:
 *       Galerkin 9-point coarse operators, alternating zebra line Gauss–Seidel, banded LU on a ~26×11 coarsest
 *       grid); work and memory O(cells). The hierarchy of one bin is recycled for the following bins and rebuilt
 *       (counted as a factorisation) when a bin needs {@code MG_REBUILD_MARGIN} iterations more than the first one
 *       after the build. Bins are dealt round-robin to the threads.</li>
 *   <li>{@code auto} (default): lu-gmres or mg-gmres by the LU bandwidth, see {@link #choose}.</li>
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
     * The density array is shared, not copied (RecordImmutabilityTest.SHARED): it is bins × nodes doubles,
 * the solver hands it over and nobody writes it afterwards.
     */
    public record Result(double[][] density, int sweepsMax, long sweepsTotal, int factorisations, double residual,
                         boolean converged, int picardIterations) {}

    /** Told after each momentum bin: its Krylov iterations and relative residual (called from the solving threads). */
    public interface BinProgress { void binSolved(int bin, int iterations, double residual); }

    /** The concrete method a run uses and why (for summary.json). */
    public record Choice(SteadyMethod method, String reason) {}

    /**
     * Largest LU bandwidth for which {@code auto} keeps the banded LU. Measured on an idle 2-core machine
     * (realistic field, εD = 0.01, 33 bins, solve time): 101×41 (band 41) lu-gmres 0.35–0.48 s,
     * mg-gmres 0.40 s; 201×81 (band 81) lu-gmres 1.43–1.48 s, mg-gmres 0.80–0.85 s. (An earlier crossover of 120,
     * measured under a load of 15–70, favoured the LU.)
     */
    public static final int AUTO_LU_MAX_BANDWIDTH = 48;

    /**
     * {@code auto}: the banded LU (lu-gmres) while its band is narrow, multigrid (mg-gmres) beyond. The LU costs
     * ~n·bw² to factor and n·bw memory (bw ≈ min(NR, Nz)), multigrid ~n for both; the crossover
     * {@link #AUTO_LU_MAX_BANDWIDTH} is measured in bench/HIGHRES.md. Other methods are taken as given.
     */
    public static Choice choose(SteadyMethod method, SpatialGrid g) {
        if (method != SteadyMethod.AUTO) {
            return new Choice(method, "configured");
        }
        int bw = Math.min(g.nR() - 1, g.nZ() - 2) + 1;
        boolean mgPossible = MultigridHierarchy.levelsFor(g) > 1;
        if (bw <= AUTO_LU_MAX_BANDWIDTH || !mgPossible) {
            return new Choice(SteadyMethod.LU_GMRES, "auto: banded LU bandwidth " + bw + (bw <= AUTO_LU_MAX_BANDWIDTH
                    ? " <= " + AUTO_LU_MAX_BANDWIDTH + " (LU fastest below the measured crossover)"
                    : " but the grid cannot be coarsened (NR-1 and Nz-1 odd)"));
        }
        return new Choice(SteadyMethod.MG_GMRES, "auto: banded LU bandwidth " + bw + " > " + AUTO_LU_MAX_BANDWIDTH
                + " (multigrid: work and memory linear in the cells beyond the measured crossover)");
    }

    /** mg-gmres: W-cycles (γ = 2): iteration counts stay nearly flat under refinement at εD = 0.001, V-cycles' grow. */
    static final int MG_GAMMA = 2;
    /**
     * mg-gmres: rebuild the recycled hierarchy when a bin needs this many iterations more than the first bin after the
     * build.
     */
    static final int MG_REBUILD_MARGIN = 2;

    private final SteadySettings settings;
    private final SolverTuning tuning;
    private final int threads;
    private final BinProgress progress;

    public SteadySolver(SteadySettings settings, int threads) { this(settings, threads, null); }

    /** @param progress told after each bin (may be null) */
    public SteadySolver(SteadySettings settings, int threads, BinProgress progress) {
        this(settings, SolverTuning.defaults(), threads, progress);
    }

    /** @param tuning its multigrid sweeps are those of mg-gmres's cycle */
    public SteadySolver(SteadySettings settings, SolverTuning tuning, int threads, BinProgress progress) {
        this.settings = settings;
        this.tuning = tuning;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.progress = progress;
    }

    public SteadySettings settings() { return settings; }

    /** Solves every bin; {@code guess} (nullable) replaces the neighbour warm start, e.g. in a Picard iteration. */
    public Result solve(SteadyOperator op, double[][] guess) {
        SteadyMethod method = choose(settings.method(), op.grid()).method();
        if (op.transport() != null) {
            return solveDownward(op, method, guess);
        }
        int bins = op.bins();
        int chunks = Math.min(threads, bins);
        double[][] n = new double[bins][];
        int[] iters = new int[bins];
        double[] res = new double[bins];
        AtomicInteger factorisations = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // mg-gmres: bins dealt round-robin (thread c takes c, c + T, …), since the low-momentum bins are the hard
            // ones and contiguous chunks would leave one thread with all of them; warm starts then come from k − T.
            boolean dealt = method == SteadyMethod.MG_GMRES;
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
                        if (dealt) {
                            solveChunk(op, method, c, bins, chunks, guess, n, iters, res, factorisations);
                        } else {
                            solveChunk(
                                    op,
                                    method,
                                    c * bins / chunks,
                                    (c + 1) * bins / chunks,
                                    1,
                                    guess,
                                    n,
                                    iters,
                                    res,
                                    factorisations);
                        }
                    }))
                    .join();
        } finally {
            pool.shutdown();
        }
        int max = Arrays.stream(iters).max().orElse(0);
        long total = Arrays.stream(iters).asLongStream().sum();
        double worst = Arrays.stream(res).max().orElse(0);
        return new Result(n, max, total, factorisations.get(), worst, worst <= settings.tolerance(), 1);
    }

    /**
     * Bins coupled by a wind or energy losses ({@link MomentumTransport}): particles only move down in momentum, so
     * the bins are solved one after the other from the top, each with the inflow from the bin above (already solved)
     * in its source; its matrix carries the advection and the outflow to the bin below. Each bin warm-starts from the
     * bin above. One pass is exact (the coupling is triangular), so the residual reported is each bin's own.
     */
    private Result solveDownward(SteadyOperator op, SteadyMethod chosen, double[][] guess) {
        MomentumTransport t = op.transport();
        int bins = op.bins();
        int size = op.grid().size();
        double[][] n = new double[bins][];
        int[] iters = new int[bins];
        double[] res = new double[bins];
        AtomicInteger factorisations = new AtomicInteger();
        BinMethod method = binMethod(chosen, new FlexibleGmres(settings.restart()), factorisations);
        for (int k = bins - 1; k >= 0; k--) {
            NinePointMatrix m = op.matrix(k);
            double[] s = t.sourceWithInflow(k, op.source(k), k + 1 < bins ? n[k + 1] : null);
            double[] x = new double[size];
            if (method.startsFromAGuess()) {
                if (guess != null) {
                    System.arraycopy(guess[k], 0, x, 0, size);
                } else if (k + 1 < bins) {
                    warmStart(m, s, n[k + 1], x);
                }
            }
            BinOutcome o = method.solve(k, m, s, x);
            n[k] = x;
            iters[k] = o.iterations();
            res[k] = o.relativeResidual();
            if (progress != null) {
                progress.binSolved(k, o.iterations(), o.relativeResidual());
            }
        }
        int max = Arrays.stream(iters).max().orElse(0);
        long total = Arrays.stream(iters).asLongStream().sum();
        double worst = Arrays.stream(res).max().orElse(0);
        return new Result(n, max, total, factorisations.get(), worst, worst <= settings.tolerance(), 1);
    }

    private void solveChunk(
            SteadyOperator op,
            SteadyMethod chosen,
            int from,
            int to,
            int stride,
            double[][] guess,
            double[][] n,
            int[] iters,
            double[] res,
            AtomicInteger factorisations) {
        BinMethod method = binMethod(chosen, new FlexibleGmres(settings.restart()), factorisations);
        int size = op.grid().size();
        for (int k = from; k < to; k += stride) {
            NinePointMatrix m = op.matrix(k);
            double[] s = op.source(k);
            double[] x = new double[size];
            if (method.startsFromAGuess()) {
                if (guess != null) {
                    System.arraycopy(guess[k], 0, x, 0, size);
                } else if (k > from) {
                    warmStart(m, s, n[k - stride], x);
                }
            }
            BinOutcome o = method.solve(k, m, s, x);
            n[k] = x;
            iters[k] = o.iterations();
            res[k] = o.relativeResidual();
            if (progress != null) {
                progress.binSolved(k, o.iterations(), o.relativeResidual());
            }
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

    /** The strategy of the method in use (auto resolved), fresh for one chunk. */
    private BinMethod binMethod(SteadyMethod method, FlexibleGmres gmres, AtomicInteger factorisations) {
        return switch (method) {
            case DIRECT ->
                new BinMethod() {
                    @Override
                    public BinOutcome solve(int k, NinePointMatrix m, double[] s, double[] x) {
                        factor(m, k, false).solve(s, x);
                        factorisations.incrementAndGet();
                        return new BinOutcome(0, m.relativeResidual(x, s));
                    }

                    @Override
                    public boolean startsFromAGuess() {
                        return false;
                    }
                };
            case ADI_GMRES ->
                (k, m, s, x) -> {
                    FlexibleGmres.Outcome o = gmres.solve(
                            m,
                            s,
                            x,
                            new AdiPreconditioner(m, settings.adiCycle()),
                            settings.tolerance(),
                            settings.maxIterations());
                    return new BinOutcome(o.iterations(), o.relativeResidual());
                };
            case LU_GMRES -> new LuGmres(gmres, factorisations);
            case MG_GMRES -> new MgGmres(gmres, factorisations);
            case AUTO -> throw new IllegalStateException("auto is resolved by choose()");
        };
    }

    /**
     * mg-gmres: GMRES preconditioned by a multigrid cycle on the hierarchy of a reference bin, rebuilt when a bin
     * needs more than MG_REBUILD_MARGIN iterations beyond the first bin after the build.
     */
    private final class MgGmres implements BinMethod {
        private final FlexibleGmres gmres;
        private final AtomicInteger factorisations;
        private MultigridPreconditioner mg;
        private int itersAfterBuild = -1;
        private boolean rebuild = true;

        MgGmres(FlexibleGmres gmres, AtomicInteger factorisations) {
            this.gmres = gmres;
            this.factorisations = factorisations;
        }

        @Override public BinOutcome solve(int k, NinePointMatrix m, double[] s, double[] x) {
            if (rebuild || mg == null) {
                mg = new MultigridPreconditioner(m, MG_GAMMA, tuning.multigridSweeps());
                factorisations.incrementAndGet();
                itersAfterBuild = -1;
            }
            FlexibleGmres.Outcome o = gmres.solve(m, s, x, mg, settings.tolerance(), settings.maxIterations());
            if (itersAfterBuild < 0) {
                itersAfterBuild = o.iterations();
            }
            rebuild = o.iterations() > itersAfterBuild + MG_REBUILD_MARGIN;
            return new BinOutcome(o.iterations(), o.relativeResidual());
        }
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
        double num = 0;
        double den = 0;
        for (int q = 0; q < s.length; q++) { num -= ln[q] * s[q]; den += ln[q] * ln[q]; }
        double alpha = den > 0 ? num / den : 0;
        for (int q = 0; q < s.length; q++) {
            x[q] = alpha * neighbour[q];
        }
    }
}
