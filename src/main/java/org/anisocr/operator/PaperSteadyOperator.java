package org.anisocr.operator;

import org.anisocr.grid.SpatialGrid;

/**
 * The paper's unsplit operator (docs/physics.md §3; the one {@link DiscreteOperator} applies and the direct solver
 * factors) in 9-point form. The coefficients come from {@link BinStencil}, i.e. from the one place the
 * paper's stencil is assembled ({@link OperatorCoefficients}); this class only places them in the slots.
 */
public final class PaperSteadyOperator implements SteadyOperator {
    private final TransportProblem problem;

    public PaperSteadyOperator(TransportProblem problem) { this.problem = problem; }

    public TransportProblem problem() { return problem; }

    @Override public SpatialGrid grid() { return problem.grid(); }
    @Override public int bins() { return problem.bins(); }
    @Override public double[] source(int k) { return problem.sourceRate(k); }
    @Override public double anisotropyRatio(int k) { return problem.dAni(k) / problem.dPerp(k); }
    @Override public String scheme() { return "paper"; }
    @Override public MomentumTransport transport() { return problem.transport(); }

    @Override public NinePointMatrix matrix(int k) {
        SpatialGrid g = problem.grid();
        BinStencil s = new BinStencil(problem, k);
        NinePointMatrix m = new NinePointMatrix(g);
        for (int j = 1; j < g.nZ() - 1; j++) {
            for (int i = 0; i < g.nR() - 1; i++) {
                int idx = g.index(i, j);
                m.add(0, 0, idx, -(s.rCentre(idx) + s.zCentre(idx)));
                m.add(1, 0, idx, s.rUpper(idx));
                m.add(0, -1, idx, s.zLower(idx));
                m.add(0, 1, idx, s.zUpper(idx));
                if (i > 0) { // the axis row has no i − 1 and no mixed term (mirror symmetry, docs/physics.md §3)
                    m.add(-1, 0, idx, s.rLower(idx));
                    double mx = s.mixed(idx);
                    m.add(1, 1, idx, mx);
                    m.add(1, -1, idx, -mx);
                    m.add(-1, 1, idx, -mx);
                    m.add(-1, -1, idx, mx);
                }
            }
        }
        m.clearBoundaries();
        if (problem.couplesBins()) {
            problem.transport().addTo(m, k);
        }
        return m;
    }
}
