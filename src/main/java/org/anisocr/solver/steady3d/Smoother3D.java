package org.anisocr.solver.steady3d;

import java.util.Locale;

/**
 * The relaxation of the 3D multigrid V-cycle. Each is a multicolour Gauss–Seidel: the nodes (or lines) of one
 * colour do not touch each other, so a colour is one parallel step, as on a GPU. The V-cycle relaxes with the
 * sequence below before the coarse correction and with its adjoint (the same sweeps, colours and directions in
 * reverse) after it, so the preconditioner is symmetric and conjugate gradients applies.
 */
public enum Smoother3D {
    /** Point Gauss–Seidel in the eight colours of (i, j, k) parity. */
    POINT,
    /** Line Gauss–Seidel along x, then along y (four colours of lines each): for in-plane anisotropy. */
    LINE_XY,
    /** Line Gauss–Seidel along x, y, then z. */
    LINE_XYZ;

    /** The file spelling: the lower-case name with '-'. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The line directions of one pass (axis 0 x, 1 y, 2 z), or none for the point relaxation. */
    int[] lineAxes() {
        return switch (this) {
            case POINT -> new int[0];
            case LINE_XY -> new int[] {0, 1};
            case LINE_XYZ -> new int[] {0, 1, 2};
        };
    }
}
