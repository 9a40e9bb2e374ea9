package org.anisocr.solver.steady3d;

import java.util.Arrays;

/**
 * Exact solve of the coarsest level: Cholesky factorisation of its interior rows (faces are zero), banded with the
 * half-bandwidth of a 27-point stencil in x-fastest order, (nX − 2)(nY − 2) + (nX − 2) + 1. The coarsest level is
 * a few thousand nodes at most, so the factor is small; it is made once per bin.
 */
final class BandedCholesky {
    private final LevelShape g;
    private final int mx;
    private final int my;
    private final int unknowns;
    private final int band;
    /** l[q·(band + 1) + d] = L(q, q − d). */
    private final double[] l;

    BandedCholesky(LevelShape g, LevelMatrix a) {
        this.g = g;
        this.mx = g.nX - 2;
        this.my = g.nY - 2;
        this.unknowns = mx * my * (g.nZ - 2);
        this.band = mx * my + mx + 1;
        this.l = new double[unknowns * (band + 1)];
        fill(a);
        factor();
    }

    private int unknown(int i, int j, int k) {
        return ((k - 1) * my + (j - 1)) * mx + (i - 1);
    }

    /** Lower triangle of A (entries with d = q − q' ≥ 0) into the band. */
    private void fill(LevelMatrix a) {
        for (int k = 1; k < g.nZ - 1; k++) {
            for (int j = 1; j < g.nY - 1; j++) {
                for (int i = 1; i < g.nX - 1; i++) {
                    int p = g.index(i, j, k);
                    int q = unknown(i, j, k);
                    for (int s = 0; s < LevelShape.ENTRIES; s++) {
                        int ni = i + LevelShape.offsetX(s);
                        int nj = j + LevelShape.offsetY(s);
                        int nk = k + LevelShape.offsetZ(s);
                        if (ni < 1 || nj < 1 || nk < 1 || ni > mx || nj > my || nk > g.nZ - 2) {
                            continue;
                        }
                        int d = q - unknown(ni, nj, nk);
                        if (d == 0) {
                            l[q * (band + 1)] = a.diag[p];
                        } else if (d > 0) {
                            l[q * (band + 1) + d] = a.off[s * g.size + p];
                        }
                    }
                }
            }
        }
    }

    private void factor() {
        int w = band + 1;
        for (int q = 0; q < unknowns; q++) {
            int first = Math.max(0, q - band);
            for (int c = first; c <= q; c++) {
                double sum = l[q * w + (q - c)];
                int from = Math.max(first, Math.max(0, c - band));
                for (int m = from; m < c; m++) {
                    sum -= l[q * w + (q - m)] * l[c * w + (c - m)];
                }
                if (c == q) {
                    if (!(sum > 0)) {
                        throw new ArithmeticException("coarsest multigrid level not positive definite at row " + q);
                    }
                    l[q * w] = Math.sqrt(sum);
                } else {
                    l[q * w + (q - c)] = sum / l[c * w];
                }
            }
        }
    }

    /** x = A⁻¹ b on the interior (faces of x set to 0). */
    void solve(double[] b, double[] x) {
        int w = band + 1;
        double[] y = new double[unknowns];
        for (int k = 1; k < g.nZ - 1; k++) {
            for (int j = 1; j < g.nY - 1; j++) {
                for (int i = 1; i < g.nX - 1; i++) {
                    y[unknown(i, j, k)] = b[g.index(i, j, k)];
                }
            }
        }
        for (int q = 0; q < unknowns; q++) {
            double sum = y[q];
            for (int m = Math.max(0, q - band); m < q; m++) {
                sum -= l[q * w + (q - m)] * y[m];
            }
            y[q] = sum / l[q * w];
        }
        for (int q = unknowns - 1; q >= 0; q--) {
            double sum = y[q];
            for (int m = q + 1; m <= Math.min(unknowns - 1, q + band); m++) {
                sum -= l[m * w + (m - q)] * y[m];
            }
            y[q] = sum / l[q * w];
        }
        Arrays.fill(x, 0);
        for (int k = 1; k < g.nZ - 1; k++) {
            for (int j = 1; j < g.nY - 1; j++) {
                for (int i = 1; i < g.nX - 1; i++) {
                    x[g.index(i, j, k)] = y[unknown(i, j, k)];
                }
            }
        }
    }

    static long bytes(int nX, int nY, int nZ) {
        long mx = nX - 2;
        long my = nY - 2;
        return mx * my * (nZ - 2) * (mx * my + mx + 2) * Double.BYTES;
    }
}
