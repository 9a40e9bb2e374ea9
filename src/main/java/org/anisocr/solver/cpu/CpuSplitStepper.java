package org.anisocr.solver.cpu;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.BinStencil;
import org.anisocr.operator.MomentumTransport;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SolverDivergedException;
import org.anisocr.solver.SplitStepper;
import org.anisocr.solver.linalg.Thomas;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Pure-Java reference backend of the paper's split step. Every (bin, line) pair is an independent
 * task: the R sweep solves one Thomas system per (bin, z-line), the z sweep one per (bin, R-line),
 * the mixed step updates one row per (bin, z-line) from the previous state. No shared mutable state
 * between tasks: each writes its own line, scratch arrays are per task.
 */
public final class CpuSplitStepper implements SplitStepper {
    private final TransportProblem problem;
    private final SpatialGrid g;
    private final BinStencil[] stencils;
    private final ForkJoinPool pool;
    private double[][] n;
    private double[][] previous;
    private double[][] spare;
    // per bin, node-indexed: the Thomas factors (inv, c) of the R- and z-lines at the last dt, so a fixed-dt run
    // factors once
    private final double[][] rInvPivot;
    private final double[][] rRatio;
    private final double[][] zInvPivot;
    private final double[][] zRatio;
    private double factoredDt = Double.NaN;
    private final boolean hasMixedTerm;
    private final MomentumTransport transport;

    /** @param threads worker threads; 0 means all available processors */
    public CpuSplitStepper(TransportProblem problem, int threads) {
        this.problem = problem;
        this.g = problem.grid();
        int bins = problem.bins();
        stencils = new BinStencil[bins];
        for (int k = 0; k < bins; k++) {
            stencils[k] = new BinStencil(problem, k);
        }
        hasMixedTerm = problem.coefficients().hasMixedTerm();
        transport = problem.transport();
        pool = new ForkJoinPool(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        n = problem.initialDensity();
        previous = new double[bins][g.size()];
        spare = new double[bins][g.size()];
        rInvPivot = new double[bins][g.size()];
        rRatio = new double[bins][g.size()];
        zInvPivot = new double[bins][g.size()];
        zRatio = new double[bins][g.size()];
    }

    @Override public TransportProblem problem() { return problem; }
    @Override public String backend() { return "cpu"; }

    @Override public void setState(double[][] density) {
        for (int k = 0; k < n.length; k++) {
            System.arraycopy(density[k], 0, n[k], 0, g.size());
            for (int j = 0; j < g.nZ(); j++) {
                for (int i = 0; i < g.nR(); i++) {
                    if (g.isDirichlet(i, j)) {
                        n[k][g.index(i, j)] = 0;
                    }
                }
            }
        }
    }

    @Override public double[][] state() {
        double[][] copy = new double[n.length][];
        for (int k = 0; k < n.length; k++) {
            copy[k] = n[k].clone();
        }
        return copy;
    }

    public int threads() { return pool.getParallelism(); }

    @Override public double advance(double dtMyr, int steps) {
        if (steps < 1) {
            return 0;
        }
        int bins = n.length;
        int nR = g.nR();
        int nZ = g.nZ();
        factorLines(dtMyr);
        for (int s = 0; s < steps; s++) {
            boolean last = s == steps - 1;
            if (last) {
                for (int k = 0; k < bins; k++) {
                    System.arraycopy(n[k], 0, previous[k], 0, n[k].length);
                }
            }
            parallel(bins * (nZ - 2), t -> lineR(t / (nZ - 2), t % (nZ - 2) + 1, dtMyr, false));
            parallel(bins * (nR - 1), t -> lineZ(t / (nR - 1), t % (nR - 1), dtMyr, false));
            mixedStep(dtMyr);
            if (transport != null) {
                parallel(g.nR() - 1, i -> transportColumn(i, dtMyr));
            }
        }
        return relativeChange();
    }

    private void parallel(int tasks, IntConsumer body) {
        pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
    }

    /**
     * Thomas factors of the Crank–Nicolson matrices of every line for the current dt, node-indexed per bin:
     * they only change when dt does (a new ladder rung), so each step is a division-free solve.
     */
    private void factorLines(double dt) {
        if (dt == factoredDt) {
            return;
        }
        int bins = n.length;
        int nR = g.nR();
        int nZ = g.nZ();
        parallel(bins * (nZ - 2), t -> lineR(t / (nZ - 2), t % (nZ - 2) + 1, dt, true));
        parallel(bins * (nR - 1), t -> lineZ(t / (nR - 1), t % (nR - 1), dt, true));
        factoredDt = dt;
    }

    /**
     * Crank–Nicolson in R on z-line j of bin k; unknowns i = 0..NR−2, N_{NR−1} = 0:
     * (1 + dt/2 C) N_i − dt/2 U N_{i+1} − dt/2 L N_{i−1} = (1 − dt/2 C) N_i + dt/2 U N_{i+1} + dt/2 L N_{i−1} + dt/3
     * S_i. With factorOnly the matrix is factored into the cache instead.
     */
    private void lineR(int k, int j, double dt, boolean factorOnly) {
        int m = g.nR() - 1;
        double[] lo = new double[m];
        double[] rhs = new double[m];
        double[] di = factorOnly ? new double[m] : null;
        double[] up = factorOnly ? new double[m] : null;
        double[] nk = n[k];
        double[] src = problem.sourceRate(k);
        BinStencil st = stencils[k];
        double h = dt / 2;
        double third = dt / 3;
        int row = g.index(0, j);
        for (int i = 0; i < m; i++) {
            int idx = row + i;
            double l = st.rLower(idx);
            double c = st.rCentre(idx);
            double u = st.rUpper(idx);
            lo[i] = -h * l;
            if (factorOnly) {
                di[i] = 1 + h * c;
                up[i] = -h * u;
                continue;
            }
            double explicit = (1 - h * c) * nk[idx] + h * u * nk[idx + 1] + third * src[idx];
            if (i > 0) {
                explicit += h * l * nk[idx - 1];
            }
            rhs[i] = explicit;
        }
        if (factorOnly) {
            Thomas.factor(m, 1, lo, di, up, 0, 1, rInvPivot[k], rRatio[k], row, 1);
            return;
        }
        Thomas.solve(m, 1, lo, rInvPivot[k], rRatio[k], row, 1, rhs, rhs, 0, 1);
        System.arraycopy(rhs, 0, nk, row, m);
    }

    /** Crank–Nicolson in z on R-line i of bin k; unknowns j = 1..Nz−2, N = 0 at z = ±H. */
    // The twin of lineR along a column (stride NR, Dirichlet at both ends): kept as a second loop, not a strided
    // helper, so each inner loop reads its stencil rows directly and stays in the Java reference's operation order.
    private void lineZ(int k, int i, double dt, boolean factorOnly) {
        int m = g.nZ() - 2;
        int nR = g.nR();
        double[] lo = new double[m];
        double[] rhs = new double[m];
        double[] di = factorOnly ? new double[m] : null;
        double[] up = factorOnly ? new double[m] : null;
        double[] nk = n[k];
        double[] src = problem.sourceRate(k);
        BinStencil st = stencils[k];
        double h = dt / 2;
        double third = dt / 3;
        int first = g.index(i, 1);
        for (int q = 0; q < m; q++) {
            int idx = first + q * nR;
            double l = st.zLower(idx);
            double c = st.zCentre(idx);
            double u = st.zUpper(idx);
            lo[q] = -h * l;
            if (factorOnly) {
                di[q] = 1 + h * c;
                up[q] = -h * u;
                continue;
            }
            rhs[q] = (1 - h * c) * nk[idx] + h * u * nk[idx + nR] + h * l * nk[idx - nR] + third * src[idx];
        }
        if (factorOnly) {
            Thomas.factor(m, 1, lo, di, up, 0, 1, zInvPivot[k], zRatio[k], first, nR);
            return;
        }
        Thomas.solve(m, 1, lo, zInvPivot[k], zRatio[k], first, nR, rhs, rhs, 0, 1);
        for (int q = 0; q < m; q++) {
            nk[first + q * nR] = rhs[q];
        }
    }

    /** Explicit mixed step N^{n+1} = N^n + dt M·cross(N^n) + dt/3 S into the spare buffer, then swap. */
    private void mixedStep(double dt) {
        int bins = n.length;
        int nZ = g.nZ();
        double[][] out = spare;
        parallel(bins * (nZ - 2), t -> mixedRow(t / (nZ - 2), t % (nZ - 2) + 1, dt, out[t / (nZ - 2)]));
        spare = n; // its Dirichlet nodes are 0 like out's, so it can be reused as the next target
        n = out;
    }

    private void mixedRow(int k, int j, double dt, double[] out) {
        int nR = g.nR();
        double[] nk = n[k];
        double[] src = problem.sourceRate(k);
        BinStencil st = stencils[k];
        double third = dt / 3;
        int row = g.index(0, j);
        out[row] = nk[row] + third * src[row];
        if (!hasMixedTerm) {
            for (int i = 1; i < nR - 1; i++) {
                out[row + i] = nk[row + i] + third * src[row + i];
            }
            return;
        }
        for (int i = 1; i < nR - 1; i++) {
            int idx = row + i;
            double cross = nk[idx + nR + 1] - nk[idx - nR + 1] - nk[idx + nR - 1] + nk[idx - nR - 1];
            out[idx] = nk[idx] + dt * st.mixed(idx) * cross + third * src[idx];
        }
    }

    /**
     * The wind and the losses as one more split sub-step, backward Euler on column i for every bin from the top down:
     * (1 − dt T_k) N_k = N_k + dt in_k N_{k+1} with T_k the advection and the momentum outflow of bin k (tridiagonal
     * in z) and N_{k+1} already advanced. Upwind fluxes make 1 − dt T_k an M-matrix, so the step is stable and keeps
     * N ≥ 0 for every dt (the ladder's large steps included); it adds no source.
     */
    private void transportColumn(int i, double dt) {
        int nR = g.nR();
        int m = g.nZ() - 2;
        double[] lo = new double[m];
        double[] di = new double[m];
        double[] up = new double[m];
        double[] rhs = new double[m];
        double[] inv = new double[m];
        double[] ratio = new double[m];
        for (int k = n.length - 1; k >= 0; k--) {
            double[] nk = n[k];
            for (int q = 0; q < m; q++) {
                int j = q + 1;
                int idx = g.index(i, j);
                lo[q] = -dt * transport.advectionBelow(j);
                up[q] = -dt * transport.advectionAbove(j);
                di[q] = 1 - dt * (transport.advectionCentre(j) - transport.outRate(k, idx));
                rhs[q] = nk[idx] + (k + 1 < n.length ? dt * transport.inRate(k, idx) * n[k + 1][idx] : 0);
            }
            Thomas.factor(m, 1, lo, di, up, 0, 1, inv, ratio, 0, 1);
            Thomas.solve(m, 1, lo, inv, ratio, 0, 1, rhs, rhs, 0, 1);
            for (int q = 0; q < m; q++) {
                nk[g.index(i, q + 1)] = rhs[q];
            }
        }
    }

    private double relativeChange() {
        double worst = 0;
        for (int k = 0; k < n.length; k++) {
            double diff = 0;
            double mag = 0;
            double[] a = n[k];
            double[] b = previous[k];
            for (int idx = 0; idx < a.length; idx++) {
                double v = a[idx];
                if (!Double.isFinite(v)) {
                    throw new SolverDivergedException("non-finite density in momentum bin " + k + " at node " + idx
                            + " (R=" + g.r(idx % g.nR()) + ", z=" + g.z(idx / g.nR()) + ")");
                }
                diff = Math.max(diff, Math.abs(v - b[idx]));
                mag = Math.max(mag, Math.abs(v));
            }
            if (mag > 0) {
                worst = Math.max(worst, diff / mag);
            }
        }
        return worst;
    }

    @Override public void close() { pool.shutdown(); }
}
