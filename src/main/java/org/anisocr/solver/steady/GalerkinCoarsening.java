package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;

/**
 * The coarse operator of a multigrid level as the Galerkin product L_c = Pᵀ L P, with P the bilinear
 * prolongation of {@link GridTransfer}. For a 9-point L and a tensor-product P the product is again a 9-point
 * stencil on the coarse grid, so every level is a {@link NinePointMatrix} and the solve phase needs a single
 * stencil kernel. Galerkin (not a rediscretisation) keeps the mixed-term couplings of the fine operator on every
 * level, whatever the field direction, and works for any 9-point scheme (paper's or symmetric) without knowing it.
 *
 * <p>Since P = P_z P_R (tensor product), Pᵀ L P = P_zᵀ (P_Rᵀ L P_R) P_z: two one-directional passes, each a
 * 9-point → 9-point product (3 fine rows × 9 couplings × ≤ 2 interpolation weights per coarse node and pass).
 * Setup phase only.
 */
final class GalerkinCoarsening {
    private GalerkinCoarsening() {}

    static NinePointMatrix coarsen(NinePointMatrix fineOp, GridTransfer t) {
        NinePointMatrix l = fineOp;
        if (t.coarsenR) {
            l = halve(l, true);
        }
        if (t.coarsenZ) {
            l = halve(l, false);
        }
        return l;
    }

    /** P₁ᵀ L P₁ for the one-directional bilinear P₁ along R (alongR) or along z. */
    private static NinePointMatrix halve(NinePointMatrix l, boolean alongR) {
        SpatialGrid fg = l.grid();
        int nRf = fg.nR();
        int nZf = fg.nZ();
        SpatialGrid cg = new SpatialGrid(fg.geometry(), fg.rMaxKpc(), fg.halfHeightKpc(),
                alongR ? (nRf - 1) / 2 + 1 : nRf, alongR ? nZf : (nZf - 1) / 2 + 1);
        NinePointMatrix c = new NinePointMatrix(cg);
        double[][] a = new double[9][];
        double[][] ac = new double[9][];
        for (int p = 0; p < 9; p++) {
            a[p] = l.coefficients(p % 3 - 1, p / 3 - 1);
            ac[p] = c.coefficients(p % 3 - 1, p / 3 - 1);
        }
        int nRc = cg.nR();
        for (int jc = 1; jc < cg.nZ() - 1; jc++) {
            for (int ic = 0; ic < nRc - 1; ic++) {
                int ctr = jc * nRc + ic;
                int centre = alongR ? 2 * ic : 2 * jc; // fine position of the coarse node along the halved direction
                int limit = alongR ? nRf - 1 : nZf - 1; // last fine index (Dirichlet, or out of range beyond)
                for (int d = -1; d <= 1; d++) {
                    int pos = centre + d;
                    if (pos < 0 || pos >= limit || (!alongR && pos == 0)) {
                        continue; // outside, or a Dirichlet node
                    }
                    double wr = d == 0 ? 1 : 0.5;
                    int fi = alongR ? pos : ic;
                    int fj = alongR ? jc : pos;
                    int f = fj * nRf + fi;
                    for (int p = 0; p < 9; p++) {
                        double v = a[p][f];
                        if (v == 0) {
                            continue;
                        }
                        int s = p % 3 - 1;
                        int b = p / 3 - 1;
                        int g = alongR ? fi + s : fj + b; // neighbour's fine position along the halved direction
                        int across = alongR ? b : s; // offset across, unchanged
                        if ((g & 1) == 0) {
                            add(ac, ctr, alongR, g / 2 - (alongR ? ic : jc), across, wr * v, cg, ic, jc);
                        } else {
                            int lo = (g - 1) / 2;
                            add(ac, ctr, alongR, lo - (alongR ? ic : jc), across, 0.5 * wr * v, cg, ic, jc);
                            add(ac, ctr, alongR, lo + 1 - (alongR ? ic : jc), across, 0.5 * wr * v, cg, ic, jc);
                        }
                    }
                }
            }
        }
        return c;
    }

    /**
     * Adds v to the coupling of coarse node (ic, jc) to its neighbour at offset (along, across); skips Dirichlet
     * neighbours.
     */
    private static void add(
            double[][] ac, int ctr, boolean alongR, int along, int across, double v, SpatialGrid cg, int ic, int jc) {
        int s = alongR ? along : across;
        int b = alongR ? across : along;
        if (cg.isDirichlet(ic + s, jc + b)) {
            return;
        }
        ac[NinePointMatrix.slot(s, b)][ctr] += v;
    }
}
