package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;

import java.io.IOException;
import java.nio.file.Path;

/**
 * FITS images on the (R, z) grid: a cube N[p][z][R] (axis 1 = R, 2 = z, 3 = log10 p) or a plane [z][R],
 * with WCS axis keywords, the code version and the full model config as HISTORY cards ({@link ConfigHistory}).
 */
public final class FitsCubeWriter {
    private FitsCubeWriter() {}

    /**
     * N has no physical unit: its scale is the source's, which the model leaves free, or the one a normalisation
     * fixes. BUNIT is therefore the FITS (and astropy) spelling of a pure number, an empty string, and NORM says
     * what the number is relative to.
     */
    public static final String RELATIVE_UNIT = "";

    /**
     * cube[k][j·NR + i] → FITS cube.
     *
     * @param normalisation what N is relative to, in words for the NORM keyword (at most 68 characters):
     *                      "arbitrary", or the value fixed at a point
     */
    public static void writeCube(Path file, SpatialGrid g, MomentumGrid m, double[][] cube, String normalisation,
                                 String configText) throws IOException {
        double[][][] data = new double[cube.length][g.nZ()][g.nR()];
        for (int k = 0; k < cube.length; k++) {
            for (int j = 0; j < g.nZ(); j++) {
                System.arraycopy(cube[k], g.index(0, j), data[k][j], 0, g.nR());
            }
        }
        write(file, data, g, m, normalisation, configText);
    }

    /** Bytes of the float32 data of {@link #writeCube3D} (without the header): what {@code --full-cube} will write. */
    public static long cube3DBytes(CartesianGrid3D g, MomentumGrid m) {
        return 4L * g.size() * m.count();
    }

    /**
     * The full 3D density as float32 N[p][z][y][x] (axes 1–3 = X, Y, Z in kpc, 4 = log10 p), with the same BUNIT,
     * NORM, CREATOR and HISTORY cards as the 2D cube. Single precision: the cube is for looking at (N has ≥ 1e-10
     * relative solver error anyway) and half the size; the exact doubles stay in memory for the other products.
     */
    public static void writeCube3D(Path file, CartesianGrid3D g, MomentumGrid m, double[][] cube, String normalisation,
                                   String configText) throws IOException {
        float[][][][] data = new float[cube.length][g.nZ()][g.nY()][g.nX()];
        for (int k = 0; k < cube.length; k++) {
            for (int z = 0; z < g.nZ(); z++) {
                for (int y = 0; y < g.nY(); y++) {
                    int at = g.index(0, y, z);
                    float[] row = data[k][z][y];
                    for (int x = 0; x < g.nX(); x++) {
                        row[x] = (float) cube[k][at + x];
                    }
                }
            }
        }
        write(file, data, h -> {
            axis(h, 1, "X", "kpc", g.xKpc(0), g.dxKpc());
            axis(h, 2, "Y", "kpc", g.yKpc(0), g.dyKpc());
            axis(h, 3, "Z", "kpc", g.zKpc(0), g.dzKpc());
            axis(h, 4, "LOG10P", null, Math.log10(m.pMinGeV()), m.log10Step());
        }, "cartesian3d", "Galactocentric x, y, z; Sun at x < 0", normalisation, configText);
    }

    /** Adds a cube's axis keywords to its header. */
    @FunctionalInterface
    private interface Axes {
        void addTo(Header h) throws HeaderCardException;
    }

    private static void write(Path file, Object data, SpatialGrid g, MomentumGrid m, String normalisation,
                              String configText)
            throws IOException {
        write(file, data, h -> {
            axis(h, 1, g.geometry().name().equals("CARTESIAN") ? "X" : "R", "kpc", 0, g.dR());
            axis(h, 2, "Z", "kpc", -g.halfHeightKpc(), g.dz());
            // log10 p on a linear axis: CUNIT3 is left out (FITS units name physical units; "log10(GeV)" is none)
            if (m != null) {
                axis(h, 3, "LOG10P", null, Math.log10(m.pMinGeV()), m.log10Step());
            }
        }, g.geometry().key(), "coordinate system", normalisation, configText);
    }

    /** One HDU: the axes, then BUNIT, NORM, GEOMETRY, CREATOR and the model file as HISTORY cards. */
    private static void write(Path file, Object data, Axes axes, String geometry, String geometryComment,
                              String normalisation, String configText) throws IOException {
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(data);
            Header h = hdu.getHeader();
            axes.addTo(h);
            h.addValue("BUNIT", RELATIVE_UNIT, "N is a pure number: relative, see NORM");
            h.addValue("NORM", normalisation, "N normalisation: arbitrary, or fixed at R_sun");
            h.addValue("GEOMETRY", geometry, geometryComment);
            h.addValue("CREATOR", Version.get(), "code version");
            if (configText != null) {
                for (String card : ConfigHistory.cards(configText)) {
                    h.insertHistory(card);
                }
            }
            fits.addHDU(hdu);
            fits.write(file.toFile());
        } catch (FitsException e) {
            throw new IOException("cannot write FITS " + file + ": " + e.getMessage(), e);
        }
    }

    private static void axis(Header h, int n, String type, String unit, double first, double step)
            throws HeaderCardException {
        h.addValue("CTYPE" + n, type, "axis " + n);
        if (unit != null) {
            h.addValue("CUNIT" + n, unit, "unit of axis " + n);
        }
        h.addValue("CRPIX" + n, 1.0, "reference pixel");
        h.addValue("CRVAL" + n, first, "value at reference pixel");
        h.addValue("CDELT" + n, step, "step");
    }
}
