package org.anisocr.analysis;

import org.anisocr.config.AnalysisConfig;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.CsvColumns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The products of a 3D density N[k][index(i, j, k)] on a {@link CartesianGrid3D}: planes and slices, the spectral
 * index on the plane α(x, y), and the azimuthal average N̄(R, z) on the 2D grid of the same domain (rings of width
 * dR = Δx about R_i = i·dR), which the 2D analysis ({@link ModelAnalysis}) then reads exactly as it reads a 2D run,
 * so that α(R), the integrated density and the maps of a 3D run can be diffed with a 2D one.
 */
public final class Cartesian3DAnalysis {
    private Cartesian3DAnalysis() {}

    /** Index of the node x = 0 (y = 0): the grid has an odd node count, so it is the middle one. */
    public static int centreX(CartesianGrid3D g) { return (g.nX() - 1) / 2; }
    public static int centreY(CartesianGrid3D g) { return (g.nY() - 1) / 2; }
    public static int centreZ(CartesianGrid3D g) { return (g.nZ() - 1) / 2; }

    /**
     * N(p) at (x, 0, 0), linear in x between the nodes of the row y = 0, z = 0 (clamped to the grid): the spectrum at
     * the Sun for x = −R☉, where the normalisation and the γ-ray flux scale are fixed.
     */
    public static double[] spectrumOnXAxis(CartesianGrid3D g, double[][] density, double xKpc) {
        double at = (xKpc - g.xKpc(0)) / g.dxKpc();
        int i0 = (int) Math.max(0, Math.min(Math.floor(at), g.nX() - 2));
        double w = at - i0;
        int j = centreY(g);
        int k = centreZ(g);
        double[] n = new double[density.length];
        for (int b = 0; b < density.length; b++) {
            n[b] = (1 - w) * density[b][g.index(i0, j, k)] + w * density[b][g.index(i0 + 1, j, k)];
        }
        return n;
    }

    /** N on the plane z = 0: values[j·nX + i]. */
    public static double[] plane(CartesianGrid3D g, double[] n) {
        double[] out = new double[g.nX() * g.nY()];
        System.arraycopy(n, g.index(0, 0, centreZ(g)), out, 0, out.length);
        return out;
    }

    /** N on the vertical slice y = 0: values[k·nX + i]. */
    public static double[] sliceXz(CartesianGrid3D g, double[] n) {
        int j = centreY(g);
        double[] out = new double[g.nX() * g.nZ()];
        for (int k = 0; k < g.nZ(); k++) {
            System.arraycopy(n, g.index(0, j, k), out, k * g.nX(), g.nX());
        }
        return out;
    }

    /** N on the vertical slice x = 0: values[k·nY + j]. */
    public static double[] sliceYz(CartesianGrid3D g, double[] n) {
        int i = centreX(g);
        double[] out = new double[g.nY() * g.nZ()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                out[k * g.nY() + j] = n[g.index(i, j, k)];
            }
        }
        return out;
    }

    /**
     * α(x, y): the least-squares index over the fit window of the spectrum in each column (the plane node, or for
     * z_avg &gt; 0 the plain mean over |z| ≤ z_avg, as {@link PlaneSpectra} takes it); NaN where N ≤ 0 (the
     * boundary). values[j·nX + i].
     */
    public static double[] alphaPlane(CartesianGrid3D g, MomentumGrid m, double[][] density, AnalysisConfig cfg) {
        double[] p = m.values();
        int[] window = SpectralIndexFit.window(p, cfg.pFitMinGeV(), cfg.pFitMaxGeV());
        boolean[] rows = rows(g, cfg.zAvgKpc());
        int count = 0;
        for (boolean r : rows) {
            count += r ? 1 : 0;
        }
        double[] alpha = new double[g.nX() * g.nY()];
        double[] spectrum = new double[p.length];
        for (int j = 0; j < g.nY(); j++) {
            for (int i = 0; i < g.nX(); i++) {
                for (int k : window) {
                    double sum = 0;
                    for (int z = 0; z < g.nZ(); z++) {
                        if (rows[z]) {
                            sum += density[k][g.index(i, j, z)] / count;
                        }
                    }
                    spectrum[k] = sum;
                }
                alpha[j * g.nX() + i] = SpectralIndexFit.alpha(p, spectrum, window);
            }
        }
        return alpha;
    }

    /** The z rows a column spectrum averages: the plane, or |z| ≤ z_avg. */
    private static boolean[] rows(CartesianGrid3D g, double zAvgKpc) {
        boolean[] use = new boolean[g.nZ()];
        for (int k = 0; k < g.nZ(); k++) {
            use[k] = zAvgKpc > 0 ? Math.abs(g.zKpc(k)) <= zAvgKpc * (1 + 1e-12) : k == centreZ(g);
        }
        return use;
    }

    /**
     * The azimuthal average N̄(R_i, z) on {@code rings} (dR = Δx, the z nodes of the 3D grid): the plain mean of N over
     * the nodes with round(√(x² + y²)/dR) = i, at every height; nodes beyond the last ring are left out.
     * density2d[k][j·nR + i], as a 2D run stores N.
     */
    public static double[][] azimuthalAverage(CartesianGrid3D g, SpatialGrid rings, double[][] density) {
        int nR = rings.nR();
        int[] ring = new int[g.nX() * g.nY()];
        int[] members = new int[nR];
        for (int j = 0; j < g.nY(); j++) {
            for (int i = 0; i < g.nX(); i++) {
                double r = Math.hypot(g.xKpc(i), g.yKpc(j));
                int q = (int) Math.round(r / rings.dR());
                ring[j * g.nX() + i] = q < nR ? q : -1;
                if (q < nR) {
                    members[q]++;
                }
            }
        }
        double[][] out = new double[density.length][rings.size()];
        for (int k = 0; k < density.length; k++) {
            for (int z = 0; z < g.nZ(); z++) {
                int row = z * nR;
                int base = g.index(0, 0, z);
                for (int c = 0; c < ring.length; c++) {
                    if (ring[c] >= 0) {
                        out[k][row + ring[c]] += density[k][base + c];
                    }
                }
                for (int q = 0; q < nR; q++) {
                    out[k][row + q] /= members[q];
                }
            }
        }
        return out;
    }

    /** N_R.csv: R_kpc, then N̄(R) on the plane for each momentum of the fit window (N_p&lt;p&gt;GeV). */
    public static void writeRingDensity(Path file, SpatialGrid rings, MomentumGrid m, double[][] average,
                                        AnalysisConfig cfg) throws IOException {
        int[] window = SpectralIndexFit.window(m.values(), cfg.pFitMinGeV(), cfg.pFitMaxGeV());
        double[][] spectra = PlaneSpectra.extract(rings, average, cfg.zAvgKpc());
        String[] header = new String[window.length + 1];
        double[][] columns = new double[window.length + 1][rings.nR()];
        header[0] = "R_kpc";
        for (int i = 0; i < rings.nR(); i++) {
            columns[0][i] = rings.r(i);
        }
        for (int w = 0; w < window.length; w++) {
            header[w + 1] = String.format(Locale.ROOT, "N_p%.4gGeV", m.p(window[w]));
            for (int i = 0; i < rings.nR(); i++) {
                columns[w + 1][i] = spectra[i][window[w]];
            }
        }
        CsvColumns.write(file, header, columns);
    }
}
