package org.anisocr.solver.steady;

import org.anisocr.operator.NinePointMatrix;
import org.anisocr.solver.SolverTuning;

import java.util.Arrays;

/**
 * One multigrid cycle as an approximate inverse of A = −L (the solve phase): from z = 0 on the finest grid,
 * <pre>
 *   pre-smooth:  zebra line Gauss–Seidel along R, then along z
 *   residual:    r = f + L z                                  (9-point stencil)
 *   restrict:    f_c = Pᵀ r,   z_c = cycle(f_c) (γ times; γ = 1: V-cycle, 2: W-cycle)
 *   correct:     z += P z_c
 *   post-smooth: zebra line Gauss–Seidel along z, then along R
 * </pre>
 * and an exact banded LU solve on the coarsest grid. Alternating line relaxation with full coarsening is robust
 * for grid-aligned anisotropy of either orientation; the oblique (mixed-term) part is carried by the Galerkin
 * coarse operators and the outer flexible GMRES. Every step is one of four GPU-portable kernels: stencil
 * application, line right-hand sides + batched tridiagonal solves, restriction/prolongation, and (in GMRES)
 * reductions. Not thread-safe (work arrays): one instance a thread.
 */
public final class MultigridPreconditioner implements Preconditioner {
    private final MultigridHierarchy h;
    private final int gamma;
    private final int nu;
    private final double[][] x;
    private final double[][] f;
    private final double[][] r;
    private final double[][] t;

    public MultigridPreconditioner(NinePointMatrix l, int gamma) {
        this(l, gamma, SolverTuning.defaults().multigridSweeps());
    }

    /** @param nu smoothing sweeps before and after the coarse correction on every level */
    public MultigridPreconditioner(NinePointMatrix l, int gamma, int nu) {
        this(new MultigridHierarchy(l), gamma, nu);
    }

    MultigridPreconditioner(MultigridHierarchy h, int gamma, int nu) {
        this.h = h;
        this.gamma = gamma;
        this.nu = nu;
        int n = h.levels();
        x = new double[n][];
        f = new double[n][];
        r = new double[n][];
        t = new double[n][];
        for (int k = 0; k < n; k++) {
            int size = h.grid(k).size();
            if (k > 0) { x[k] = new double[size]; f[k] = new double[size]; }
            if (k < n - 1) { r[k] = new double[size]; t[k] = new double[size]; }
        }
    }

    public String describe() { return h.describe() + (gamma == 1 ? ", V(" : ", W(") + nu + "," + nu + ")"; }

    public int levels() { return h.levels(); }

    @Override public void apply(double[] rhs, double[] z) {
        Arrays.fill(z, 0);
        cycle(0, rhs, z);
    }

    /** One cycle on level k for A_k x = f, improving x in place (any starting x). */
    private void cycle(int k, double[] fk, double[] xk) {
        if (k == h.levels() - 1) { h.coarsest.solve(fk, xk); return; }
        ZebraLineRelaxation sR = h.alongR.get(k);
        ZebraLineRelaxation sZ = h.alongZ.get(k);
        for (int q = 0; q < nu; q++) { sR.sweep(fk, xk, t[k]); sZ.sweep(fk, xk, t[k]); }
        residual(h.operators.get(k), fk, xk, r[k]);
        GridTransfer tr = h.transfers.get(k);
        tr.restrict(r[k], f[k + 1]);
        Arrays.fill(x[k + 1], 0);
        boolean exact = k + 1 == h.levels() - 1; // the coarsest solve is exact: repeating it changes nothing
        for (int c = 0; c < (exact ? 1 : gamma); c++) {
            cycle(k + 1, f[k + 1], x[k + 1]);
        }
        tr.prolongAdd(x[k + 1], xk);
        for (int q = 0; q < nu; q++) { sZ.sweep(fk, xk, t[k]); sR.sweep(fk, xk, t[k]); }
    }

    /** r = f − A x = f + L x (zero on Dirichlet nodes). */
    static void residual(NinePointMatrix l, double[] f, double[] x, double[] r) {
        l.apply(x, r);
        for (int q = 0; q < r.length; q++) {
            r[q] += f[q];
        }
    }
}
