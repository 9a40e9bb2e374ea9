package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The setup phase of geometric multigrid for one 9-point operator L: a ladder of grids, each half as fine as the
 * one above in every direction that can be halved (NR − 1 or Nz − 1 even; the other direction is kept:
 * semi-coarsening), with Galerkin coarse operators Pᵀ L P ({@link GalerkinCoarsening}), the line factors of both
 * directions on every level ({@link ZebraLineRelaxation}), and an exact banded LU on the coarsest grid (≤
 * {@link #COARSEST_NODES} nodes, or whatever grid cannot be halved further).
 * Memory: the fine operator (shared, not copied) plus ~1/3 of it for the coarse levels, plus 4 numbers a node a
 * level for the line factors: O(cells).
 */
final class MultigridHierarchy {
    /**
     * Coarsening stops at or below this many nodes: the banded LU of such a grid costs less than a smoothing sweep
     * above.
     */
    static final int COARSEST_NODES = 600;

    final List<NinePointMatrix> operators = new ArrayList<>();
    final List<GridTransfer> transfers = new ArrayList<>();
    final List<ZebraLineRelaxation> alongR = new ArrayList<>();
    final List<ZebraLineRelaxation> alongZ = new ArrayList<>();
    final BandedFactorisation coarsest;

    MultigridHierarchy(NinePointMatrix fine) {
        NinePointMatrix l = fine;
        while (true) {
            operators.add(l);
            SpatialGrid g = l.grid();
            boolean r = GridTransfer.coarsenable(g.nR());
            boolean z = GridTransfer.coarsenable(g.nZ());
            if (g.size() <= COARSEST_NODES || !(r || z)) {
                break;
            }
            alongR.add(new ZebraLineRelaxation(l, LineDirection.ALONG_R));
            alongZ.add(new ZebraLineRelaxation(l, LineDirection.ALONG_Z));
            GridTransfer t = new GridTransfer(g, r, z);
            transfers.add(t);
            l = GalerkinCoarsening.coarsen(l, t);
        }
        coarsest = new BandedFactorisation(l);
    }

    int levels() { return operators.size(); }

    /** How many levels a hierarchy on this grid has (the same rule as the constructor, without building it). */
    static int levelsFor(SpatialGrid g) { return gridsFor(g).size(); }

    /** The grids of a hierarchy on this grid, finest first (the constructor's rule, without building it). */
    static List<SpatialGrid> gridsFor(SpatialGrid g) {
        List<SpatialGrid> grids = new ArrayList<>();
        while (true) {
            grids.add(g);
            boolean r = GridTransfer.coarsenable(g.nR());
            boolean z = GridTransfer.coarsenable(g.nZ());
            if (g.size() <= COARSEST_NODES || !(r || z)) {
                return grids;
            }
            g = new GridTransfer(g, r, z).coarse;
        }
    }

    SpatialGrid grid(int level) { return operators.get(level).grid(); }

    /** Description for logs and summary.json, e.g. "201×81 → 101×41 → 51×21 → 26×11 (banded LU)". */
    String describe() {
        List<SpatialGrid> grids = new ArrayList<>();
        for (int k = 0; k < levels(); k++) {
            grids.add(grid(k));
        }
        return BatchedSteadySolver.describe(grids);
    }
}
