package org.anisocr.solver.steady3d;

/**
 * How far a 3D steady solve goes, and how it gets there.
 *
 * @param tolerance     relative residual ‖S + L N‖ / ‖S‖ to reach (1e-10 in model files by default)
 * @param maxIterations outer iterations per bin before the bin is reported unconverged
 * @param method        the iteration (multigrid-preconditioned CG by default)
 * @param smoother      the V-cycle's relaxation (unused by plain CG)
 * @param sweeps        relaxation passes before and after each coarse correction, 1–8
 * @param threads       threads within one bin's solve (planes and lines of a level in parallel), 1–1024
 */
public record Steady3DSettings(double tolerance, int maxIterations, Steady3DMethod method, Smoother3D smoother,
                               int sweeps, int threads) {
    /** The smoother measured best on the JF12 field (docs/solvers-3d.md). */
    public static final Smoother3D DEFAULT_SMOOTHER = Smoother3D.LINE_XY;

    public Steady3DSettings {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
        if (method == null || smoother == null) {
            throw new IllegalArgumentException("method and smoother must be given");
        }
        if (sweeps < 1 || sweeps > 8) {
            throw new IllegalArgumentException("sweeps must be in 1–8, got " + sweeps);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in 1–1024, got " + threads);
        }
    }

    /** The given tolerance and iteration cap with the default method, smoother, one sweep and one thread. */
    public Steady3DSettings(double tolerance, int maxIterations) {
        this(tolerance, maxIterations, Steady3DMethod.MULTIGRID_CG, DEFAULT_SMOOTHER, 1, 1);
    }

    /** Relative residual 1e-10, at most 4000 iterations: the 2D steady solver's defaults. */
    public static Steady3DSettings defaults() {
        return new Steady3DSettings(1e-10, 4000);
    }

    public Steady3DSettings withMethod(Steady3DMethod m) {
        return new Steady3DSettings(tolerance, maxIterations, m, smoother, sweeps, threads);
    }

    public Steady3DSettings withSmoother(Smoother3D s) {
        return new Steady3DSettings(tolerance, maxIterations, method, s, sweeps, threads);
    }

    public Steady3DSettings withSweeps(int n) {
        return new Steady3DSettings(tolerance, maxIterations, method, smoother, n, threads);
    }

    public Steady3DSettings withThreads(int n) {
        return new Steady3DSettings(tolerance, maxIterations, method, smoother, sweeps, n);
    }
}
