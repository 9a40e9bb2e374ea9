package org.anisocr.solver.steady3d;

/**
 * Galerkin coarse operators A_c = Pᵀ A P for the trilinear interpolation P, one axis at a time: P is the tensor
 * product of 1D linear interpolations (coarse node c at fine node 2c; fine node 2c ± 1 gets half of each
 * neighbour), so Pᵀ A P is three 1D products in turn, each keeping a 27-point stencil. Per output node that is
 * 3 × 27 × 2 products, against 27 × 8 × 8 for the triple product taken at once.
 */
final class Galerkin {
    private Galerkin() {}

    /** Whether an axis of {@code n} nodes can be halved: an even number of intervals and a coarse axis of ≥ 3. */
    static boolean canCoarsen(int n) {
        return (n - 1) % 2 == 0 && n >= 5;
    }

    static int coarseLength(int n) {
        return (n - 1) / 2 + 1;
    }

    /**
     * Pᵀ A P along {@code axis} only: the operator of the lattice with that axis halved. A is the fine operator
     * with its fixed rows and columns zero (so P, in effect, never touches a fixed fine node).
     */
    static double[] coarsenAxis(LevelShape fine, double[] a, int axis, LevelShape coarse, PlaneLoops loops) {
        int n = fine.size;
        return coarsenAxis(fine, (s, p) -> a[s * n + p], axis, coarse, loops);
    }

    /** Read access to a fine operator's entry s of node p (a double stencil, or a rounded {@link LevelMatrix}). */
    @FunctionalInterface
    interface Entries {
        double get(int s, int p);
    }

    /** {@link #coarsenAxis(LevelShape, double[], int, LevelShape, PlaneLoops)} from any form of the fine operator. */
    static double[] coarsenAxis(LevelShape fine, Entries a, int axis, LevelShape coarse, PlaneLoops loops) {
        double[] out = new double[LevelShape.ENTRIES * coarse.size];
        int fineStride = fine.stride(axis);
        int fineLength = fine.length(axis);
        loops.forEach(0, coarse.nZ, 1, k -> {
            for (int j = 0; j < coarse.nY; j++) {
                for (int i = 0; i < coarse.nX; i++) {
                    int pc = coarse.index(i, j, k);
                    int c = axis == 0 ? i : axis == 1 ? j : k;
                    int onAxis = fine.index(axis == 0 ? 0 : i, axis == 1 ? 0 : j, axis == 2 ? 0 : k);
                    for (int f = 2 * c - 1; f <= 2 * c + 1; f++) {
                        if (f < 0 || f >= fineLength) {
                            continue;
                        }
                        double wf = f == 2 * c ? 1.0 : 0.5;
                        addFineRow(fine, a, axis, onAxis + f * fineStride, f, c, wf, out, coarse.size, pc);
                    }
                }
            }
        });
        return out;
    }

    /** Adds w_f · A(f, g) · P(g, c') of fine row f (node pf, index f along the axis) to coarse row pc. */
    private static void addFineRow(LevelShape fine, Entries a, int axis, int pf, int f, int c, double wf,
                                   double[] out, int coarseSize, int pc) {
        int fineLength = fine.length(axis);
        for (int s = 0; s < LevelShape.ENTRIES; s++) {
            double v = a.get(s, pf);
            if (v == 0) {
                continue;
            }
            int g = f + LevelShape.offset(s, axis);
            if (g < 0 || g >= fineLength) {
                continue;
            }
            double w = wf * v;
            if (g % 2 == 0) {
                out[LevelShape.withOffset(s, axis, g / 2 - c) * coarseSize + pc] += w;
            } else {
                int below = (g - 1) / 2;
                out[LevelShape.withOffset(s, axis, below - c) * coarseSize + pc] += 0.5 * w;
                out[LevelShape.withOffset(s, axis, below + 1 - c) * coarseSize + pc] += 0.5 * w;
            }
        }
    }

    /** Zeroes the rows and columns of the fixed nodes (faces included) of {@code a} on {@code g}. */
    static void clearFixed(LevelShape g, double[] a) {
        int n = g.size;
        for (int p = 0; p < n; p++) {
            if (g.fixed[p]) {
                for (int s = 0; s < LevelShape.ENTRIES; s++) {
                    a[s * n + p] = 0;
                    int q = p - g.offsets[s];
                    // column p of row q is entry s of row q when q + offset(s) = p
                    if (q >= 0 && q < n) {
                        a[s * n + q] = 0;
                    }
                }
            }
        }
    }
}
