package org.anisocr.operator;

import org.anisocr.grid.SpatialGrid;

/** The source term S(R, z, p) of eq. (1), and optionally an initial density (a pulse at t = 0). */
public interface Source {

    /**
     * Injection rate at every node for momentum p (units of N per Myr); zero on Dirichlet nodes.
     * dPerp and dAni are D⊥(p) and D∥(p) − D⊥(p), for sources built from the tensor (manufactured solutions).
     */
    double[] rate(FieldDirection direction, double pGeV, double dPerp, double dAni);

    /** N(t = 0); all zeros unless the source is a pulse. */
    default double[] initialDensity(SpatialGrid grid, double pGeV) { return new double[grid.size()]; }

    String name();

    /** Zeroes the Dirichlet nodes, which the scheme holds at N = 0. */
    static double[] clearBoundary(SpatialGrid g, double[] s) {
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                if (g.isDirichlet(i, j)) {
                    s[g.index(i, j)] = 0;
                }
            }
        }
        return s;
    }
}
