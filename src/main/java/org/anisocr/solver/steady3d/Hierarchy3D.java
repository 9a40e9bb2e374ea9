package org.anisocr.solver.steady3d;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;

import java.util.ArrayList;
import java.util.List;

/**
 * The multigrid hierarchy of one model, built once for every momentum bin. The scheme is linear in the two
 * scalars of a bin, −L = D⊥ A_iso + (D∥ − D⊥) A_bb (A_iso the isotropic part, A_bb the b b part), and so is a
 * Galerkin coarse operator Pᵀ(−L)P; so both parts are coarsened once, and a bin's operator on every level is their
 * combination ({@link #combine}), with no coarsening per bin.
 *
 * <p>Coarsening halves every axis that has an even number of intervals and at least 5 nodes, and keeps the others
 * (semi-coarsening: an 81 × 81 × 17 grid goes 41 × 41 × 9, 21 × 21 × 5, 11 × 11 × 3, then 6 × 6 × 3), until no axis
 * can be halved or the level has at most {@link #COARSEST_NODES} nodes; the last level is solved exactly.
 * A coarse node is held at zero on the box faces and where its basis function covers no free fine node.
 */
final class Hierarchy3D {
    /** Stop coarsening at this many nodes: the banded Cholesky solve of the last level is then cheap. */
    static final int COARSEST_NODES = 600;
    final LevelShape[] shapes;
    /** coarsened[l][axis]: whether the axis is halved from level l to l + 1. */
    final boolean[][] coarsened;
    final LevelMatrix[] isotropic;
    final LevelMatrix[] directional;

    private Hierarchy3D(LevelShape[] shapes, boolean[][] coarsened, LevelMatrix[] isotropic,
                        LevelMatrix[] directional) {
        this.shapes = shapes;
        this.coarsened = coarsened;
        this.isotropic = isotropic;
        this.directional = directional;
    }

    int levels() {
        return shapes.length;
    }

    /**
     * Builds both parts on every level. The isotropic part goes first and decides the levels and their fixed
     * nodes; each part is coarsened in double and kept rounded ({@link LevelMatrix}), one part at a time, so the
     * double copies of only one part exist at once.
     */
    static Hierarchy3D build(SymmetricOperator3D operator, PlaneLoops loops) {
        CartesianGrid3D grid = operator.grid();
        LevelShape fine = new LevelShape(grid.nX(), grid.nY(), grid.nZ(), fixedNodes(grid));
        List<LevelShape> shapes = new ArrayList<>();
        List<boolean[]> coarsened = new ArrayList<>();
        List<LevelMatrix> iso = new ArrayList<>();
        shapes.add(fine);
        // −L for (D∥, D⊥) = (1, 1) is the isotropic part, for (1, 0) the b b part; the fine level is kept rounded
        // from the start and coarsened from that form (no 27-double-a-node copy of it ever exists)
        LevelMatrix fineIso = probeRounded(operator, fine, 1, 1);
        iso.add(fineIso);
        double[] a = null;
        while (true) {
            LevelShape g = shapes.get(shapes.size() - 1);
            boolean[] halve = {Galerkin.canCoarsen(g.nX), Galerkin.canCoarsen(g.nY), Galerkin.canCoarsen(g.nZ)};
            if (g.size <= COARSEST_NODES || !(halve[0] || halve[1] || halve[2])) {
                break;
            }
            LevelShape at = coarsenDimensions(g, halve);
            double[] next = a == null ? coarsen(g, fineIso, halve, loops) : coarsen(g, a, halve, loops);
            LevelShape coarse = new LevelShape(at.nX, at.nY, at.nZ, coarseFixed(at, next));
            Galerkin.clearFixed(coarse, next);
            shapes.add(coarse);
            coarsened.add(halve);
            iso.add(LevelMatrix.round(coarse, next, false));
            a = next;
        }
        LevelMatrix[] bb = new LevelMatrix[shapes.size()];
        bb[0] = probeRounded(operator, fine, 1, 0);
        for (int l = 1; l < shapes.size(); l++) {
            a = l == 1 ? coarsen(fine, bb[0], coarsened.get(0), loops)
                    : coarsen(shapes.get(l - 1), a, coarsened.get(l - 1), loops);
            Galerkin.clearFixed(shapes.get(l), a);
            bb[l] = LevelMatrix.round(shapes.get(l), a, false);
        }
        return new Hierarchy3D(shapes.toArray(new LevelShape[0]), coarsened.toArray(new boolean[0][]),
                iso.toArray(new LevelMatrix[0]), bb);
    }

    /** The lattice with the given axes halved (no fixed nodes yet). */
    private static LevelShape coarsenDimensions(LevelShape g, boolean[] halve) {
        return new LevelShape(halve[0] ? Galerkin.coarseLength(g.nX) : g.nX,
                halve[1] ? Galerkin.coarseLength(g.nY) : g.nY, halve[2] ? Galerkin.coarseLength(g.nZ) : g.nZ, null);
    }

    /** Pᵀ A P with the given axes halved, one axis at a time. */
    static double[] coarsen(LevelShape g, double[] a, boolean[] halve, PlaneLoops loops) {
        int n = g.size;
        return coarsen(g, (s, p) -> a[s * n + p], halve, loops);
    }

    /** The same from a rounded operator (its off-diagonals and diagonal as stored). */
    static double[] coarsen(LevelShape g, LevelMatrix a, boolean[] halve, PlaneLoops loops) {
        int n = g.size;
        return coarsen(g, (s, p) -> s == LevelShape.CENTRE ? a.diag[p] : a.off[s * n + p], halve, loops);
    }

    private static double[] coarsen(LevelShape g, Galerkin.Entries a, boolean[] halve, PlaneLoops loops) {
        double[] next = null;
        LevelShape at = g;
        for (int axis = 0; axis < 3; axis++) {
            if (!halve[axis]) {
                continue;
            }
            boolean[] one = new boolean[3];
            one[axis] = true;
            LevelShape to = coarsenDimensions(at, one);
            next = next == null ? Galerkin.coarsenAxis(at, a, axis, to, loops)
                    : Galerkin.coarsenAxis(at, next, axis, to, loops);
            at = to;
        }
        return next;
    }

    private static boolean[] fixedNodes(CartesianGrid3D grid) {
        boolean[] fixed = new boolean[grid.size()];
        for (int k = 0; k < grid.nZ(); k++) {
            for (int j = 0; j < grid.nY(); j++) {
                for (int i = 0; i < grid.nX(); i++) {
                    fixed[grid.index(i, j, k)] = grid.isDirichlet(i, j, k);
                }
            }
        }
        return fixed;
    }

    /** Box faces, and nodes with no coupling left (their basis function covers only fixed fine nodes). */
    private static boolean[] coarseFixed(LevelShape g, double[] isotropic) {
        boolean[] fixed = new boolean[g.size];
        int centre = LevelShape.CENTRE * g.size;
        for (int k = 0; k < g.nZ; k++) {
            for (int j = 0; j < g.nY; j++) {
                for (int i = 0; i < g.nX; i++) {
                    int p = g.index(i, j, k);
                    boolean face = i == 0 || j == 0 || k == 0 || i == g.nX - 1 || j == g.nY - 1 || k == g.nZ - 1;
                    fixed[p] = face || !(isotropic[centre + p] > 0);
                }
            }
        }
        return fixed;
    }

    /**
     * The fine operator −L for (D∥, D⊥) kept rounded as it is read off the scheme ({@link LevelMatrix}: float
     * off-diagonals, the diagonal carrying their rounding so that row sums stay those of the double operator).
     */
    static LevelMatrix probeRounded(SymmetricOperator3D operator, LevelShape g, double dPar, double dPerp) {
        int n = g.size;
        float[] off = new float[LevelShape.ENTRIES * n];
        double[] diag = new double[n];
        operator.stencil27(dPar, dPerp, (s, p, value) -> {
            double v = -value; // −L: the solver works with the positive definite operator
            if (s == LevelShape.CENTRE) {
                diag[p] += v;
            } else {
                float rounded = (float) v;
                off[s * n + p] = rounded;
                diag[p] += v - rounded;
            }
        });
        return new LevelMatrix(off, diag);
    }

    /** The fine operator −L for (D∥, D⊥) as 27-point coefficients (fixed rows and columns zero). */
    static double[] probe(SymmetricOperator3D operator, LevelShape g, double dPar, double dPerp) {
        double[] a = operator.stencil27(dPar, dPerp);
        for (int m = 0; m < a.length; m++) {
            // −L: the solver works with the positive definite operator
            a[m] = -a[m];
        }
        return a;
    }

    /**
     * A bin's operator on every level: D⊥ A_iso + (D∥ − D⊥) A_bb, the off-diagonals rounded once more and the
     * diagonal corrected so that every row keeps the sum of the combination in double (see {@link LevelMatrix}),
     * with identity rows at the fixed nodes (so that a relaxation leaves them at zero).
     */
    LevelMatrix[] combine(double dPerp, double dAni, PlaneLoops loops) {
        LevelMatrix[] out = new LevelMatrix[shapes.length];
        for (int l = 0; l < shapes.length; l++) {
            LevelShape g = shapes[l];
            float[] iso = isotropic[l].off;
            float[] bb = directional[l].off;
            double[] isoDiag = isotropic[l].diag;
            double[] bbDiag = directional[l].diag;
            float[] off = new float[iso.length];
            double[] diag = new double[g.size];
            int n = g.size;
            loops.forEach(0, g.nZ, 1, k -> {
                int from = k * g.strideZ;
                int to = from + g.strideZ;
                for (int p = from; p < to; p++) {
                    diag[p] = dPerp * isoDiag[p] + dAni * bbDiag[p];
                }
                for (int s = 0; s < LevelShape.ENTRIES; s++) {
                    if (s == LevelShape.CENTRE) {
                        continue;
                    }
                    for (int p = from; p < to; p++) {
                        double v = dPerp * iso[s * n + p] + dAni * bb[s * n + p];
                        float rounded = (float) v;
                        off[s * n + p] = rounded;
                        diag[p] += v - rounded;
                    }
                }
                for (int p = from; p < to; p++) {
                    if (g.fixed[p]) {
                        diag[p] = 1;
                    }
                }
            });
            out[l] = new LevelMatrix(off, diag);
        }
        return out;
    }

    /** The coarsest level's nodes per axis for a grid, without building the hierarchy. */
    static long[] coarsestShape(CartesianGrid3D grid) {
        int nx = grid.nX();
        int ny = grid.nY();
        int nz = grid.nZ();
        while ((long) nx * ny * nz > COARSEST_NODES
                && (Galerkin.canCoarsen(nx) || Galerkin.canCoarsen(ny) || Galerkin.canCoarsen(nz))) {
            nx = Galerkin.canCoarsen(nx) ? Galerkin.coarseLength(nx) : nx;
            ny = Galerkin.canCoarsen(ny) ? Galerkin.coarseLength(ny) : ny;
            nz = Galerkin.canCoarsen(nz) ? Galerkin.coarseLength(nz) : nz;
        }
        return new long[] {nx, ny, nz};
    }

    /** Bytes of one operator's coefficients (every level; float off-diagonals, double diagonal), unbuilt. */
    static long bytes(CartesianGrid3D grid) {
        long nodes = 0;
        int nx = grid.nX();
        int ny = grid.nY();
        int nz = grid.nZ();
        while (true) {
            nodes += (long) nx * ny * nz;
            boolean any = Galerkin.canCoarsen(nx) || Galerkin.canCoarsen(ny) || Galerkin.canCoarsen(nz);
            if ((long) nx * ny * nz <= COARSEST_NODES || !any) {
                break;
            }
            nx = Galerkin.canCoarsen(nx) ? Galerkin.coarseLength(nx) : nx;
            ny = Galerkin.canCoarsen(ny) ? Galerkin.coarseLength(ny) : ny;
            nz = Galerkin.canCoarsen(nz) ? Galerkin.coarseLength(nz) : nz;
        }
        return nodes * (LevelShape.ENTRIES * Float.BYTES + Double.BYTES);
    }
}
