package org.anisocr.run;

import org.anisocr.analysis.Cartesian3DAnalysis;
import org.anisocr.config.Model3D;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.solver.SolverDivergedException;
import org.anisocr.solver.steady3d.Steady3DResult;
import org.anisocr.solver.steady3d.Steady3DSettings;
import org.anisocr.solver.steady3d.SteadySolver3D;
import org.anisocr.source.Source3D;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The steady strategy of a 3D model: −L N = S per momentum bin on the model's {@code CartesianGrid3D}, L the 3D
 * symmetric scheme ({@link SymmetricOperator3D}, built once: it depends on the field only), the bins of each
 * warm-start block in order ({@link BinSelection}) and the blocks in parallel, all workers sharing one
 * {@link SteadySolver3D}: its multigrid hierarchy depends on the field only, so it is built once (by the first bin)
 * and every bin combines it with its own D∥ and D⊥ — one copy in memory, not one per worker.
 * Pure computation: no files (see {@link Run3DOutput}).
 */
public final class Steady3DRunner {
    private Steady3DRunner() {}

    /**
     * Solves the selected bins with {@code threads} workers (0 = all processors); one line per bin to {@code log}.
     * A whole run is normalised as [output] asks; a part is not (its merge is).
     */
    public static Run3DResult solve(ModelConfig c, BinSelection selection, int threads, Consumer<String> log) {
        long t0 = System.nanoTime();
        Model3D model = c.model3d();
        CartesianGrid3D g = model.grid();
        MomentumGrid m = c.momenta();
        List<int[]> blocks = selection.blocks(m.count());
        int total = blocks.stream().mapToInt(b -> b.length).sum();
        int available = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int workers = Math.max(1, Math.min(available, blocks.size()));
        SymmetricOperator3D operator = new SymmetricOperator3D(g, model.field());
        double[] shape = sourceShape(g, model.source());
        Steady3DSettings settings = new Steady3DSettings(c.solver().steady().tolerance(),
                c.solver().steady().maxIterations());
        SteadySolver3D solver = new SteadySolver3D(operator, settings);
        double[][] density = new double[m.count()][];
        List<Run3DResult.BinStats> stats = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "anisocr-3d-bins");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Run3DResult.BinStats>>> futures = new ArrayList<>();
            for (int[] block : blocks) {
                futures.add(pool.submit(() -> solveBlock(c, solver, shape, block, density, total, done, log)));
            }
            for (Future<List<Run3DResult.BinStats>> f : futures) {
                stats.addAll(f.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving the momentum bins", e);
        } finally {
            pool.shutdownNow();
        }
        stats.sort(Comparator.comparingInt(Run3DResult.BinStats::bin));
        double scale = 1;
        if (selection.isWhole()) {
            scale = normalise(c, density);
        }
        return new Run3DResult(c, selection, density, stats, scale, (System.nanoTime() - t0) * 1e-9, workers);
    }

    /** One warm-start block, bins in order: the first from zero, each next from its lower neighbour's answer. */
    private static List<Run3DResult.BinStats> solveBlock(ModelConfig c, SteadySolver3D solver, double[] shape,
                                                         int[] block, double[][] density, int total,
                                                         AtomicInteger done, Consumer<String> log) {
        DiffusionTensor d = c.diffusion();
        Source3D source = c.model3d().source();
        MomentumGrid m = c.momenta();
        List<Run3DResult.BinStats> out = new ArrayList<>();
        double[] previous = null;
        for (int q = 0; q < block.length; q++) {
            long t0 = System.nanoTime();
            int k = block[q];
            double p = m.p(k);
            double spectrum = source.spectrum(p);
            double[] s = new double[shape.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = shape[i] * spectrum;
            }
            double[] guess = null;
            if (previous != null) {
                guess = previous.clone();
                double f = warmStartScale(d, source, m.p(block[q - 1]), p);
                for (int i = 0; i < guess.length; i++) {
                    guess[i] *= f;
                }
            }
            Steady3DResult r = solver.solve(d.parallel(p), d.perpendicular(p), s, guess);
            double[] n = r.density();
            for (double v : n) {
                if (!Double.isFinite(v)) {
                    throw new SolverDivergedException("non-finite density in momentum bin " + k);
                }
            }
            density[k] = n;
            previous = n;
            double seconds = (System.nanoTime() - t0) * 1e-9;
            out.add(new Run3DResult.BinStats(k, p, r.iterations(), r.relativeResidual(), r.converged(),
                    guess != null, seconds));
            log.accept(String.format(Locale.ROOT, "bin %d/%d done (k = %d, p = %.4g GeV): %d iterations, residual"
                            + " %.2e%s, %.1f s", done.incrementAndGet(), total, k, p, r.iterations(),
                    r.relativeResidual(), r.converged() ? "" : " (not converged)", seconds));
        }
        return out;
    }

    /**
     * The factor from the lower bin's answer to a guess for the next: N ∝ S/D where one diffusion coefficient
     * dominates escape, so the source ratio times the inverse ratio of D∥. Measured on JF12, εD = 0.01, δ⊥ = 0.7,
     * 16 bins at Δx = 1 kpc (CG): 1488 iterations in all with D∥, 1574 with D⊥, 1586 with the source ratio alone.
     */
    static double warmStartScale(DiffusionTensor d, Source3D source, double pFromGeV, double pToGeV) {
        return source.spectrum(pToGeV) / source.spectrum(pFromGeV) * d.parallel(pFromGeV) / d.parallel(pToGeV);
    }

    /** The source's shape at every node, 0 on the Dirichlet nodes (the scheme holds N = 0 there). */
    static double[] sourceShape(CartesianGrid3D g, Source3D source) {
        double[] s = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (!g.isDirichlet(i, j, k)) {
                        s[g.index(i, j, k)] = source.spatial(g.xKpc(i), g.yKpc(j), g.zKpc(k));
                    }
                }
            }
        }
        return s;
    }

    /**
     * Applies [output] normalise_N_at_sun to every bin: N at the Sun, (x, y, z) = (−R☉, 0, 0) (linear in x between
     * nodes), interpolated to p_ref as in 2D. Returns the factor (1 when not asked for).
     */
    static double normalise(ModelConfig c, double[][] density) {
        if (c.output().normaliseAtSunTo() <= 0) {
            return 1;
        }
        double[] atSun = spectrumAtSun(c.model3d().grid(), density, c.output().rSunKpc());
        double scale = ModelRunner.normalisation(c.output(), c.momenta(), atSun);
        if (scale != 1) {
            for (double[] bin : density) {
                for (int i = 0; i < bin.length; i++) {
                    bin[i] *= scale;
                }
            }
        }
        return scale;
    }

    /** N(p) at (−R☉, 0, 0), linear in x between the nodes of the row y = 0, z = 0. */
    static double[] spectrumAtSun(CartesianGrid3D g, double[][] density, double rSunKpc) {
        return Cartesian3DAnalysis.spectrumOnXAxis(g, density, -rSunKpc);
    }
}
