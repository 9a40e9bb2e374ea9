package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads back the density cube {@link FitsCubeWriter#writeCube} wrote (a run's N.fits), and a 3D run's
 * ({@link #read3D}): the grid from the WCS keys
 * (axis 1 = R or x from 0 with step CDELT1, axis 2 = z from CRVAL2 = −half height, axis 3 = log10 p) and GEOMETRY,
 * the density as cube[k][j·NR + i]. The grid comes from the file, not from its model file, because a grid study
 * writes refined grids under an unchanged model file.
 */
public final class FitsCubeReader {
    private FitsCubeReader() {}

    /** A run's density on its grid; the density array is shared, not copied: the caller owns it once read. */
    public record Cube(SpatialGrid grid, MomentumGrid momenta, double[][] density) {}

    /** The cube in {@code file}; an IOException says what is missing or not a 2D run's N.fits. */
    public static Cube read(Path file) throws IOException {
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.readHDU();
            if (hdu == null) {
                throw new IOException(file + ": no primary HDU");
            }
            Header h = hdu.getHeader();
            if (!(hdu.getKernel() instanceof double[][][] data) || data.length == 0) {
                throw new IOException(file + ": not a 2D run's N.fits (expected a 3-axis cube N[p][z][R] of doubles, "
                        + "NAXIS = " + h.getIntValue("NAXIS") + ")");
            }
            Geometry geometry = geometry(h, file);
            int nP = data.length;
            int nZ = data[0].length;
            int nR = data[0][0].length;
            double dR = require(h, "CDELT1", file);
            double zMin = require(h, "CRVAL2", file);
            SpatialGrid grid = new SpatialGrid(geometry, modelDigits(dR * (nR - 1)), -zMin, nR, nZ);
            MomentumGrid momenta = momenta(h, 3, nP, file);
            double[][] density = new double[nP][grid.size()];
            for (int k = 0; k < nP; k++) {
                for (int j = 0; j < nZ; j++) {
                    System.arraycopy(data[k][j], 0, density[k], grid.index(0, j), nR);
                }
            }
            return new Cube(grid, momenta, density);
        } catch (FitsException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A 3D run's density on its grid (node = {@link CartesianGrid3D#index}); shared, not copied. */
    public record Cube3D(CartesianGrid3D grid, MomentumGrid momenta, double[][] density) {}

    /**
     * The float32 cube {@link FitsCubeWriter#writeCube3D} wrote ({@code run --full-cube}): N[p][z][y][x] with axes
     * 1–3 = x, y, z from CRVAL = −R_max, −R_max, −H, axis 4 = log10 p. The file does not say whether the nodes
     * beyond R_max were held at zero, so the caller gives it (its model file's [grid] cylinder).
     */
    public static Cube3D read3D(Path file, boolean cylindricalBoundary) throws IOException {
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.readHDU();
            if (hdu == null) {
                throw new IOException(file + ": no primary HDU");
            }
            Header h = hdu.getHeader();
            if (!(hdu.getKernel() instanceof float[][][][] data) || data.length == 0
                    || !"cartesian3d".equals(h.getStringValue("GEOMETRY"))) {
                throw new IOException(file + ": not a 3D run's N.fits (expected GEOMETRY = cartesian3d and a 4-axis"
                        + " float cube N[p][z][y][x], NAXIS = " + h.getIntValue("NAXIS") + ")");
            }
            int nP = data.length;
            int nZ = data[0].length;
            int nY = data[0][0].length;
            int nX = data[0][0][0].length;
            CartesianGrid3D grid = new CartesianGrid3D(modelDigits(-require(h, "CRVAL1", file)),
                    modelDigits(-require(h, "CRVAL3", file)), nX, nY, nZ, cylindricalBoundary);
            MomentumGrid momenta = momenta(h, 4, nP, file);
            double[][] density = new double[nP][grid.size()];
            for (int k = 0; k < nP; k++) {
                for (int z = 0; z < nZ; z++) {
                    for (int y = 0; y < nY; y++) {
                        float[] row = data[k][z][y];
                        int at = grid.index(0, y, z);
                        for (int x = 0; x < nX; x++) {
                            density[k][at + x] = row[x];
                        }
                    }
                }
            }
            return new Cube3D(grid, momenta, density);
        } catch (FitsException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * r_max and p_min, p_max come back through a step or a logarithm, a few units in the last place off; a model file
     * gives them with far fewer than 12 significant digits, so rounding to 12 recovers its numbers exactly.
     */
    private static double modelDigits(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
    }

    private static Geometry geometry(Header h, Path file) throws IOException {
        String g = h.getStringValue("GEOMETRY");
        for (Geometry candidate : Geometry.values()) {
            if (candidate.key().equals(g == null ? null : g.trim().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IOException(file + ": GEOMETRY = " + g + " is not a 2D geometry (cylindrical or cartesian)");
    }

    /** The momentum grid on FITS axis {@code axis} (log10 p from CRVAL, step CDELT) with {@code nP} planes. */
    private static MomentumGrid momenta(Header h, int axis, int nP, Path file) throws IOException {
        double log10PMin = require(h, "CRVAL" + axis, file);
        double log10Step = require(h, "CDELT" + axis, file);
        double pMin = modelDigits(Math.pow(10, log10PMin));
        return new MomentumGrid(pMin,
                nP == 1 ? pMin : modelDigits(Math.pow(10, log10PMin + (nP - 1) * log10Step)), nP);
    }

    private static double require(Header h, String key, Path file) throws IOException {
        if (!h.containsKey(key)) {
            throw new IOException(file + ": no " + key + " keyword (not an N.fits anisocr wrote)");
        }
        return h.getDoubleValue(key);
    }
}
