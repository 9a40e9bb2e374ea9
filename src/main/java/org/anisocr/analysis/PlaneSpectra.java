package org.anisocr.analysis;

import org.anisocr.grid.SpatialGrid;

/**
 * N(p) in every radial cell of the plane: the node row closest to z = 0, or, for z_avg &gt; 0, the plain mean of N
 * over the rows with |z| ≤ z_avg (a density average, taken before any logarithm so that α and the integral see
 * the spectrum of the averaged population). Both the spectral-index fit and the integrated density start here.
 */
public final class PlaneSpectra {
    private PlaneSpectra() {}

    /** spectra[i][k] = N(R_i, p_k) on the plane (or averaged over |z| ≤ zAvg). density[k][j·nR + i]. */
    public static double[][] extract(SpatialGrid grid, double[][] density, double zAvgKpc) {
        int nP = density.length;
        int nR = grid.nR();
        int j0 = grid.planeIndex();
        int count = 0;
        boolean[] use = new boolean[grid.nZ()];
        for (int j = 0; j < grid.nZ(); j++) {
            use[j] = zAvgKpc > 0 ? Math.abs(grid.z(j)) <= zAvgKpc * (1 + 1e-12) : j == j0;
            if (use[j]) {
                count++;
            }
        }
        if (count == 0) { use[j0] = true; count = 1; }
        double[][] out = new double[nR][nP];
        for (int k = 0; k < nP; k++) {
            for (int j = 0; j < grid.nZ(); j++) {
                if (!use[j]) {
                    continue;
                }
                for (int i = 0; i < nR; i++) {
                    out[i][k] += density[k][grid.index(i, j)] / count;
                }
            }
        }
        return out;
    }
}
