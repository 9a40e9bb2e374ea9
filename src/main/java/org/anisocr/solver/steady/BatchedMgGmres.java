package org.anisocr.solver.steady;

import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.SolverTuning;

import java.util.Arrays;

/**
 * mg-gmres for E systems at once, written once against {@link MultigridBatchOps} so that the same algorithm runs
 * on the Java reference ({@link CpuMultigridBatch}) and on the device: restarted flexible GMRES (right
 * preconditioning: the residual minimised is the true ‖S + L N‖) with one multigrid W-cycle
 * ({@link MultigridPreconditioner}'s cycle, step for step) as the preconditioner of every system.
 *
 * <p>The systems iterate in lockstep: every kernel works on all of them, and a system that has converged (or broke
 * down) is carried along with zero vectors (its Krylov vector is scaled by 0), so it costs work but changes nothing.
 * Orthogonalisation is classical Gram–Schmidt applied twice (CGS2: as stable as modified Gram–Schmidt, but one
 * batched reduction per pass instead of one per basis vector, which is what a device wants). The small Hessenberg
 * problems (Givens rotations, back substitution) are solved on the host, per system.
 */
public final class BatchedMgGmres {
    /** What one batched solve did, per system. */
    public record Outcome(int[] iterations, double[] relativeResidual, boolean[] converged) {
        public int maxIterations() { return Arrays.stream(iterations).max().orElse(0); }
        public long totalIterations() { return Arrays.stream(iterations).asLongStream().sum(); }
        public double maxResidual() { return Arrays.stream(relativeResidual).max().orElse(0); }
        public boolean allConverged() {
            for (boolean c : converged) if (!c) return false;
            return true;
        }
    }

    private BatchedMgGmres() {}

    /**
     * Solves A x = s (A = −L) for every system to ‖s + L x‖ ≤ tol·‖s‖, starting from x (overwritten).
     * @param gamma cycle index of the preconditioner (1: V-cycle, 2: W-cycle)
     */
    public static <V> Outcome solve(MultigridBatchOps<V> ops, V s, V x, double tol, int maxIterations, int restart, int gamma) {
        return solve(ops, s, x, tol, maxIterations, restart, gamma, SolverTuning.defaults().multigridSweeps());
    }

    /** As above with {@code nu} smoothing sweeps before and after the coarse correction on every level. */
    public static <V> Outcome solve(MultigridBatchOps<V> ops, V s, V x, double tol, int maxIterations, int restart,
                                    int gamma, int nu) {
        return new Run<>(ops, restart, gamma, nu).solve(s, x, tol, maxIterations);
    }

    /** The work vectors of one solve. */
    private static final class Run<V> {
        private final MultigridBatchOps<V> ops;
        private final int e, restart, gamma, levels;
        private final int nu;
        private final V r, basis, directions;
        private final Object[] xl, fl, rl; // per level: correction, right-hand side, residual (V; generic arrays)

        Run(MultigridBatchOps<V> ops, int restart, int gamma, int nu) {
            this.ops = ops;
            this.nu = nu;
            this.e = ops.entries();
            this.restart = restart;
            this.gamma = gamma;
            this.levels = ops.levels();
            r = ops.vector(0);
            basis = ops.block(restart + 1);
            directions = ops.block(restart);
            xl = new Object[levels];
            fl = new Object[levels];
            rl = new Object[levels];
            for (int k = 0; k < levels; k++) {
                if (k > 0) { xl[k] = ops.vector(k); fl[k] = ops.vector(k); }
                if (k < levels - 1) rl[k] = ops.vector(k);
            }
        }

        @SuppressWarnings("unchecked") private V at(Object[] a, int k) { return (V) a[k]; }

        Outcome solve(V s, V x, double tol, int maxIterations) {
            double[] bNorm = norms(s);
            int[] iterations = new int[e];
            double[] rel = new double[e];
            boolean[] active = new boolean[e];
            double[] keep = new double[e];
            for (int b = 0; b < e; b++) keep[b] = bNorm[b] == 0 ? 0 : 1;
            ops.scale(x, keep); // a system with S = 0 has the solution 0
            double[] rNorm = trueResidual(s, x);
            for (int b = 0; b < e; b++) {
                rel[b] = bNorm[b] == 0 ? 0 : rNorm[b] / bNorm[b];
                active[b] = rel[b] > tol;
            }
            double[][][] h = new double[e][restart + 1][restart];
            double[][] cs = new double[e][restart], sn = new double[e][restart], g = new double[e][restart + 1];
            int total = 0;
            while (any(active) && total < maxIterations) {
                // v0 = r/‖r‖ for the active systems, 0 for the others
                double[] inv = new double[e];
                for (int b = 0; b < e; b++) {
                    Arrays.fill(g[b], 0);
                    if (active[b]) { g[b][0] = rNorm[b]; inv[b] = 1 / rNorm[b]; }
                }
                V v0 = ops.member(basis, 0);
                ops.copy(r, v0);
                ops.scale(v0, inv);
                boolean[] running = active.clone();
                int[] used = new int[e];
                int jj = 0;
                for (; jj < restart && any(running) && total < maxIterations; jj++, total++) {
                    V vj = ops.member(basis, jj), zj = ops.member(directions, jj), w = ops.member(basis, jj + 1);
                    precondition(vj, zj);
                    ops.applyA(zj, w);
                    double[][] d = ops.dots(basis, jj + 1, w);           // classical Gram–Schmidt, twice
                    ops.combine(basis, jj + 1, negated(d), w);
                    double[][] d2 = ops.dots(basis, jj + 1, w);
                    ops.combine(basis, jj + 1, negated(d2), w);
                    double[] hn = norms(w);
                    double[] factor = new double[e];
                    for (int b = 0; b < e; b++) {
                        if (!running[b]) continue;
                        double[][] hb = h[b];
                        for (int i = 0; i <= jj; i++) hb[i][jj] = d[i][b] + d2[i][b];
                        hb[jj + 1][jj] = hn[b];
                        if (hn[b] != 0) factor[b] = 1 / hn[b];
                        for (int i = 0; i < jj; i++) { // previous Givens rotations
                            double t = cs[b][i] * hb[i][jj] + sn[b][i] * hb[i + 1][jj];
                            hb[i + 1][jj] = -sn[b][i] * hb[i][jj] + cs[b][i] * hb[i + 1][jj];
                            hb[i][jj] = t;
                        }
                        double den = Math.hypot(hb[jj][jj], hb[jj + 1][jj]);
                        cs[b][jj] = hb[jj][jj] / den;
                        sn[b][jj] = hb[jj + 1][jj] / den;
                        hb[jj][jj] = den;
                        hb[jj + 1][jj] = 0;
                        g[b][jj + 1] = -sn[b][jj] * g[b][jj];
                        g[b][jj] = cs[b][jj] * g[b][jj];
                        iterations[b]++;
                        used[b] = jj + 1;
                        // margin: the recurrence's estimate drifts from the true residual, which decides below
                        if (Math.abs(g[b][jj + 1]) <= 0.5 * tol * bNorm[b] || hn[b] == 0) { running[b] = false; factor[b] = 0; }
                    }
                    ops.scale(w, factor);
                }
                // x += Σ y_i z_i with H y = g per system (back substitution)
                double[][] y = new double[jj][e];
                for (int b = 0; b < e; b++)
                    for (int i = used[b] - 1; i >= 0; i--) {
                        double t = g[b][i];
                        for (int c = i + 1; c < used[b]; c++) t -= h[b][i][c] * y[c][b];
                        y[i][b] = t / h[b][i][i];
                    }
                if (jj > 0) ops.combine(directions, jj, y, x);
                rNorm = trueResidual(s, x);
                for (int b = 0; b < e; b++) {
                    if (!active[b]) continue;
                    double previous = rel[b];
                    rel[b] = rNorm[b] / bNorm[b];
                    if (rel[b] <= tol || !(rel[b] < previous)) active[b] = false; // converged, or stagnation: stop
                }
            }
            boolean[] converged = new boolean[e];
            for (int b = 0; b < e; b++) converged[b] = rel[b] <= tol;
            return new Outcome(iterations, rel, converged);
        }

        /** r = s + L x = s − A x; returns ‖r‖ per system. */
        private double[] trueResidual(V s, V x) {
            ops.residual(0, s, x, r);
            return norms(r);
        }

        private double[] norms(V v) {
            double[] d = ops.dots(v, 1, v)[0], out = new double[e];
            for (int b = 0; b < e; b++) out[b] = Math.sqrt(d[b]);
            return out;
        }

        /** z = M⁻¹ v: one cycle from z = 0 (as {@link MultigridPreconditioner#apply}). */
        private void precondition(V v, V z) {
            ops.zero(z);
            cycle(0, v, z);
        }

        /** One cycle on level k for A_k x = f, improving x in place: the steps of MultigridPreconditioner.cycle. */
        private void cycle(int k, V f, V x) {
            if (k == levels - 1) { ops.coarsestSolve(f, x); return; }
            for (int q = 0; q < nu; q++) { sweep(k, true, f, x); sweep(k, false, f, x); }
            ops.residual(k, f, x, at(rl, k));
            ops.restrict(k, at(rl, k), at(fl, k + 1));
            ops.zero(at(xl, k + 1));
            boolean exact = k + 1 == levels - 1; // the coarsest solve is exact: repeating it changes nothing
            for (int c = 0; c < (exact ? 1 : gamma); c++) cycle(k + 1, at(fl, k + 1), at(xl, k + 1));
            ops.prolongAdd(k, at(xl, k + 1), x);
            for (int q = 0; q < nu; q++) { sweep(k, false, f, x); sweep(k, true, f, x); }
        }

        /** A full zebra sweep: even lines, then odd lines. */
        private void sweep(int k, boolean alongR, V f, V x) {
            ops.relax(k, alongR, 0, f, x);
            ops.relax(k, alongR, 1, f, x);
        }
    }

    private static double[][] negated(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int b = 0; b < out[i].length; b++) out[i][b] = -out[i][b];
        }
        return out;
    }

    private static boolean any(boolean[] a) {
        for (boolean v : a) if (v) return true;
        return false;
    }
}
