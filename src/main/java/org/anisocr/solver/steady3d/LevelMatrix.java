package org.anisocr.solver.steady3d;

/**
 * A bin's operator on one level: the 26 off-diagonal entries of each row in single precision ({@code off[s·n + p]},
 * the centre slot unused) and the diagonal in double, set so that every row sums to the row sum of the exact
 * operator. Rounding the off-diagonals then only adds a perturbation with zero row sums, −½ Σ e_pq (x_p − x_q)²
 * in the energy, ~1e-7 of the full gradient energy: far below the D⊥ part even at εD = 0.001, so the smooth
 * near-kernel modes of the strongly anisotropic operator are not disturbed. Halves the bytes every sweep streams.
 */
final class LevelMatrix {
    final float[] off;
    final double[] diag;

    LevelMatrix(float[] off, double[] diag) {
        this.off = off;
        this.diag = diag;
    }

    /**
     * The rounded form of a double 27-point operator a, whose fixed rows are zero; with {@code identityOnFixed}
     * those rows get a unit diagonal (a bin's operator, so that relaxation keeps them at zero).
     */
    static LevelMatrix round(LevelShape g, double[] a, boolean identityOnFixed) {
        int n = g.size;
        float[] off = new float[a.length];
        double[] diag = new double[n];
        for (int s = 0; s < LevelShape.ENTRIES; s++) {
            if (s == LevelShape.CENTRE) {
                continue;
            }
            for (int p = 0; p < n; p++) {
                float v = (float) a[s * n + p];
                off[s * n + p] = v;
                diag[p] += a[s * n + p] - v;
            }
        }
        for (int p = 0; p < n; p++) {
            diag[p] = g.fixed[p] ? (identityOnFixed ? 1 : 0) : diag[p] + a[LevelShape.CENTRE * n + p];
        }
        return new LevelMatrix(off, diag);
    }
}
