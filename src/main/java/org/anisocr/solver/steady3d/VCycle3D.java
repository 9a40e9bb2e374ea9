package org.anisocr.solver.steady3d;

import java.util.Arrays;

/**
 * One bin's multigrid V-cycle, z = M⁻¹ r, used as the preconditioner of conjugate gradients: on each level relax
 * from zero, restrict the residual with Pᵀ, recurse, add P times the coarse correction, relax with the adjoint
 * sweeps; on the coarsest level solve exactly. Restriction is the transpose of the trilinear interpolation and the
 * coarse operators are Galerkin products, so M⁻¹ is symmetric positive definite.
 */
final class VCycle3D {
    private final Hierarchy3D hierarchy;
    private final LevelMatrix[] operators;
    private final Smoother3D smoother;
    private final int sweeps;
    private final PlaneLoops loops;
    private final BandedCholesky coarsest;
    private final double[][] rhs;
    private final double[][] correction;
    private final double[][] residual;

    VCycle3D(Hierarchy3D hierarchy, LevelMatrix[] operators, Smoother3D smoother, int sweeps, PlaneLoops loops) {
        this.hierarchy = hierarchy;
        this.operators = operators;
        this.smoother = smoother;
        this.sweeps = sweeps;
        this.loops = loops;
        int levels = hierarchy.levels();
        this.coarsest = new BandedCholesky(hierarchy.shapes[levels - 1], operators[levels - 1]);
        this.rhs = new double[levels][];
        this.correction = new double[levels][];
        this.residual = new double[levels][];
        for (int l = 1; l < levels; l++) {
            int n = hierarchy.shapes[l].size;
            rhs[l] = new double[n];
            correction[l] = new double[n];
        }
        for (int l = 0; l < levels - 1; l++) {
            residual[l] = new double[hierarchy.shapes[l].size];
        }
    }

    /** z = M⁻¹ r on the fine level (r zero on fixed nodes; so is z). */
    void apply(double[] r, double[] z) {
        cycle(0, r, z);
    }

    private void cycle(int l, double[] b, double[] x) {
        LevelShape g = hierarchy.shapes[l];
        LevelMatrix a = operators[l];
        if (l == hierarchy.levels() - 1) {
            coarsest.solve(b, x);
            return;
        }
        Arrays.fill(x, 0);
        for (int sweep = 0; sweep < sweeps; sweep++) {
            relax(g, a, b, x, true);
        }
        StencilOps.residual(g, a, b, x, residual[l], loops);
        Transfer.restrict(g, hierarchy.shapes[l + 1], hierarchy.coarsened[l], residual[l], rhs[l + 1], loops);
        cycle(l + 1, rhs[l + 1], correction[l + 1]);
        Transfer.interpolateAdd(g, hierarchy.shapes[l + 1], hierarchy.coarsened[l], correction[l + 1], x, loops);
        for (int sweep = 0; sweep < sweeps; sweep++) {
            relax(g, a, b, x, false);
        }
    }

    /** One pass of the smoother, or its adjoint (directions and colours reversed) when {@code forward} is false. */
    private void relax(LevelShape g, LevelMatrix a, double[] b, double[] x, boolean forward) {
        int[] axes = smoother.lineAxes();
        if (axes.length == 0) {
            StencilOps.pointSweep(g, a, b, x, forward, loops);
            return;
        }
        for (int m = 0; m < axes.length; m++) {
            int axis = forward ? axes[m] : axes[axes.length - 1 - m];
            StencilOps.lineSweep(g, a, b, x, axis, forward, loops);
        }
    }

    /** Bytes of one bin's work vectors on every level (three per coarse level, one per other level). */
    static long bytes(long[] levelNodes) {
        long sum = 0;
        for (int l = 0; l < levelNodes.length; l++) {
            sum += (l == 0 ? 1 : 3) * levelNodes[l] * Double.BYTES;
        }
        return sum;
    }
}
