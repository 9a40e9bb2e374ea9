package org.anisocr.solver.steady3d;

/**
 * How far a 3D steady solve goes.
 *
 * @param tolerance     relative residual ‖S + L N‖ / ‖S‖ to reach (1e-10 in model files by default)
 * @param maxIterations outer iterations per bin before the bin is reported unconverged
 */
public record Steady3DSettings(double tolerance, int maxIterations) {
    public Steady3DSettings {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
    }

    /** Relative residual 1e-10, at most 4000 iterations: the 2D steady solver's defaults. */
    public static Steady3DSettings defaults() {
        return new Steady3DSettings(1e-10, 4000);
    }
}
