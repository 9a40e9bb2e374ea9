package org.anisocr.operator;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;

/**
 * The paper's discretisation (docs/physics.md §3; paper Appendix A) assembled once per (grid, field), split by
 * separability into an isotropic table (the coefficient of D⊥) and an anisotropic one (of D∥ − D⊥):
 * <pre>  coefficient(term, node, p) = D⊥(p)·iso[term][node] + (D∥(p) − D⊥(p))·ani[term][node]  </pre>
 * This is the only place the stencil is assembled: the CPU stepper, the residual, the direct solver
 * and the GPU kernels all read these two tables (the kernels combine them with the two scalars).
 *
 * <p>Rows: C = 2 D_RR/(ΔRu ΔRd), U = D_RR/(ΔRc ΔRu) + u_R/(2ΔRc), L = D_RR/(ΔRc ΔRd) − u_R/(2ΔRc), the same in z,
 * M = D_Rz/(2 ΔRc Δzc). Axis (cylindrical) row: dN_0/dt = 4 D_RR (N_1 − N_0)/ΔR² from the mirror N_{−1} = N_1
 * and D_RR/R ∂_R N → D_RR ∂²_R N; mixed term zero. Cartesian x = 0 is a mirror wall: 2 D_xx (N_1 − N_0)/Δx².
 * Dirichlet nodes (R = Rmax, z = ±H) have all coefficients zero and stay at N = 0.
 */
public final class OperatorCoefficients {
    private final SpatialGrid grid;
    private final FieldDirection direction;
    private final double[][] iso;
    private final double[][] ani;

    public OperatorCoefficients(FieldDirection direction) {
        this.direction = direction;
        this.grid = direction.grid();
        int n = grid.size();
        iso = new double[Stencil.COUNT][n];
        ani = new double[Stencil.COUNT][n];
        double dR = grid.dR();
        double dz = grid.dz();
        double dR2 = dR * dR;
        double dz2 = dz * dz;
        boolean cyl = grid.geometry() == Geometry.CYLINDRICAL;
        for (int j = 0; j < grid.nZ(); j++) {
            for (int i = 0; i < grid.nR(); i++) {
                if (grid.isDirichlet(i, j)) {
                    continue;
                }
                int idx = grid.index(i, j);
                // The two halves are the same formula evaluated with (D⊥, D∥−D⊥) = (1, 0) and (0, 1).
                assemble(iso, idx, i, cyl, dR, dz, dR2, dz2, 1, 0);
                assemble(ani, idx, i, cyl, dR, dz, dR2, dz2, 0, 1);
            }
        }
    }

    private void assemble(double[][] t, int idx, int i, boolean cyl, double dR, double dz, double dR2, double dz2,
                          double dPerp, double dAni) {
        double dRR = direction.dRR(idx, dPerp, dAni);
        double dZZ = direction.dZZ(idx, dPerp, dAni);
        double uZ = direction.uZ(idx, dPerp, dAni);
        if (i == 0) {
            double axis = (cyl ? 4 : 2) * dRR / dR2;
            t[Stencil.R_CENTRE.ordinal()][idx] = axis;
            t[Stencil.R_UPPER.ordinal()][idx] = axis;
        } else {
            double uR = direction.uR(idx, dPerp, dAni);
            t[Stencil.R_CENTRE.ordinal()][idx] = 2 * dRR / dR2;
            t[Stencil.R_UPPER.ordinal()][idx] = dRR / dR2 + uR / (2 * dR);
            t[Stencil.R_LOWER.ordinal()][idx] = dRR / dR2 - uR / (2 * dR);
            t[Stencil.MIXED.ordinal()][idx] = direction.dRZ(idx, dPerp, dAni) / (2 * dR * dz);
        }
        t[Stencil.Z_CENTRE.ordinal()][idx] = 2 * dZZ / dz2;
        t[Stencil.Z_UPPER.ordinal()][idx] = dZZ / dz2 + uZ / (2 * dz);
        t[Stencil.Z_LOWER.ordinal()][idx] = dZZ / dz2 - uZ / (2 * dz);
    }

    public SpatialGrid grid() { return grid; }
    public FieldDirection direction() { return direction; }

    public double coefficient(Stencil term, int idx, double dPerp, double dAni) {
        int t = term.ordinal();
        return dPerp * iso[t][idx] + dAni * ani[t][idx];
    }

    /** Isotropic table, rows in {@link Stencil} order; shared, do not modify. */
    public double[][] isotropicTable() { return iso; }

    /** Anisotropic table, rows in {@link Stencil} order; shared, do not modify. */
    public double[][] anisotropicTable() { return ani; }

    /** Whether any node has a mixed-term coefficient (otherwise the split scheme is unconditionally stable). */
    public boolean hasMixedTerm() {
        for (double m : ani[Stencil.MIXED.ordinal()]) {
            if (m != 0) {
                return true;
            }
        }
        return false;
    }
}
