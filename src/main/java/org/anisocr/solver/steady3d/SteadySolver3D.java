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
     * parts of the operator on every level) plus the larger of one bin's working set ({@link #estimateBytesPerBin})
     * and the transient peak of building the hierarchy ({@link #estimateSetupTransientBytes}). An estimate to
     * refuse a model up front.
     */
    public static long estimateBytes(CartesianGrid3D grid) {
        return estimateSharedBytes(grid) + Math.max(estimateBytesPerBin(grid), estimateSetupTransientBytes(grid));
    }

    /**
     * The hierarchy's coarse levels are computed in double before they are rounded: while the fine level is
     * coarsened, the products along x and y (27 doubles a node on half and a quarter of the fine nodes), one part at
     * a time, and the two probing vectors. At 401×401×81 that is about 2.3 GB.
     */
    public static long estimateSetupTransientBytes(CartesianGrid3D grid) {
        long fine = (long) LevelShape.ENTRIES * Double.BYTES * grid.size();
        return fine / 2 + fine / 4 + 2L * Double.BYTES * grid.size();
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
        long levelNodes = Hierarchy3D.bytes(grid) / ((long) LevelShape.ENTRIES * Float.BYTES + Double.BYTES);
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
        double sourceNorm = Math.sqrt(dot(fine, b, b));
        if (sourceNorm == 0) {
            return new Steady3DResult(new double[n], 0, 0, true);
        }
        LevelMatrix[] operators = h.combine(dPerpKpc2PerMyr, dAni, loops);
        VCycle3D cycle = settings.method() == Steady3DMethod.MULTIGRID_CG
                ? new VCycle3D(h, operators, settings.smoother(), settings.sweeps(), loops) : null;
        int iterations = conjugateGradients(fine, new Product(dParallelKpc2PerMyr, dPerpKpc2PerMyr), cycle, b, x,
                sourceNorm);
        double relative = trueResidual(dParallelKpc2PerMyr, dPerpKpc2PerMyr, b, x) / sourceNorm;
        return new Steady3DResult(x, iterations, relative, relative <= settings.tolerance());
    }

    /**
     * The bin's operator A = −L of the outer iteration: the matrix-free scheme itself (the V-cycle works with the
     * rounded stencils, the iteration converges on the exact operator; the scheme is also the cheaper product).
     */
    private final class Product {
        private final double dPar;
        private final double dPerp;

        Product(double dPar, double dPerp) {
            this.dPar = dPar;
            this.dPerp = dPerp;
        }

        void apply(LevelShape g, double[] x, double[] out) {
            operator.apply(dPar, dPerp, x, out);
            loops.forEach(0, g.nZ, 1, k -> {
                for (int m = k * g.strideZ; m < (k + 1) * g.strideZ; m++) {
                    out[m] = -out[m];
                }
            });
        }
    }

    /** PCG on A x = b (A = −L on the fine level), x updated in place; returns the iterations. */
    private int conjugateGradients(LevelShape g, Product a, VCycle3D cycle, double[] b, double[] x, double bNorm) {
        int n = g.size;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] q = new double[n];
        rescaleGuess(g, a, b, x, q);
        a.apply(g, x, q);
        for (int m = 0; m < n; m++) {
            r[m] = b[m] - q[m];
        }
        double target = settings.tolerance() * bNorm;
        if (Math.sqrt(dot(g, r, r)) <= target) {
            return 0;
        }
        precondition(cycle, r, z);
        double[] p = z.clone();
        double rz = dot(g, r, z);
        int it = 0;
        while (it < settings.maxIterations()) {
            a.apply(g, p, q);
            double alpha = rz / dot(g, p, q);
            double rr = update(g, alpha, p, q, x, r);
            it++;
            if (Math.sqrt(rr) <= target) {
                break;
            }
            precondition(cycle, r, z);
            double rzNew = dot(g, r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            loops.forEach(0, g.nZ, 1, k -> {
                for (int m = k * g.strideZ; m < (k + 1) * g.strideZ; m++) {
                    p[m] = z[m] + beta * p[m];
                }
            });
        }
        return it;
    }

    /**
     * A guess (the neighbouring bin's answer) is right in shape but not in amplitude, which changes from bin to bin
     * with the injection spectrum and D: it is scaled by c = bᵀx / xᵀA x, the factor that minimises the A-norm of
     * the error along x (what CG minimises), at the cost of one product.
     */
    private void rescaleGuess(LevelShape g, Product a, double[] b, double[] x, double[] work) {
        a.apply(g, x, work);
        double energy = dot(g, x, work);
        if (energy > 0) {
            double c = dot(g, b, x) / energy;
            for (int m = 0; m < x.length; m++) {
                x[m] *= c;
            }
        }
    }

    /** x += α p, r −= α q; returns rᵀr. */
    private double update(LevelShape g, double alpha, double[] p, double[] q, double[] x, double[] r) {
        double[] partial = new double[g.nZ];
        loops.forEach(0, g.nZ, 1, k -> {
            double rr = 0;
            for (int m = k * g.strideZ; m < (k + 1) * g.strideZ; m++) {
                x[m] += alpha * p[m];
                r[m] -= alpha * q[m];
                rr += r[m] * r[m];
            }
            partial[k] = rr;
        });
        return sum(partial);
    }

    /**
     * aᵀb as a sum of per-plane partial sums, added in plane order: the same bits whatever the thread count (a
     * reduction a GPU does the same way).
     */
    private double dot(LevelShape g, double[] a, double[] b) {
        double[] partial = new double[g.nZ];
        loops.forEach(0, g.nZ, 1, k -> {
            double s = 0;
            for (int m = k * g.strideZ; m < (k + 1) * g.strideZ; m++) {
                s += a[m] * b[m];
            }
            partial[k] = s;
        });
        return sum(partial);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
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
}
