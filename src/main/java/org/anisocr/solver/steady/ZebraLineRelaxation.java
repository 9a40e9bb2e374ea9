package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;

/**
 * Zebra line Gauss–Seidel for A x = f, A = −L (one half-sweep = all lines of one parity): each line of the parity
 * is solved exactly with its neighbouring lines held fixed, so that the strong couplings along the line — and the
 * mixed-term (diagonal) couplings to the neighbouring lines, taken at their latest values — are relaxed together.
 * A half-sweep is {@link #lineRightHandSides} (a 6-point stencil: f plus the couplings to the other lines) followed
 * by the batched {@link TridiagonalLines#solve}; {@link #halfSweep} runs the two fused (the right-hand side of a node
 * is formed inside the forward elimination, saving a write and a read of the whole grid: the sweep is memory-bound).
 * Lines of one parity are independent (GPU: one thread a line, or the fused kernel per line).
 */
final class ZebraLineRelaxation {
    private final NinePointMatrix l;
    private final TridiagonalLines lines;
    /** The eight off-centre coefficient arrays of L (south-west … north-east), shared with l. */
    private final double[] sw;
    private final double[] s;
    private final double[] se;
    private final double[] w;
    private final double[] e;
    private final double[] nw;
    private final double[] no;
    private final double[] ne;

    ZebraLineRelaxation(NinePointMatrix l, LineDirection direction) {
        this.l = l;
        this.lines = new TridiagonalLines(l, direction);
        sw = l.coefficients(-1, -1); s = l.coefficients(0, -1); se = l.coefficients(1, -1);
        w = l.coefficients(-1, 0); e = l.coefficients(1, 0);
        nw = l.coefficients(-1, 1); no = l.coefficients(0, 1); ne = l.coefficients(1, 1);
    }

    LineDirection direction() { return lines.direction; }

    /** The line factors (1/β and c per node), for the multigrid packing of the device. */
    TridiagonalLines lines() { return lines; }

    /** Both parities (even lines, then odd lines): one full zebra sweep. t is scratch (grid size). */
    void sweep(double[] f, double[] x, double[] t) {
        halfSweep(f, x, t, 0);
        halfSweep(f, x, t, 1);
    }

    /**
     * Relaxes every line of the parity: = lineRightHandSides(f, x, t, parity) then lines.solve(t, x, parity), fused.
     */
    // Long on purpose: the smoother's hot loop, with the right-hand side and the Thomas solve fused into one pass over
    // memory; the axis row and the interior rows differ only in a few coefficients and stay side by side.
    @SuppressWarnings("checkstyle:MethodLength")
    void halfSweep(double[] f, double[] x, double[] t, int parity) {
        SpatialGrid g = l.grid();
        int nR = g.nR();
        int nZ = g.nZ();
        double[] lo = lines.lower;
        double[] inv = lines.inv;
        double[] c = lines.c;
        if (lines.direction == LineDirection.ALONG_R) {
            for (int j = 1 + ((1 + parity) & 1); j < nZ - 1; j += 2) {
                int row = j * nR;
                int idx = row; // axis node: no i − 1 couplings
                double y = (f[idx] + s[idx] * x[idx - nR] + no[idx] * x[idx + nR] + se[idx] * x[idx - nR + 1]
                        + ne[idx] * x[idx + nR + 1]) * inv[idx];
                x[idx] = y;
                for (idx = row + 1; idx < row + nR - 1; idx++) {
                    double rhs = f[idx] + s[idx] * x[idx - nR] + no[idx] * x[idx + nR]
                            + sw[idx] * x[idx - nR - 1] + se[idx] * x[idx - nR + 1]
                            + nw[idx] * x[idx + nR - 1] + ne[idx] * x[idx + nR + 1];
                    y = (rhs + lo[idx] * y) * inv[idx];
                    x[idx] = y;
                }
                for (idx = row + nR - 3; idx >= row; idx--) {
                    x[idx] -= c[idx] * x[idx + 1];
                }
            }
        } else {
            for (int j = 1; j < nZ - 1; j++) {
                int row = j * nR;
                int idx = row + parity;
                if (parity == 0) { // axis line
                    double rhs = f[idx] + e[idx] * x[idx + 1] + se[idx] * x[idx - nR + 1] + ne[idx] * x[idx + nR + 1];
                    x[idx] = (rhs + (j > 1 ? lo[idx] * x[idx - nR] : 0)) * inv[idx];
                    idx += 2;
                }
                if (j == 1) {
                    for (; idx < row + nR - 1; idx += 2) {
                        x[idx] = (f[idx] + w[idx] * x[idx - 1] + e[idx] * x[idx + 1]
                                + sw[idx] * x[idx - nR - 1] + se[idx] * x[idx - nR + 1]
                                + nw[idx] * x[idx + nR - 1] + ne[idx] * x[idx + nR + 1]) * inv[idx];
                    }
                } else {
                    for (; idx < row + nR - 1; idx += 2) {
                        x[idx] = (f[idx]
                                        + w[idx] * x[idx - 1]
                                        + e[idx] * x[idx + 1]
                                        + sw[idx] * x[idx - nR - 1]
                                        + se[idx] * x[idx - nR + 1]
                                        + nw[idx] * x[idx + nR - 1]
                                        + ne[idx] * x[idx + nR + 1]
                                        + lo[idx] * x[idx - nR])
                                * inv[idx];
                    }
                }
            }
            for (int j = nZ - 3; j >= 1; j--) {
                int row = j * nR;
                for (int idx = row + parity; idx < row + nR - 1; idx += 2) {
                    x[idx] -= c[idx] * x[idx + nR];
                }
            }
        }
    }

    /** The unfused half-sweep (reference for the fused kernel; tests). */
    void halfSweepUnfused(double[] f, double[] x, double[] t, int parity) {
        lineRightHandSides(f, x, t, parity);
        lines.solve(t, x, parity);
    }

    /** t = f + (couplings of L to the other lines)·x on every line of the parity (A = −L, so the sign is +). */
    void lineRightHandSides(double[] f, double[] x, double[] t, int parity) {
        SpatialGrid g = l.grid();
        int nR = g.nR();
        int nZ = g.nZ();
        if (lines.direction == LineDirection.ALONG_R) {
            for (int j = 1 + ((1 + parity) & 1); j < nZ - 1; j += 2) {
                int row = j * nR;
                int idx = row; // axis node: no i − 1 couplings
                t[idx] = f[idx]
                        + s[idx] * x[idx - nR]
                        + no[idx] * x[idx + nR]
                        + se[idx] * x[idx - nR + 1]
                        + ne[idx] * x[idx + nR + 1];
                for (idx = row + 1; idx < row + nR - 1; idx++) {
                    t[idx] = f[idx] + s[idx] * x[idx - nR] + no[idx] * x[idx + nR]
                            + sw[idx] * x[idx - nR - 1] + se[idx] * x[idx - nR + 1]
                            + nw[idx] * x[idx + nR - 1] + ne[idx] * x[idx + nR + 1];
                }
            }
        } else {
            for (int j = 1; j < nZ - 1; j++) {
                int row = j * nR;
                int idx = row + parity;
                if (parity == 0) { // axis line
                    t[idx] = f[idx] + e[idx] * x[idx + 1] + se[idx] * x[idx - nR + 1] + ne[idx] * x[idx + nR + 1];
                    idx += 2;
                }
                for (; idx < row + nR - 1; idx += 2) {
                    t[idx] = f[idx] + w[idx] * x[idx - 1] + e[idx] * x[idx + 1]
                            + sw[idx] * x[idx - nR - 1] + se[idx] * x[idx - nR + 1]
                            + nw[idx] * x[idx + nR - 1] + ne[idx] * x[idx + nR + 1];
                }
            }
        }
    }
}
