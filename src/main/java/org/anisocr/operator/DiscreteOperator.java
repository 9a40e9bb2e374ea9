package org.anisocr.operator;

import org.anisocr.grid.SpatialGrid;

/**
 * The unsplit discrete operator L of the paper's scheme (sum of the R, z and mixed parts) and the
 * steady residual ‖L N + S‖₂ / ‖S‖₂ that every steady-state method reports.
 *
 * <p>The same operator as {@link PaperSteadyOperator#matrix} (both take their coefficients from
 * {@link BinStencil}), applied matrix-free: no 9 × grid coefficient arrays per call, and in the summation order
 * that the GPU residual kernel reproduces (GpuVsCpuTest compares the two to 1e-10), which the 9-point form
 * would change in the last bits.
 */
public final class DiscreteOperator {
    private DiscreteOperator() {}

    /** out = L N for bin k; Dirichlet nodes get 0. */
    public static void apply(TransportProblem problem, int k, double[] n, double[] out) {
        SpatialGrid g = problem.grid();
        BinStencil s = new BinStencil(problem, k);
        int nR = g.nR();
        int nZ = g.nZ();
        for (int j = 0; j < nZ; j++) {
            for (int i = 0; i < nR; i++) {
                int idx = j * nR + i;
                if (g.isDirichlet(i, j)) {
                    out[idx] = 0;
                    continue;
                }
                double v = -(s.rCentre(idx) + s.zCentre(idx)) * n[idx] + s.rUpper(idx) * n[idx + 1]
                        + s.zLower(idx) * n[idx - nR] + s.zUpper(idx) * n[idx + nR];
                if (i > 0) {
                    v += s.rLower(idx) * n[idx - 1]
                            + s.mixed(idx) * (n[idx + nR + 1] - n[idx - nR + 1] - n[idx + nR - 1] + n[idx - nR - 1]);
                }
                out[idx] = v;
            }
        }
    }

    /** ‖L N + S‖₂ / ‖S‖₂ for bin k (absolute ‖L N‖₂ when S = 0). */
    public static double relativeResidual(TransportProblem problem, int k, double[] n) {
        double[] ln = new double[n.length];
        apply(problem, k, n, ln);
        return NinePointMatrix.residualNorm(ln, problem.sourceRate(k));
    }

    /**
     * The largest relative residual over all bins. With a wind or energy losses each bin's residual includes them,
     * ‖(L + T_k) N_k + S_k + in_k N_{k+1}‖ / ‖S_k + in_k N_{k+1}‖ ({@link MomentumTransport}).
     */
    public static double maxRelativeResidual(TransportProblem problem, double[][] n) {
        double worst = 0;
        for (int k = 0; k < n.length; k++) {
            worst = Math.max(worst, problem.couplesBins() ? coupledResidual(problem, k, n)
                    : relativeResidual(problem, k, n[k]));
        }
        return worst;
    }

    private static double coupledResidual(TransportProblem problem, int k, double[][] n) {
        MomentumTransport t = problem.transport();
        double[] ln = new double[n[k].length];
        apply(problem, k, n[k], ln);
        t.applyTo(k, n[k], ln);
        double[] s = t.sourceWithInflow(k, problem.sourceRate(k), k + 1 < n.length ? n[k + 1] : null);
        return NinePointMatrix.residualNorm(ln, s);
    }
}
