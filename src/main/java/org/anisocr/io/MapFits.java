package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.anisocr.grid.SpatialGrid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A stack of named (R, z) maps (or maps on any two linear axes, {@link PlaneAxes}) as one FITS cube [plane][z][R]
 * (FITS axis 1 = R, axis 2 = z, axis 3 = plane), with the linear axis keywords CRPIX/CRVAL/CDELT/CTYPE/CUNIT for R
 * and z and PLANEn naming each plane.
 * Kept separate from the solver's N(p, z, R) cube writer because the third axis here is a list, not log p.
 */
public final class MapFits {
    private MapFits() {}

    /**
     * One map; {@code unit} is a FITS unit string ("" for a pure number): PUNITn, and BUNIT when all agree. The
     * values (one per grid node) are shared, not copied: the caller hands over a map it no longer writes.
     */
    public record Plane(String name, String unit, double[] values) {}

    public static void write(Path file, SpatialGrid grid, List<Plane> planes, Map<String, Object> header)
            throws IOException {
        write(file, PlaneAxes.of(grid), planes, header);
    }

    /** Maps on any two linear axes (a 2D grid, or a plane or slice of a 3D one). */
    public static void write(Path file, PlaneAxes axes, List<Plane> planes, Map<String, Object> header)
            throws IOException {
        int nR = axes.nX();
        int nZ = axes.nY();
        double[][][] cube = new double[planes.size()][nZ][nR];
        for (int m = 0; m < planes.size(); m++) {
            double[] v = planes.get(m).values();
            if (v.length != axes.size()) {
                throw new IllegalArgumentException(
                        "plane " + planes.get(m).name() + " has " + v.length + " values, grid has " + axes.size());
            }
            for (int j = 0; j < nZ; j++) {
                System.arraycopy(v, j * nR, cube[m][j], 0, nR);
            }
        }
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(cube);
            Header h = hdu.getHeader();
            h.addValue("CREATOR", Version.get(), "code version and git commit");
            h.addValue("CTYPE1", axes.xType(), axes.xComment());
            h.addValue("CUNIT1", "kpc", "");
            h.addValue("CRPIX1", 1, "");
            h.addValue("CRVAL1", axes.x0Kpc(), "");
            h.addValue("CDELT1", axes.dxKpc(), "");
            h.addValue("CTYPE2", axes.yType(), axes.yComment());
            h.addValue("CUNIT2", "kpc", "");
            h.addValue("CRPIX2", 1, "");
            h.addValue("CRVAL2", axes.y0Kpc(), "");
            h.addValue("CDELT2", axes.dyKpc(), "");
            h.addValue("CTYPE3", "PLANE", "see PLANEn / PUNITn");
            String unit = commonUnit(planes);
            if (unit != null) {
                h.addValue("BUNIT", unit, "unit of every plane (FITS units)");
            }
            for (int m = 0; m < planes.size(); m++) {
                h.addValue("PLANE" + (m + 1), planes.get(m).name(), "");
                h.addValue("PUNIT" + (m + 1), planes.get(m).unit(), "");
            }
            FitsCards.addAll(h, header);
            fits.addHDU(hdu);
            fits.write(file.toFile());
        } catch (FitsException e) {
            throw new IOException("writing " + file + ": " + e.getMessage(), e);
        }
    }

    /** The unit all planes share, or null when they differ (each plane's PUNITn then says it). */
    private static String commonUnit(List<Plane> planes) {
        String unit = planes.isEmpty() ? null : planes.get(0).unit();
        for (Plane p : planes) {
            if (!p.unit().equals(unit)) {
                return null;
            }
        }
        return unit;
    }
}
