package org.anisocr.operator;

/**
 * The seven coefficients of the paper's discrete operator at one node (docs/physics.md §3):
 * <pre>
 *   (L N)_ij = R_LOWER N_{i−1,j} − R_CENTRE N_ij + R_UPPER N_{i+1,j}
 *            + Z_LOWER N_{i,j−1} − Z_CENTRE N_ij + Z_UPPER N_{i,j+1}
 *            + MIXED (N_{i+1,j+1} − N_{i+1,j−1} − N_{i−1,j+1} + N_{i−1,j−1})
 * </pre>
 * The ordinal is the row of the coefficient tables shared with the CUDA kernels; do not reorder.
 */
public enum Stencil {
    R_LOWER, R_CENTRE, R_UPPER, Z_LOWER, Z_CENTRE, Z_UPPER, MIXED;

    public static final int COUNT = values().length;
}
