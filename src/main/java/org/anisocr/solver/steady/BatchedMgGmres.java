package org.anisocr.solver.steady;

import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.linalg.HessenbergLeastSquares;

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
 * problems (Givens rotations, back substitution) are solved on the host, per system, by the same
 * {@link HessenbergLeastSquares} as the one-bin {@link FlexibleGmres}.
 */
public final class BatchedMgGmres {
    /** What one batched solve did, per system. The arrays are shared, not copied: the solve hands them over and keeps
     *  no reference, and callers read them by index in loops over the systems. */
    public record Outcome(int[] iterations, double[] relativeResidual, boolean[] converged) {
        public int maxIterations() { return Arrays.stream(iterations).max().orElse(0); }
        public long totalIterations() { return Arrays.stream(iterations).asLongStream().sum(); }
        public double maxResidual() { return Arrays.stream(relativeResidual).max().orElse(0); }
        public boolean allConverged() {
            for (boolean c : converged) {
                if (!c) {
                    return false;
                }
            }
            return true;
        }
    }

    private BatchedMgGmres() {}

    /**
     * Solves A x = s (A = −L) for every system to ‖s + L x‖ ≤ tol·‖s‖, starting from x (overwritten).
     * @param gamma cycle index of the preconditioner (1: V-cycle, 2: W-cycle)
     */
    public static <V> Outcome solve(
            MultigridBatchOps<V> ops, V s, V x, double tol, int maxIterations, int restart, int gamma) {
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
        private final int e;
        private final int restart;
        private final int gamma;
        private final int levels;
        private final int nu;
        private final V r;
        private final V basis;
        private final V directions;
        private final Object[] xl;
        private final Object[] fl;
        private final Object[] rl; // per level: correction, right-hand side, residual (V; generic arrays)

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
                if (k < levels - 1) {
                    rl[k] = ops.vector(k);
                }
            }
        }

        @SuppressWarnings("unchecked") private V at(Object[] a, int k) { return (V) a[k]; }

        Outcome solve(V s, V x, double tol, int maxIterations) {
            double[] bNorm = norms(s);
            int[] iterations = new int[e];
            double[] rel = new double[e];
            boolean[] active = new boolean[e];
            double[] keep = new double[e];
            for (int b = 0; b < e; b++) {
                keep[b] = bNorm[b] == 0 ? 0 : 1;
            }
            ops.scale(x, keep); // a system with S = 0 has the solution 0
            double[] rNorm = trueResidual(s, x);
            for (int b = 0; b < e; b++) {
                rel[b] = bNorm[b] == 0 ? 0 : rNorm[b] / bNorm[b];
                active[b] = rel[b] > tol;
            }
            HessenbergLeastSquares[] ls = new HessenbergLeastSquares[e];
            for (int b = 0; b < e; b++) {
                ls[b] = new HessenbergLeastSquares(restart);
            }
            int total = 0;
            while (any(active) && total < maxIterations) {
                startCycle(rNorm, active, ls);
                boolean[] running = active.clone();
                int jj = 0;
                for (; jj < restart && any(running) && total < maxIterations; jj++, total++) {
                    arnoldiStep(jj, running, ls, iterations, tol, bNorm);
                }
                addCorrection(jj, ls, x);
                rNorm = trueResidual(s, x);
                for (int b = 0; b < e; b++) {
                    if (!active[b]) {
                        continue;
                    }
                    double previous = rel[b];
                    rel[b] = rNorm[b] / bNorm[b];
                    if (rel[b] <= tol || !(rel[b] < previous)) {
                        active[b] = false; // converged, or stagnation: stop
                    }
                }
            }
            boolean[] converged = new boolean[e];
            for (int b = 0; b < e; b++) {
                converged[b] = rel[b] <= tol;
            }
            return new Outcome(iterations, rel, converged);
        }

        /** Starts a GMRES cycle: v0 = r/‖r‖ for the active systems, 0 for the others; g = ‖r‖ e₁ per system. */
        private void startCycle(double[] rNorm, boolean[] active, HessenbergLeastSquares[] ls) {
            double[] inv = new double[e];
            for (int b = 0; b < e; b++) {
                ls[b].start(active[b] ? rNorm[b] : 0);
                if (active[b]) {
                    inv[b] = 1 / rNorm[b];
                }
            }
            V v0 = ops.member(basis, 0);
            ops.copy(r, v0);
            ops.scale(v0, inv);
        }

        /**
         * Iteration jj of the cycle for every system: z_jj = M⁻¹ v_jj, w = A z_jj orthogonalised against the basis
         * (classical Gram–Schmidt, twice) and normalised into v_{jj+1}; each running system adds the column to its
         * least-squares problem and stops running when its estimate meets the tolerance (its w is then scaled by 0).
         */
        private void arnoldiStep(int jj, boolean[] running, HessenbergLeastSquares[] ls, int[] iterations,
                                 double tol, double[] bNorm) {
            V vj = ops.member(basis, jj);
            V zj = ops.member(directions, jj);
            V w = ops.member(basis, jj + 1);
            precondition(vj, zj);
            ops.applyA(zj, w);
            double[][] d = ops.dots(basis, jj + 1, w);
            ops.combine(basis, jj + 1, negated(d), w);
            double[][] d2 = ops.dots(basis, jj + 1, w);
            ops.combine(basis, jj + 1, negated(d2), w);
            double[] hn = norms(w);
            double[] factor = new double[e];
            for (int b = 0; b < e; b++) {
                if (!running[b]) {
                    continue;
                }
                for (int i = 0; i <= jj; i++) {
                    ls[b].set(i, jj, d[i][b] + d2[i][b]);
                }
                ls[b].set(jj + 1, jj, hn[b]);
                if (hn[b] != 0) {
                    factor[b] = 1 / hn[b];
                }
                double estimate = ls[b].addColumn();
                iterations[b]++;
                // margin: the recurrence's estimate drifts from the true residual, which decides after the cycle
                if (estimate <= 0.5 * tol * bNorm[b] || hn[b] == 0) {
                    running[b] = false;
                    factor[b] = 0;
                }
            }
            ops.scale(w, factor);
        }

        /** x += Σ y_i z_i over the cycle's jj directions, with y from each system's least-squares problem. */
        private void addCorrection(int jj, HessenbergLeastSquares[] ls, V x) {
            double[][] y = new double[jj][e];
            for (int b = 0; b < e; b++) {
                double[] yb = ls[b].solve();
                for (int i = 0; i < yb.length; i++) {
                    y[i][b] = yb[i];
                }
            }
            if (jj > 0) {
                ops.combine(directions, jj, y, x);
            }
        }

        /** r = s + L x = s − A x; returns ‖r‖ per system. */
        private double[] trueResidual(V s, V x) {
            ops.residual(0, s, x, r);
            return norms(r);
        }

        private double[] norms(V v) {
            double[] d = ops.dots(v, 1, v)[0];
            double[] out = new double[e];
            for (int b = 0; b < e; b++) {
                out[b] = Math.sqrt(d[b]);
            }
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
            for (int c = 0; c < (exact ? 1 : gamma); c++) {
                cycle(k + 1, at(fl, k + 1), at(xl, k + 1));
            }
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
            for (int b = 0; b < out[i].length; b++) {
                out[i][b] = -out[i][b];
            }
        }
        return out;
    }

    private static boolean any(boolean[] a) {
        for (boolean v : a) {
            if (v) {
                return true;
            }
        }
        return false;
    }
}
