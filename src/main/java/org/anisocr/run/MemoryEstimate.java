package org.anisocr.run;

import org.anisocr.analysis.sky.SkyMaps;
import org.anisocr.config.ConfigException;
import org.anisocr.config.Mode;
import org.anisocr.config.ModelConfig;
import org.anisocr.config.SolverSettings;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.FitsCubeWriter;
import org.anisocr.operator.Scheme;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySolver;
import org.anisocr.solver.steady3d.SteadySolver3D;

import java.util.Locale;

/**
 * The peak Java-heap memory a model will need, estimated from its grid, momenta, mode, method and threads before
 * anything is allocated, so that a model that cannot fit is refused up front with the ways out instead of dying
 * with an {@code OutOfMemoryError} after minutes of work.
 *
 * <p>What dominates, in bytes (n = N_R·N_z nodes, P momentum bins, T = min(threads, P) bins solved at once,
 * u ≈ n unknowns, w = min(N_R, N_z) the band half-width of the banded LU, band = u·(3w + 1) entries):
 * <ul>
 *   <li>every mode: the problem (source and initial density per bin, stencil tables) ≈ (2P + 24)·n·8, the
 *       density ≈ P·n·8 and a copy of it while the outputs are written;</li>
 *   <li>steady, lu-gmres: per thread a double-precision factor and its single-precision copy (12 bytes per band
 *       entry), two of them while a new reference replaces the old; plus GMRES's 2·restart + 2 vectors;</li>
 *   <li>steady, direct: per thread one double-precision factor (8 bytes per band entry);</li>
 *   <li>steady, mg-gmres: per thread GMRES's vectors and ~34 arrays of n for the multigrid hierarchy and the
 *       current operator ({@code auto} is resolved first, as the solver will);</li>
 *   <li>steady, adi-gmres: a few vectors per thread;</li>
 *   <li>ladder and transient: six arrays of P·n (state, previous, two tridiagonal factorisations).</li>
 * </ul>
 *
 * @param bytes   the estimate
 * @param account how the estimate was made, in words, for the message
 */
public record MemoryEstimate(long bytes, String account) {

    // Long on purpose: one switch over the solver methods, each case the memory formula of that method, so that the
    // formulas can be compared with each other and with the class comment in one place.
    @SuppressWarnings("checkstyle:MethodLength")
    public static MemoryEstimate of(ModelConfig c, int threads) {
        SpatialGrid g = c.grid();
        SolverSettings s = c.solver();
        long n = (long) g.nR() * g.nZ();
        int bins = c.momenta().count();
        int t = Math.max(1, Math.min(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), bins));
        long common = (2L * bins + 24) * n * 8 + 2L * bins * n * 8;
        long solver;
        String what;
        switch (s.mode()) {
            case STEADY, DIRECT -> {
                SteadyMethod method = s.mode() == Mode.DIRECT
                        ? SteadyMethod.DIRECT
                        : SteadySolver.choose(s.steady().method(), g).method();
                long unknowns = (long) (g.nR() - 1) * (g.nZ() - 2);
                long w = Math.min(g.nR() - 1, g.nZ() - 2) + 1;
                long band = unknowns * (3 * w + 1);
                long gmres = (2L * s.steady().restart() + 2) * n * 8 + 9 * n * 8;
                long limiter = s.scheme() == Scheme.SYMMETRIC_LIMITED ? 2L * bins * n * 4 : 0;
                switch (method) {
                    case LU_GMRES -> {
                        solver = t * (2 * 12 * band + gmres) + limiter;
                        what = String.format(Locale.ROOT, "banded LU preconditioner: %d thread%s × 2 factors of %s", t,
                                t == 1 ? "" : "s", gb(12 * band));
                    }
                    case DIRECT -> {
                        solver = t * (8 * band + 9 * n * 8) + limiter;
                        what = String.format(
                                Locale.ROOT,
                                "banded LU: %d thread%s × a factor of %s",
                                t,
                                t == 1 ? "" : "s",
                                gb(8 * band));
                    }
                    case MG_GMRES -> {
                        // per thread: the recycled hierarchy (its fine operator, ~1/3 more for the coarse levels, line
                        // factors and work vectors of every level) and the current bin's operator
                        solver = t * (gmres + 34 * n * 8) + limiter;
                        what = "multigrid-preconditioned GMRES (hierarchy and vectors, linear in the grid)";
                    }
                    case ADI_GMRES -> {
                        solver = t * (gmres + 12 * n * 8) + limiter;
                        what = "ADI-preconditioned GMRES vectors";
                    }
                    default -> throw new IllegalStateException("no memory estimate for steady method " + method.key());
                }
            }
            default -> { // LADDER, TRANSIENT
                solver = 6L * bins * n * 8;
                what = "split-step state and tridiagonal factors";
            }
        }
        return new MemoryEstimate(
                common + solver,
                String.format(
                        Locale.ROOT,
                        "%s grid %d×%d, %d momenta, mode %s: %s, plus %s of fields",
                        c.name(),
                        g.nR(),
                        g.nZ(),
                        bins,
                        s.mode().key(),
                        what,
                        gb(common)));
    }

    /**
     * A 3D model ({@code ModelConfig.model3d}): the density of the bins this run holds, the operator's b b per cell,
     * the source shape, and per worker the solver's own estimate ({@link SteadySolver3D#estimateBytes}) plus a bin's
     * source and warm-start guess; with {@code --full-cube} the float32 copy of every bin.
     *
     * @param binsHeld momentum bins whose N this run keeps (all of them for a run or a merge, a part's own for
     *                 {@code --bins})
     * @param blocks   warm-start blocks the run solves (what can run in parallel; 0 for a merge, which solves nothing)
     */
    public static MemoryEstimate of3d(ModelConfig c, int threads, int binsHeld, int blocks, boolean fullCube) {
        CartesianGrid3D g = c.model3d().grid();
        long n = g.size();
        int available = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int t = Math.max(0, Math.min(available, blocks));
        long density = binsHeld * n * 8;
        long problem = 6 * n * 8 + n + n * 8;
        // the workers share one solver: its hierarchy once, and per worker a bin in flight with its source and guess;
        // building the hierarchy (first bin, before the others start) has its own transient
        long perWorker = SteadySolver3D.estimateBytesPerBin(g) + 2 * n * 8;
        long solver = t == 0 ? 0 : SteadySolver3D.estimateSharedBytes(g)
                + Math.max(t * perWorker, SteadySolver3D.estimateSetupTransientBytes(g));
        long cube = fullCube ? FitsCubeWriter.cube3DBytes(g, c.momenta()) : 0;
        // the sky is made once every bin is held (a whole run or a merge), after the solvers are gone
        long sky = c.sky().enabled() && binsHeld == c.momenta().count() ? SkyMaps.fieldBytes3D(g, c.sky()) : 0;
        long total = density + problem + Math.max(solver, sky) + cube;
        return new MemoryEstimate(total, String.format(Locale.ROOT, "%s 3D grid %d×%d×%d, %d momenta held: %s of"
                        + " densities, %s of solver (a hierarchy shared by %d worker%s)%s%s", c.name(), g.nX(), g.nY(),
                g.nZ(), binsHeld, gb(density), gb(solver), t, t == 1 ? "" : "s",
                fullCube ? ", plus the float32 cube " + gb(cube) : "",
                sky > 0 ? ", or after the solve " + gb(sky) + " of sky emissivity" : ""));
    }

    /**
     * Refuses (exit 2) when the estimate exceeds the JVM's maximum heap, naming the estimate, the heap and the ways
     * out.
     */
    public void requireFitsHeap() {
        requireFitsHeap("a coarser grid (grid.n_r / grid.n_z or dr_kpc / dz_kpc), fewer threads (--threads 1: one"
                + " factor at a time), solver.steady.method = \"mg-gmres\" (memory grows like the grid)");
    }

    /** {@link #requireFitsHeap()} for a 3D model, with its own ways out. */
    public void requireFitsHeap3d() {
        requireFitsHeap("a coarser grid ([grid] dx_kpc / dz_kpc), fewer threads (--threads 1: one bin at a time),"
                + " the bins split across machines (run --bins i/n, then merge: each part holds its own bins)");
    }

    private void requireFitsHeap(String waysOut) {
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes <= heap) {
            return;
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "this model needs about %s of memory (%s), more than the Java heap of %s; nothing was run. Ways out:"
                    + " %s, or a larger heap, e.g. ANISOCR_JAVA_OPTS=-Xmx%dg if the machine has that much memory",
                gb(bytes),
                account,
                gb(heap),
                waysOut,
                (long) Math.ceil(bytes * 1.25 / (1L << 30))));
    }

    /** "needs about 1.5 GB of the 8.0 GB Java heap (…account…)". */
    public String describe() {
        return "needs about " + gb(bytes) + " of the " + gb(Runtime.getRuntime().maxMemory()) + " Java heap (" + account
                + ")";
    }

    static String gb(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
