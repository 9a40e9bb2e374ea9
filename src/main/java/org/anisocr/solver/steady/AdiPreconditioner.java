package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;

import java.util.Arrays;

/**
 * One Peaceman–Rachford ADI double sweep as an approximate inverse of −L (one bin):
 * <pre>  M = (σ − L_R)(σ − L_z)/σ = −L_R − L_z + σ + L_R L_z/σ,   M⁻¹ r = σ (σ − L_z)⁻¹ (σ − L_R)⁻¹ r  </pre>
 * L_R holds the couplings along R (and its share of the centre), L_z those along z; the four diagonal
 * (mixed-term) couplings are left to the Krylov method. Each application is one tridiagonal (Thomas) pass over
 * all z-lines and one over all R-lines — the same work as one split step of the paper's scheme.
 *
 * <p>The shift σ cycles through a geometric (Wachspress-type) sequence between the estimated smallest and
 * largest eigenvalues of the 1D operators, so that successive applications damp different parts of the
 * spectrum; flexible GMRES tolerates the changing preconditioner.
 */
public final class AdiPreconditioner implements Preconditioner {
    private final SpatialGrid g;
    private final double[] w;
    private final double[] e;
    private final double[] s;
    private final double[] no;
    private final double[] cR;
    private final double[] cZ;
    private final double[] shifts;
    private final double[] lo;
    private final double[] di;
    private final double[] up;
    private final double[] rhs;
    private final double[] scratch;
    private final double[] tmp;
    private int next;

    public AdiPreconditioner(NinePointMatrix m, int cycleLength) {
        g = m.grid();
        w = m.coefficients(-1, 0);
        e = m.coefficients(1, 0);
        s = m.coefficients(0, -1);
        no = m.coefficients(0, 1);
        double[] c = m.coefficients(0, 0);
        int n = g.size();
        cR = new double[n];
        cZ = new double[n];
        double cMax = 0;
        double cMin = Double.POSITIVE_INFINITY;
        for (int idx = 0; idx < n; idx++) {
            double centre = -c[idx];
            if (centre <= 0) {
                continue; // Dirichlet row
            }
            double along = Math.abs(w[idx]) + Math.abs(e[idx]);
            double across = Math.abs(s[idx]) + Math.abs(no[idx]);
            double share = along + across > 0 ? along / (along + across) : 0.5;
            cR[idx] = centre * share; // split the centre in proportion to the couplings it balances
            cZ[idx] = centre - cR[idx];
            cMax = Math.max(cMax, centre);
            cMin = Math.min(cMin, centre);
        }
        int longest = Math.max(g.nR(), g.nZ());
        double hi = cMax;
        double lo0 = cMin * Math.pow(Math.sin(Math.PI / (2 * longest)), 2);
        shifts = new double[cycleLength];
        for (int l = 0; l < cycleLength; l++) {
            shifts[l] = hi * Math.pow(lo0 / hi, (l + 0.5) / cycleLength);
        }
        int len = Math.max(g.nR(), g.nZ());
        lo = new double[len]; di = new double[len]; up = new double[len];
        rhs = new double[len]; scratch = new double[len];
        tmp = new double[n];
    }

    @Override public void apply(double[] r, double[] z) {
        double sigma = shifts[next];
        next = (next + 1) % shifts.length;
        int nR = g.nR();
        int nZ = g.nZ();
        Arrays.fill(tmp, 0);
        int mR = nR - 1; // (σ − L_R) y = r along every z-line, unknowns i = 0..NR−2
        for (int j = 1; j < nZ - 1; j++) {
            int row = j * nR;
            for (int i = 0; i < mR; i++) {
                int idx = row + i;
                lo[i] = -w[idx];
                di[i] = sigma + cR[idx];
                up[i] = -e[idx];
                rhs[i] = r[idx];
            }
            thomas(mR);
            System.arraycopy(rhs, 0, tmp, row, mR);
        }
        Arrays.fill(z, 0);
        int mZ = nZ - 2; // (σ − L_z) z = σ y along every R-line, unknowns j = 1..Nz−2
        for (int i = 0; i < nR - 1; i++) {
            for (int q = 0; q < mZ; q++) {
                int idx = (q + 1) * nR + i;
                lo[q] = -s[idx];
                di[q] = sigma + cZ[idx];
                up[q] = -no[idx];
                rhs[q] = sigma * tmp[idx];
            }
            thomas(mZ);
            for (int q = 0; q < mZ; q++) {
                z[(q + 1) * nR + i] = rhs[q];
            }
        }
    }

    /** Thomas algorithm on lo/di/up/rhs[0..m); answer in rhs. Diagonally dominant here (σ > 0), no pivoting. */
    private void thomas(int m) {
        double b = di[0];
        rhs[0] /= b;
        for (int i = 1; i < m; i++) {
            scratch[i] = up[i - 1] / b;
            b = di[i] - lo[i] * scratch[i];
            rhs[i] = (rhs[i] - lo[i] * rhs[i - 1]) / b;
        }
        for (int i = m - 2; i >= 0; i--) {
            rhs[i] -= scratch[i + 1] * rhs[i + 1];
        }
    }
}
