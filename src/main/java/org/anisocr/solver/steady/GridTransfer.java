package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;

import java.util.Arrays;

/**
 * Restriction and prolongation between a fine grid and the next coarser one (multigrid solve phase).
 * Coarsening keeps every second node (vertex-centred): coarse node I sits on fine node 2I, in each direction that
 * is coarsened; a direction that is not coarsened (semi-coarsening) maps node i to node i.
 * <pre>
 *   prolongation P (bilinear): fine node on a coarse node: weight 1; between two coarse nodes: ½ each
 *   restriction  R = Pᵀ:       r_c(I, J) = Σ w(di) w(dj) r_f(2I + di, 2J + dj),  w(0) = 1, w(±1) = ½
 * </pre>
 * R = Pᵀ (not the averaging ¼·Pᵀ) because the coarse operators are Galerkin products Pᵀ A P
 * ({@link GalerkinCoarsening}). Dirichlet nodes carry zero on both grids and are skipped.
 * Layout: node (i, j) at j·NR + i on each grid, as {@link SpatialGrid#index}.
 */
final class GridTransfer {
    final SpatialGrid fine;
    final SpatialGrid coarse;
    final boolean coarsenR;
    final boolean coarsenZ;

    GridTransfer(SpatialGrid fine, boolean coarsenR, boolean coarsenZ) {
        this.fine = fine;
        this.coarsenR = coarsenR;
        this.coarsenZ = coarsenZ;
        int nR = coarsenR ? (fine.nR() - 1) / 2 + 1 : fine.nR();
        int nZ = coarsenZ ? (fine.nZ() - 1) / 2 + 1 : fine.nZ();
        coarse = new SpatialGrid(fine.geometry(), fine.rMaxKpc(), fine.halfHeightKpc(), nR, nZ);
    }

    /** Whether a direction with n nodes can be coarsened by 2 (n − 1 even) and stays above 3 nodes. */
    static boolean coarsenable(int n) { return (n - 1) % 2 == 0 && (n - 1) / 2 + 1 >= 5; }

    /** rc = Pᵀ rf. rf must be zero on Dirichlet nodes. */
    void restrict(double[] rf, double[] rc) {
        int nRf = fine.nR();
        int nZf = fine.nZ();
        int nRc = coarse.nR();
        int nZc = coarse.nZ();
        int sR = coarsenR ? 2 : 1;
        int sZ = coarsenZ ? 2 : 1;
        int hR = coarsenR ? 1 : 0;
        int hZ = coarsenZ ? 1 : 0;
        for (int jc = 0; jc < nZc; jc++) {
            int rowC = jc * nRc;
            if (jc == 0 || jc == nZc - 1) { Arrays.fill(rc, rowC, rowC + nRc, 0); continue; }
            int jf0 = jc * sZ;
            for (int ic = 0; ic < nRc - 1; ic++) {
                int if0 = ic * sR;
                double sum = 0;
                for (int dj = -hZ; dj <= hZ; dj++) {
                    int jf = jf0 + dj;
                    double wz = dj == 0 ? 1 : 0.5;
                    int rowF = jf * nRf;
                    for (int di = -hR; di <= hR; di++) {
                        int iff = if0 + di;
                        if (iff < 0 || iff >= nRf) {
                            continue;
                        }
                        sum += wz * (di == 0 ? 1 : 0.5) * rf[rowF + iff];
                    }
                }
                rc[rowC + ic] = sum;
            }
            rc[rowC + nRc - 1] = 0;
        }
    }

    /** xf += P xc on the fine non-Dirichlet nodes. xc must be zero on Dirichlet nodes. */
    void prolongAdd(double[] xc, double[] xf) {
        int nRf = fine.nR();
        int nZf = fine.nZ();
        int nRc = coarse.nR();
        for (int jf = 1; jf < nZf - 1; jf++) {
            int j0;
            int j1;
            double wz0;
            double wz1;
            if (!coarsenZ) { j0 = jf; j1 = jf; wz0 = 1; wz1 = 0; }
            else if (jf % 2 == 0) { j0 = jf / 2; j1 = j0; wz0 = 1; wz1 = 0; }
            else { j0 = (jf - 1) / 2; j1 = j0 + 1; wz0 = 0.5; wz1 = 0.5; }
            int row0 = j0 * nRc;
            int row1 = j1 * nRc;
            int rowF = jf * nRf;
            for (int iff = 0; iff < nRf - 1; iff++) {
                double v;
                if (!coarsenR) {
                    v = wz0 * xc[row0 + iff] + wz1 * xc[row1 + iff];
                } else if (iff % 2 == 0) {
                    int ic = iff / 2;
                    v = wz0 * xc[row0 + ic] + wz1 * xc[row1 + ic];
                } else {
                    int ic = (iff - 1) / 2;
                    v = 0.5 * (wz0 * (xc[row0 + ic] + xc[row0 + ic + 1]) + wz1 * (xc[row1 + ic] + xc[row1 + ic + 1]));
                }
                xf[rowF + iff] += v;
            }
        }
    }
}
