package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;
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

    private static void write(Path file, Object data, SpatialGrid g, MomentumGrid m, String normalisation,
                              String configText)
            throws IOException {
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(data);
            Header h = hdu.getHeader();
            axis(h, 1, g.geometry().name().equals("CARTESIAN") ? "X" : "R", "kpc", 0, g.dR());
            axis(h, 2, "Z", "kpc", -g.halfHeightKpc(), g.dz());
            // log10 p on a linear axis: CUNIT3 is left out (FITS units name physical units; "log10(GeV)" is none)
            if (m != null) {
                axis(h, 3, "LOG10P", null, Math.log10(m.pMinGeV()), m.log10Step());
            }
            h.addValue("BUNIT", RELATIVE_UNIT, "N is a pure number: relative, see NORM");
            h.addValue("NORM", normalisation, "N normalisation: arbitrary, or fixed at R_sun");
            h.addValue("GEOMETRY", g.geometry().key(), "coordinate system");
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
