package org.anisocr.operator;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;

/**
 * Conservative discretisation of ∇·(D∇N) in (R, z) after Günter et al. 2005 (J. Comput. Phys. 208, 354),
 * optionally with the slope limiter of Sharma &amp; Hammett 2007 (J. Comput. Phys. 227, 123).
 *
 * <p>Finite-volume form: every node i owns the dual cell between the neighbouring cell corners, of volume
 * V_i = 2π R_i ΔR Δz (2π ΔR²/8 Δz on the axis, where the cell is [0, ΔR/2]; {@link SpatialGrid#volumeWeight}).
 * The operator is written as  V_i (L N)_i = −Σ fluxes leaving the cell,  with
 * <ul>
 *   <li><b>perpendicular part D⊥ ∇N</b>: the standard 5-point face fluxes, face areas 2π R_{i±½} Δz
 *       (radial faces) and V_i/Δz (vertical faces). This is the monotone M-matrix part and it avoids the
 *       chequerboard mode that a corner-only Laplacian would not see.</li>
 *   <li><b>anisotropic part (D∥ − D⊥) b (b·∇N)</b>: Günter's symmetric corner scheme. At each cell corner
 *       (i+½, j+½) the gradient is the average of the two edge differences in each direction, the flux is
 *       F = b b·g with b b averaged from the four nodes, and it is distributed back to the four nodes with the
 *       transpose of the same gradient: V·L = −Gᵀ W (b b) G with corner weights W = 2π R_{i+½} ΔR Δz.
 *       Unlimited, this is symmetric negative semi-definite; the axis needs no special row (no corner lies at R &lt; 0,
 *       so the flux through R = 0 is zero: mirror symmetry built in).</li>
 * </ul>
 * Every flux is subtracted from one cell and added to its neighbour, so Σ_i V_i (L N)_i telescopes to the flux
 * into the Dirichlet nodes: the scheme conserves particles to round-off ({@link #boundaryOutflux}).
 *
 * <p><b>Limiter</b> (Sharma &amp; Hammett's "symmetric, slope-limited" variant): in the cross terms of the corner
 * flux, F_R = b_R² ⟨∂_R N⟩ + b_R b_z L(∂_z N) and F_z = b_z² ⟨∂_z N⟩ + b_R b_z L(∂_R N), the transverse gradient is
 * not the average of its two edge differences but their minmod (the smaller in magnitude when they agree in
 * sign, zero otherwise). The limited operator is nonlinear; {@link #frozenAt} returns the linear operator with the
 * minmod choices frozen at a given state, which a Picard iteration re-solves until the choices settle.
 * Limiting changes only which differences enter the flux, never the Gᵀ distribution, so conservation is kept.
 */
public final class SymmetricOperator implements SteadyOperator {
    /** Which edge difference a corner's transverse gradient uses. */
    static final byte ZERO = 0, FIRST = 1, SECOND = 2, AVERAGE = 3;

    private final TransportProblem problem;
    private final SpatialGrid g;
    private final boolean limited;
    /** Per bin, per corner: selector of the transverse ∂_z N in F_R, and of ∂_R N in F_z; null = averages. */
    private final byte[][] zSel, rSel;
    private final double[] bRRc, bZZc, bRZc, cornerWeight, radialFace, verticalFace, volume;

    /** The unlimited symmetric scheme. */
    public SymmetricOperator(TransportProblem problem) { this(problem, false, null, null); }

    private SymmetricOperator(TransportProblem problem, boolean limited, byte[][] zSel, byte[][] rSel) {
        this.problem = problem;
        this.g = problem.grid();
        this.limited = limited;
        this.zSel = zSel;
        this.rSel = rSel;
        FieldDirection d = problem.coefficients().direction();
        int nR = g.nR(), nZ = g.nZ(), corners = (nR - 1) * (nZ - 1);
        boolean cyl = g.geometry() == Geometry.CYLINDRICAL;
        double dR = g.dR(), dz = g.dz(), twoPi = cyl ? 2 * Math.PI : 1;
        bRRc = new double[corners];
        bZZc = new double[corners];
        bRZc = new double[corners];
        cornerWeight = new double[corners];
        for (int j = 0; j < nZ - 1; j++)
            for (int i = 0; i < nR - 1; i++) {
                int c = corner(i, j), a = g.index(i, j), b = a + 1, e = a + nR, f = e + 1;
                // b b at the corner: mean of the four nodes (second order, works for any tabulated field)
                bRRc[c] = 0.25 * (d.bRR(a) + d.bRR(b) + d.bRR(e) + d.bRR(f));
                bZZc[c] = 0.25 * (d.bZZ(a) + d.bZZ(b) + d.bZZ(e) + d.bZZ(f));
                bRZc[c] = 0.25 * (d.bRZ(a) + d.bRZ(b) + d.bRZ(e) + d.bRZ(f));
                cornerWeight[c] = twoPi * (cyl ? (i + 0.5) * dR : 1) * dR * dz;
            }
        volume = new double[nR];
        radialFace = new double[nR];
        verticalFace = new double[nR];
        for (int i = 0; i < nR; i++) {
            volume[i] = g.volumeWeight(i);
            radialFace[i] = twoPi * (cyl ? (i + 0.5) * dR : 1) * dz / dR; // face i+½, divided by the distance ΔR
            verticalFace[i] = volume[i] / dz / dz;                       // face area V_i/Δz over the distance Δz
        }
    }

    /** "symmetric" with the limiter, frozen at the all-averages state (i.e. the unlimited operator) to start Picard. */
    public static SymmetricOperator limited(TransportProblem problem) { return new SymmetricOperator(problem, true, null, null); }

    public boolean isLimited() { return limited; }

    private int corner(int i, int j) { return j * (g.nR() - 1) + i; }

    @Override public SpatialGrid grid() { return g; }
    @Override public int bins() { return problem.bins(); }
    @Override public double[] source(int k) { return problem.sourceRate(k); }
    @Override public double anisotropyRatio(int k) { return problem.dAni(k) / problem.dPerp(k); }
    @Override public String scheme() { return limited ? "symmetric-limited" : "symmetric"; }
    public TransportProblem problem() { return problem; }

    /** The limited operator with its minmod choices frozen at the state n[k][node] (all bins). */
    public SymmetricOperator frozenAt(double[][] n) {
        int nR = g.nR(), nZ = g.nZ(), corners = (nR - 1) * (nZ - 1);
        byte[][] zs = new byte[n.length][corners], rs = new byte[n.length][corners];
        for (int k = 0; k < n.length; k++)
            for (int j = 0; j < nZ - 1; j++)
                for (int i = 0; i < nR - 1; i++) {
                    int c = corner(i, j), a = g.index(i, j), b = a + 1, e = a + nR, f = e + 1;
                    double[] v = n[k];
                    zs[k][c] = minmod(v[e] - v[a], v[f] - v[b]); // ∂_z on the left and right edges
                    rs[k][c] = minmod(v[b] - v[a], v[f] - v[e]); // ∂_R on the lower and upper edges
                }
        return new SymmetricOperator(problem, true, zs, rs);
    }

    static byte minmod(double first, double second) {
        if (first * second <= 0) return ZERO;
        return Math.abs(first) <= Math.abs(second) ? FIRST : SECOND;
    }

    /** Weights of the two edge differences for a selector. */
    private static double w1(byte s) { return s == FIRST ? 1 : s == AVERAGE ? 0.5 : 0; }
    private static double w2(byte s) { return s == SECOND ? 1 : s == AVERAGE ? 0.5 : 0; }

    /**
     * K = V·L for bin k on every node, Dirichlet rows included (needed for the outflux): row = node, 9 slots.
     * Not yet divided by V and not yet cleared at the boundaries.
     */
    NinePointMatrix fluxMatrix(int k) {
        int nR = g.nR(), nZ = g.nZ();
        double dPerp = problem.dPerp(k), dAni = problem.dAni(k);
        double dR = g.dR(), dz = g.dz();
        NinePointMatrix m = new NinePointMatrix(g);
        // perpendicular part: 5-point face fluxes
        for (int j = 0; j < nZ; j++)
            for (int i = 0; i < nR; i++) {
                int idx = g.index(i, j);
                if (i + 1 < nR) couple(m, idx, 1, 0, dPerp * radialFace[i]);
                if (j + 1 < nZ) couple(m, idx, 0, 1, dPerp * verticalFace[i]);
            }
        // anisotropic part: corner fluxes. Node offsets within a corner cell: (0,0) (1,0) (0,1) (1,1).
        double[] gR = new double[4], gZ = new double[4], fR = new double[4], fZ = new double[4];
        int[] oa = {0, 1, 0, 1}, ob = {0, 0, 1, 1};
        for (int j = 0; j < nZ - 1; j++)
            for (int i = 0; i < nR - 1; i++) {
                int c = corner(i, j);
                double w = cornerWeight[c] * dAni;
                if (w == 0) continue;
                // averaged gradient ⟨∂_R N⟩, ⟨∂_z N⟩ as weights on the four nodes
                for (int q = 0; q < 4; q++) {
                    gR[q] = (oa[q] == 1 ? 0.5 : -0.5) / dR;
                    gZ[q] = (ob[q] == 1 ? 0.5 : -0.5) / dz;
                }
                byte zs = zSel == null ? AVERAGE : zSel[k][c], rs = rSel == null ? AVERAGE : rSel[k][c];
                // transverse gradients: chosen edge differences (left/right edge for ∂_z, lower/upper for ∂_R)
                double[] tZ = {-w1(zs) / dz, -w2(zs) / dz, w1(zs) / dz, w2(zs) / dz};
                double[] tR = {-w1(rs) / dR, w1(rs) / dR, -w2(rs) / dR, w2(rs) / dR};
                for (int q = 0; q < 4; q++) {
                    fR[q] = bRRc[c] * gR[q] + bRZc[c] * tZ[q];
                    fZ[q] = bZZc[c] * gZ[q] + bRZc[c] * tR[q];
                }
                for (int row = 0; row < 4; row++) {
                    int idx = g.index(i + oa[row], j + ob[row]);
                    for (int col = 0; col < 4; col++) // V (L N)_row −= W (∂g/∂N_row)·F
                        m.add(oa[col] - oa[row], ob[col] - ob[row], idx, -w * (gR[row] * fR[col] + gZ[row] * fZ[col]));
                }
            }
        return m;
    }

    /** Symmetric coupling of node idx with its neighbour at offset (a, b) by conductance c: flux c (N_nb − N_idx). */
    private void couple(NinePointMatrix m, int idx, int a, int b, double c) {
        int nb = idx + a + b * g.nR();
        m.add(a, b, idx, c);
        m.add(0, 0, idx, -c);
        m.add(-a, -b, nb, c);
        m.add(0, 0, nb, -c);
    }

    @Override public NinePointMatrix matrix(int k) {
        NinePointMatrix m = fluxMatrix(k);
        int nR = g.nR();
        for (int p = 0; p < 9; p++) {
            double[] col = m.coefficients(p % 3 - 1, p / 3 - 1);
            for (int idx = 0; idx < col.length; idx++) col[idx] /= volume[idx % nR];
        }
        m.clearBoundaries();
        return m;
    }

    /**
     * Particles leaving through the boundaries per unit time for state n of bin k: the net discrete flux into
     * the Dirichlet nodes, Σ_b (K N)_b. In a steady state it must equal the injected Σ_i V_i S_i.
     */
    public double boundaryOutflux(int k, double[] n) {
        NinePointMatrix m = fluxMatrix(k);
        int nR = g.nR(), nZ = g.nZ();
        double out = 0;
        for (int j = 0; j < nZ; j++)
            for (int i = 0; i < nR; i++) {
                if (!g.isDirichlet(i, j)) continue;
                int idx = g.index(i, j);
                for (int b = -1; b <= 1; b++)
                    for (int a = -1; a <= 1; a++) {
                        int ii = i + a, jj = j + b;
                        if (ii < 0 || ii >= nR || jj < 0 || jj >= nZ) continue;
                        out += m.get(a, b, idx) * n[g.index(ii, jj)];
                    }
            }
        return out;
    }

    /** Σ_i V_i S_i over the interior nodes: particles injected per unit time in bin k. */
    public double injected(int k) {
        double[] s = problem.sourceRate(k);
        double sum = 0;
        for (int j = 0; j < g.nZ(); j++)
            for (int i = 0; i < g.nR(); i++)
                if (!g.isDirichlet(i, j)) sum += volume[i] * s[g.index(i, j)];
        return sum;
    }
}
