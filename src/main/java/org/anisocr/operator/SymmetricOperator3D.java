package org.anisocr.operator;

import org.anisocr.field.FieldVector3;
import org.anisocr.field.MagneticField3D;
import org.anisocr.grid.CartesianGrid3D;

import java.util.Arrays;

/**
 * Conservative symmetric discretisation of ∇·(D·∇N), D_ij = D⊥ δ_ij + (D∥ − D⊥) b_i b_j, on a
 * {@link CartesianGrid3D}: the 3D form of Günter et al. 2005 (J. Comput. Phys. 208, 354), matrix-free.
 *
 * <p><b>Derivation.</b> The cells of the node lattice (eight nodes each) are the dual nodes of the scheme. On each
 * cell c take the twelve edge differences e (four per axis) and the cell-centre gradient ḡ (each component the mean of
 * its four edges: the gradient from the eight surrounding nodes), the tensor D_c at the cell centre, and the energy
 * <pre>
 *   E = ½ Σ_c V [ Σ_a D_aa ⟨e_a²⟩ + Σ_{a≠b} D_ab ḡ_a ḡ_b ],     V = Δx Δy Δz,  ⟨·⟩ = mean over the four a-edges.
 * </pre>
 * The operator is L N = −(1/V) ∂E/∂N at interior nodes: on each a-edge of a cell the flux
 * F = ¼ (D_aa e + Σ_{b≠a} D_ab ḡ_b) — D·∇N at the cell centre, its diagonal part on the edge; particles flow down
 * it — is gained by the edge's lower node and lost by its upper one, divided by Δ_a: the transpose of the gradient,
 * so the divergence is taken back to the nodes. Hence:
 * <ul>
 *   <li><b>symmetric, negative semi-definite</b>: V·L = −Hessian of E, and E ≥ ½ V ḡᵀ D ḡ ≥ 0 per cell because
 *       ⟨e_a²⟩ ≥ ḡ_a²;</li>
 *   <li><b>conservative</b>: every flux leaves one node and enters a neighbour, so Σ V (L N) over the interior
 *       telescopes to the flux into the Dirichlet nodes; a constant N has no flux;</li>
 *   <li><b>second order</b> for smooth b: the stencil is centred on every node, and ḡ, e and D_c are second-order
 *       approximations at the cell centre and edge midpoints;</li>
 *   <li><b>exact on linear N</b> where D is uniform: every edge difference and ḡ equal the gradient, and the fluxes
 *       of neighbouring cells cancel.</li>
 * </ul>
 * One deliberate departure from Günter's pure cell-centre flux, as in the 2D {@link SymmetricOperator}: the diagonal
 * terms use the edge differences rather than ḡ_a², because ḡ is blind to the chequerboard modes (in 3D to a whole
 * family, (−1)^(j+k) f(i) among them), which would then cost no energy and leave the operator without control of
 * grid-scale oscillations. A consequence worth knowing: for isotropic D (D∥ = D⊥ or |B| = 0) the scheme is exactly
 * the 7-point Laplacian, each lattice edge being shared by four cells with weight ¼.
 *
 * <p>b b is evaluated once per cell at the cell centre from the field (|B| = 0 gives b b = 0, isotropic D⊥ there);
 * D∥ and D⊥ are constants per momentum bin and are passed to {@link #apply}, so one operator serves every bin.
 */
public final class SymmetricOperator3D {
    /** Components of b b per cell, interleaved: xx, yy, zz, xy, xz, yz. */
    private static final int COMPONENTS = 6;
    private final CartesianGrid3D grid;
    private final double[] cellDirections;
    private final boolean[] dirichlet;
    /**
     * Per row of cells (fixed j, k), the first cell and one past the last that touch a free node; the others only
     * move flux between Dirichlet nodes, whose result is discarded (outside the cylinder, about a fifth of the box).
     */
    private final int[] rowStart;
    private final int[] rowEnd;
    /** Node-index strides in y and z (x is 1). */
    private final int strideY;
    private final int strideZ;
    private final double invDx;
    private final double invDy;
    private final double invDz;

    public SymmetricOperator3D(CartesianGrid3D grid, MagneticField3D field) {
        this.grid = grid;
        this.strideY = grid.nX();
        this.strideZ = grid.nX() * grid.nY();
        this.invDx = 1 / grid.dxKpc();
        this.invDy = 1 / grid.dyKpc();
        this.invDz = 1 / grid.dzKpc();
        this.cellDirections = cellDirections(grid, field);
        this.dirichlet = dirichletMask(grid);
        int rows = (grid.nY() - 1) * (grid.nZ() - 1);
        this.rowStart = new int[rows];
        this.rowEnd = new int[rows];
        findActiveCells();
    }

    public CartesianGrid3D grid() { return grid; }

    private static int cellCount(CartesianGrid3D g) { return (g.nX() - 1) * (g.nY() - 1) * (g.nZ() - 1); }

    /** b b at every cell centre, from the field direction there (zero where |B| = 0). */
    private static double[] cellDirections(CartesianGrid3D g, MagneticField3D field) {
        double[] bb = new double[COMPONENTS * cellCount(g)];
        int c = 0;
        for (int k = 0; k < g.nZ() - 1; k++) {
            double z = 0.5 * (g.zKpc(k) + g.zKpc(k + 1));
            for (int j = 0; j < g.nY() - 1; j++) {
                double y = 0.5 * (g.yKpc(j) + g.yKpc(j + 1));
                for (int i = 0; i < g.nX() - 1; i++) {
                    double x = 0.5 * (g.xKpc(i) + g.xKpc(i + 1));
                    storeDirection(field.at(x, y, z), bb, COMPONENTS * c);
                    c++;
                }
            }
        }
        return bb;
    }

    private static void storeDirection(FieldVector3 b, double[] bb, int at) {
        double magnitude = b.magnitude();
        if (!(magnitude > 0)) {
            return; // no field: D = D⊥ I, isotropic
        }
        double bx = b.bX() / magnitude;
        double by = b.bY() / magnitude;
        double bz = b.bZ() / magnitude;
        bb[at] = bx * bx;
        bb[at + 1] = by * by;
        bb[at + 2] = bz * bz;
        bb[at + 3] = bx * by;
        bb[at + 4] = bx * bz;
        bb[at + 5] = by * bz;
    }

    private static boolean[] dirichletMask(CartesianGrid3D g) {
        boolean[] mask = new boolean[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    mask[g.index(i, j, k)] = g.isDirichlet(i, j, k);
                }
            }
        }
        return mask;
    }

    private void findActiveCells() {
        int cellsPerRow = grid.nX() - 1;
        for (int k = 0; k < grid.nZ() - 1; k++) {
            for (int j = 0; j < grid.nY() - 1; j++) {
                int row = k * (grid.nY() - 1) + j;
                int base = grid.index(0, j, k);
                int first = cellsPerRow;
                int last = 0;
                for (int i = 0; i < cellsPerRow; i++) {
                    if (touchesFreeNode(base + i)) {
                        first = Math.min(first, i);
                        last = i + 1;
                    }
                }
                rowStart[row] = first;
                rowEnd[row] = last;
            }
        }
    }

    private boolean touchesFreeNode(int p) {
        for (int corner = 0; corner < 8; corner++) {
            int q = p + (corner & 1) + ((corner >> 1) & 1) * strideY + (corner >> 2) * strideZ;
            if (!dirichlet[q]) {
                return true;
            }
        }
        return false;
    }

    /**
     * out = L n for the bin with diffusion coefficients D∥ and D⊥ (kpc²/Myr gives out in Myr⁻¹ per unit of n): the
     * discrete ∇·(D·∇n) at interior nodes, 0 at Dirichlet nodes. n is read at every node, Dirichlet ones included.
     */
    public void apply(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr, double[] n, double[] out) {
        requireNodes(n, out);
        accumulateFluxes(dParallelKpc2PerMyr, dPerpKpc2PerMyr, n, out);
        for (int p = 0; p < out.length; p++) {
            if (dirichlet[p]) {
                out[p] = 0.0;
            }
        }
    }

    /**
     * L for the bin (D∥, D⊥) as 27 coefficients per node, {@code c[s·n + p]} with s = (o_x + 1) + 3(o_y + 1) +
     * 9(o_z + 1) the neighbour at offset (o_x, o_y, o_z) (13: the node itself): what an assembled solver or an
     * external one (a matrix export) needs. Rows and columns of Dirichlet nodes are zero. Read off {@link #apply}
     * itself by probing, so it is that operator to rounding: the free nodes are split into 27 classes by
     * (i mod 3, j mod 3, k mod 3), and L applied to the indicator of one class gives at every node its coefficient
     * to the one neighbour in that class. L is linear in (D⊥, D∥ − D⊥), so (1, 1) and (1, 0) give the isotropic
     * and the b b parts of every bin.
     */
    public double[] stencil27(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr) {
        int n = grid.size();
        double[] c = new double[27 * n];
        stencil27(dParallelKpc2PerMyr, dPerpKpc2PerMyr, (entry, node, value) -> c[entry * n + node] = value);
        return c;
    }

    /** Receives the coefficients of {@link #stencil27}: L(node, neighbour at entry) = value. */
    @FunctionalInterface
    public interface StencilSink {
        void put(int entry, int node, double value);
    }

    /**
     * {@link #stencil27} handed to {@code sink} coefficient by coefficient (each free node's 27 entries once), so
     * that a caller can keep them in its own form without a 27-double-a-node array.
     */
    public void stencil27(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr, StencilSink sink) {
        int n = grid.size();
        double[] indicator = new double[n];
        double[] column = new double[n];
        for (int cls = 0; cls < 27; cls++) {
            int ri = cls % 3;
            int rj = (cls / 3) % 3;
            int rk = cls / 9;
            for (int k = 0; k < grid.nZ(); k++) {
                for (int j = 0; j < grid.nY(); j++) {
                    for (int i = 0; i < grid.nX(); i++) {
                        int p = grid.index(i, j, k);
                        indicator[p] = i % 3 == ri && j % 3 == rj && k % 3 == rk && !dirichlet[p] ? 1 : 0;
                    }
                }
            }
            apply(dParallelKpc2PerMyr, dPerpKpc2PerMyr, indicator, column);
            scatterProbe(column, ri, rj, rk, sink);
        }
    }

    /** Column values of one probe class into the stencil entries they are (class neighbour of each free node). */
    private void scatterProbe(double[] column, int ri, int rj, int rk, StencilSink sink) {
        for (int k = 1; k < grid.nZ() - 1; k++) {
            int oz = Math.floorMod(rk - k + 1, 3) - 1;
            for (int j = 1; j < grid.nY() - 1; j++) {
                int oy = Math.floorMod(rj - j + 1, 3) - 1;
                for (int i = 1; i < grid.nX() - 1; i++) {
                    int ox = Math.floorMod(ri - i + 1, 3) - 1;
                    int p = grid.index(i, j, k);
                    if (!dirichlet[p]) {
                        sink.put((ox + 1) + 3 * (oy + 1) + 9 * (oz + 1), p, column[p]);
                    }
                }
            }
        }
    }

    /**
     * Particles leaving through the boundary per unit time for the state n (n·kpc³/Myr with D in kpc²/Myr): the net
     * discrete flux into the Dirichlet nodes, V Σ_b (L n)_b before those rows are cleared. Because every flux leaves
     * one node and enters another, it equals −V Σ (L n) over the free nodes: in a steady state, the injection.
     */
    public double boundaryOutflux(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr, double[] n) {
        double[] raw = new double[grid.size()];
        requireNodes(n, raw);
        accumulateFluxes(dParallelKpc2PerMyr, dPerpKpc2PerMyr, n, raw);
        double sum = 0;
        for (int p = 0; p < raw.length; p++) {
            if (dirichlet[p]) {
                sum += raw[p];
            }
        }
        return sum * grid.dxKpc() * grid.dyKpc() * grid.dzKpc();
    }

    private void requireNodes(double[] n, double[] out) {
        if (n.length != grid.size() || out.length != grid.size()) {
            throw new IllegalArgumentException(
                    "state and result need " + grid.size() + " nodes, got " + n.length + " and " + out.length);
        }
    }

    /** L n at every node, Dirichlet rows not yet cleared (the cells that touch only Dirichlet nodes left out). */
    private void accumulateFluxes(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr, double[] n, double[] out) {
        Arrays.fill(out, 0.0);
        double dAni = dParallelKpc2PerMyr - dPerpKpc2PerMyr;
        int cellsPerRow = grid.nX() - 1;
        for (int k = 0; k < grid.nZ() - 1; k++) {
            for (int j = 0; j < grid.nY() - 1; j++) {
                int row = k * (grid.nY() - 1) + j;
                int base = grid.index(0, j, k);
                for (int i = rowStart[row]; i < rowEnd[row]; i++) {
                    addCellFluxes(base + i, COMPONENTS * (row * cellsPerRow + i), dAni, dPerpKpc2PerMyr, n, out);
                }
            }
        }
    }

    /**
     * The fluxes of one cell (lowest node p, b b at bb[at..at+5]) added to out: on each edge ¼ (D_aa e + Σ D_ab ḡ_b)
     * over Δ_a, gained by the edge's lower node and lost by its upper one (the derivation in the class comment).
     */
    private void addCellFluxes(int p, int at, double dAni, double dPerp, double[] n, double[] out) {
        int py = p + strideY;
        int pz = p + strideZ;
        int pyz = py + strideZ;
        double v000 = n[p];
        double v100 = n[p + 1];
        double v010 = n[py];
        double v110 = n[py + 1];
        double v001 = n[pz];
        double v101 = n[pz + 1];
        double v011 = n[pyz];
        double v111 = n[pyz + 1];
        // edge differences, named by the lower node of the edge
        double ex000 = (v100 - v000) * invDx;
        double ex010 = (v110 - v010) * invDx;
        double ex001 = (v101 - v001) * invDx;
        double ex011 = (v111 - v011) * invDx;
        double ey000 = (v010 - v000) * invDy;
        double ey100 = (v110 - v100) * invDy;
        double ey001 = (v011 - v001) * invDy;
        double ey101 = (v111 - v101) * invDy;
        double ez000 = (v001 - v000) * invDz;
        double ez100 = (v101 - v100) * invDz;
        double ez010 = (v011 - v010) * invDz;
        double ez110 = (v111 - v110) * invDz;
        // cell-centre gradient from the eight nodes
        double gx = 0.25 * (ex000 + ex010 + ex001 + ex011);
        double gy = 0.25 * (ey000 + ey100 + ey001 + ey101);
        double gz = 0.25 * (ez000 + ez100 + ez010 + ez110);
        double[] bb = cellDirections;
        double dxx = dPerp + dAni * bb[at];
        double dyy = dPerp + dAni * bb[at + 1];
        double dzz = dPerp + dAni * bb[at + 2];
        double dxy = dAni * bb[at + 3];
        double dxz = dAni * bb[at + 4];
        double dyz = dAni * bb[at + 5];
        double crossX = dxy * gy + dxz * gz;
        double crossY = dxy * gx + dyz * gz;
        double crossZ = dxz * gx + dyz * gy;
        double wx = 0.25 * invDx;
        double wy = 0.25 * invDy;
        double wz = 0.25 * invDz;
        edge(out, p, p + 1, wx * (dxx * ex000 + crossX));
        edge(out, py, py + 1, wx * (dxx * ex010 + crossX));
        edge(out, pz, pz + 1, wx * (dxx * ex001 + crossX));
        edge(out, pyz, pyz + 1, wx * (dxx * ex011 + crossX));
        edge(out, p, py, wy * (dyy * ey000 + crossY));
        edge(out, p + 1, py + 1, wy * (dyy * ey100 + crossY));
        edge(out, pz, pyz, wy * (dyy * ey001 + crossY));
        edge(out, pz + 1, pyz + 1, wy * (dyy * ey101 + crossY));
        edge(out, p, pz, wz * (dzz * ez000 + crossZ));
        edge(out, p + 1, pz + 1, wz * (dzz * ez100 + crossZ));
        edge(out, py, pyz, wz * (dzz * ez010 + crossZ));
        edge(out, py + 1, pyz + 1, wz * (dzz * ez110 + crossZ));
    }

    /** D·∇N along an edge: particles flow down the gradient, so its lower node gains it and its upper node loses it. */
    private static void edge(double[] out, int lower, int upper, double flux) {
        out[lower] += flux;
        out[upper] -= flux;
    }
}
