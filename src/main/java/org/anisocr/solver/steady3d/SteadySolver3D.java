package org.anisocr.solver.steady3d;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;

/**
 * Solves −L N = S for one momentum bin on a 3D grid, L the symmetric scheme with the bin's D∥ and D⊥. One instance
 * serves every bin of a model, also from several threads at once: the operator depends on the field only, and so
 * does the multigrid hierarchy, built on the first solve and shared by every bin after (see {@link Hierarchy3D}).
 *
 * <p>Default method: conjugate gradients preconditioned by one symmetric multigrid V-cycle (Galerkin coarse
 * operators, trilinear transfers, semi-coarsening where an axis cannot be halved, multicolour line relaxation);
 * its iteration count stays nearly constant as h shrinks. {@link Steady3DMethod#CG} is the plain reference.
 */
public final class SteadySolver3D {
    private final SymmetricOperator3D operator;
    private final Steady3DSettings settings;
    private final PlaneLoops loops;
    private Hierarchy3D hierarchy;

    public SteadySolver3D(SymmetricOperator3D operator, Steady3DSettings settings) {
        this.operator = operator;
        this.settings = settings;
        this.loops = new PlaneLoops(settings.threads());
    }

    /**
     * Bytes this solver needs beyond the solutions themselves with one bin in flight: the shared hierarchy (both
     * parts of the operator on every level) plus one bin's working set ({@link #estimateBytesPerBin}). An estimate
     * to refuse a model up front.
     */
    public static long estimateBytes(CartesianGrid3D grid) {
        return estimateSharedBytes(grid) + estimateBytesPerBin(grid);
    }

    /** The part shared by all bins of a model: the hierarchy's two operator parts. */
    public static long estimateSharedBytes(CartesianGrid3D grid) {
        return 2 * Hierarchy3D.bytes(grid);
    }

    /**
     * One bin in flight: its combined operator on every level, the coarsest factor, the V-cycle's vectors and the
     * four vectors of conjugate gradients (the solution itself not counted).
     */
    public static long estimateBytesPerBin(CartesianGrid3D grid) {
        long[] shape = Hierarchy3D.coarsestShape(grid);
        long nodes = grid.size();
        long levelNodes = Hierarchy3D.bytes(grid) / ((long) LevelShape.ENTRIES * Double.BYTES);
        return Hierarchy3D.bytes(grid) + BandedCholesky.bytes((int) shape[0], (int) shape[1], (int) shape[2])
                + 3 * levelNodes * Double.BYTES + 4 * nodes * Double.BYTES;
    }

    /** The hierarchy of this model, built on first use (by whichever bin comes first). */
    private synchronized Hierarchy3D hierarchy() {
        if (hierarchy == null) {
            hierarchy = Hierarchy3D.build(operator, loops);
        }
        return hierarchy;
    }

    /** Number of multigrid levels (built on first call). */
    public int levels() {
        return hierarchy().levels();
    }

    /**
     * The steady state for the bin with D∥, D⊥ (kpc²/Myr) and source S (per Myr, 0 on Dirichlet nodes);
     * {@code guess} (may be null) starts the iteration, e.g. the neighbouring bin's answer.
     */
    public Steady3DResult solve(double dParallelKpc2PerMyr, double dPerpKpc2PerMyr, double[] source, double[] guess) {
        int n = operator.grid().size();
        if (source.length != n || (guess != null && guess.length != n)) {
            throw new IllegalArgumentException("source and guess need " + n + " nodes");
        }
        double dAni = dParallelKpc2PerMyr - dPerpKpc2PerMyr;
        Hierarchy3D h = hierarchy();
        LevelShape fine = h.shapes[0];
        double[] b = new double[n];
        double[] x = new double[n];
        for (int p = 0; p < n; p++) {
            if (!fine.fixed[p]) {
                b[p] = source[p];
                x[p] = guess == null ? 0 : guess[p];
            }
        }
        double sourceNorm = Math.sqrt(dot(b, b));
        if (sourceNorm == 0) {
            return new Steady3DResult(new double[n], 0, 0, true);
        }
        double[][] operators = h.combine(dPerpKpc2PerMyr, dAni, loops);
        VCycle3D cycle = settings.method() == Steady3DMethod.MULTIGRID_CG
                ? new VCycle3D(h, operators, settings.smoother(), settings.sweeps(), loops) : null;
        int iterations = conjugateGradients(fine, operators[0], cycle, b, x, sourceNorm);
        double relative = trueResidual(dParallelKpc2PerMyr, dPerpKpc2PerMyr, b, x) / sourceNorm;
        return new Steady3DResult(x, iterations, relative, relative <= settings.tolerance());
    }

    /** PCG on A x = b (A = −L on the fine level), x updated in place; returns the iterations. */
    private int conjugateGradients(LevelShape g, double[] a, VCycle3D cycle, double[] b, double[] x,
                                   double bNorm) {
        int n = g.size;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] q = new double[n];
        StencilOps.residual(g, a, b, x, r, loops);
        double target = settings.tolerance() * bNorm;
        if (Math.sqrt(dot(r, r)) <= target) {
            return 0;
        }
        precondition(cycle, r, z);
        double[] p = z.clone();
        double rz = dot(r, z);
        int it = 0;
        while (it < settings.maxIterations()) {
            StencilOps.apply(g, a, p, q, loops);
            double alpha = rz / dot(p, q);
            double rr = 0;
            for (int m = 0; m < n; m++) {
                x[m] += alpha * p[m];
                r[m] -= alpha * q[m];
                rr += r[m] * r[m];
            }
            it++;
            if (Math.sqrt(rr) <= target) {
                break;
            }
            precondition(cycle, r, z);
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int m = 0; m < n; m++) {
                p[m] = z[m] + beta * p[m];
            }
        }
        return it;
    }

    private static void precondition(VCycle3D cycle, double[] r, double[] z) {
        if (cycle == null) {
            System.arraycopy(r, 0, z, 0, r.length);
        } else {
            cycle.apply(r, z);
        }
    }

    /** ‖S + L x‖ from the matrix-free scheme itself, not from the assembled stencil the iteration used. */
    private double trueResidual(double dPar, double dPerp, double[] b, double[] x) {
        double[] lx = new double[b.length];
        operator.apply(dPar, dPerp, x, lx);
        double sum = 0;
        for (int p = 0; p < b.length; p++) {
            double r = b[p] + lx[p];
            sum += r * r;
        }
        return Math.sqrt(sum);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
