package org.anisocr.operator;

import org.anisocr.grid.SpatialGrid;

/**
 * A steady problem L_k N_k + S_k = 0 per momentum bin k, as the steady solvers see it. The solvers only ask
 * for the 9-point matrix of a bin ({@link NinePointMatrix}) and the source, so the paper's scheme and the
 * symmetric scheme share every line of solver numerics.
 *
 * <p>Separability (docs/physics.md §1): L_k = D⊥(p_k)·A + (D∥ − D⊥)(p_k)·B with A, B fixed per grid. Two bins therefore
 * differ only through the ratio {@link #anisotropyRatio}: a factorisation of one bin is an excellent
 * preconditioner for its neighbours.
 */
public interface SteadyOperator {

    SpatialGrid grid();

    int bins();

    /** The 9-point matrix of L for bin k (a fresh object; callers may keep it). */
    NinePointMatrix matrix(int k);

    /** S at every node for bin k; shared, do not modify. */
    double[] source(int k);

    /** (D∥ − D⊥)/D⊥ at bin k: the only thing that distinguishes the bins' operators up to a scale. */
    double anisotropyRatio(int k);

    /**
     * The wind and the energy losses of the problem (their spatial part is already in {@link #matrix}; the inflow
     * from bin k + 1 is the solver's to add to the source), or null when the bins are independent.
     */
    default MomentumTransport transport() { return null; }

    /** Scheme name as in the config ("paper", "symmetric", …). */
    String scheme();
}
