package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;
import nom.tam.fits.NullDataHDU;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sky maps as FITS, in the two layouts γ-ray tools read.
 * <ul>
 * <li>HEALPix ({@link #writeHealpix}): an empty primary HDU and a binary table {@code SKYMAP} with one row per
 * pixel and one column per map, PIXTYPE = 'HEALPIX', ORDERING = 'RING', COORDSYS = 'G', NSIDE, FIRSTPIX, LASTPIX,
 * INDXSCHM = 'IMPLICIT', OBJECT = 'FULLSKY': the header healpy writes and reads ({@code healpy.read_map(f,
 * field=k)}). Columns of a map per energy are CHANNEL1, CHANNEL2, … and a table {@code ENERGIES} (column
 * {@code Energy}, MeV) gives their energies.</li>
 * <li>Plate carrée ({@link #writeCar}): a cube [energy][b][ℓ] in the primary HDU with the celestial WCS
 * GLON-CAR/GLAT-CAR (ℓ = 0 at the centre, growing leftwards; pixel centres from b = −90° to 90°) and the same
 * {@code ENERGIES} table for the third axis.</li>
 * </ul>
 * Values are 32-bit floats (7 digits; a map at nside 512 with 19 energies is then 240 MB, not 480). Every file
 * carries CREATOR (the code version), BUNIT and the header cards the caller adds.
 */
public final class SkyFits {
    private SkyFits() {}

    /** One map: its column name, unit ("" for a pure number) and one value per pixel (shared, not copied). */
    public record Column(String name, String unit, float[] values) {}

    public static void writeHealpix(Path file, int nside, List<Column> columns, double[] energiesMeV,
                                    Map<String, Object> extra) throws IOException {
        long npix = 12L * nside * nside;
        try (Fits fits = new Fits()) {
            fits.addHDU(new NullDataHDU());
            BinaryTable table = new BinaryTable();
            for (Column c : columns) {
                if (c.values().length != npix) {
                    throw new IllegalArgumentException("column " + c.name() + " has " + c.values().length
                            + " values, nside " + nside + " has " + npix + " pixels");
                }
                table.addColumn(c.values());
            }
            BinaryTableHDU hdu = table.toHDU();
            Header h = hdu.getHeader();
            for (int k = 0; k < columns.size(); k++) {
                hdu.setColumnName(k, columns.get(k).name(), null);
                h.addValue("TUNIT" + (k + 1), columns.get(k).unit(), "unit of column " + (k + 1));
            }
            h.addValue("EXTNAME", "SKYMAP", "HEALPix map(s)");
            h.addValue("PIXTYPE", "HEALPIX", "HEALPix pixelisation");
            h.addValue("ORDERING", "RING", "pixel ordering scheme");
            h.addValue("COORDSYS", "G", "Galactic coordinates");
            h.addValue("EQUINOX", 2000.0, "");
            h.addValue("NSIDE", nside, "resolution parameter");
            h.addValue("FIRSTPIX", 0, "first pixel number (0-based)");
            h.addValue("LASTPIX", npix - 1, "last pixel number (0-based)");
            h.addValue("INDXSCHM", "IMPLICIT", "the row number is the pixel number");
            h.addValue("OBJECT", "FULLSKY", "");
            finish(fits, hdu, columns.get(0).unit(), energiesMeV, extra, file);
        } catch (FitsException e) {
            throw new IOException("cannot write FITS " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A plate carrée cube: planes[e][iy·nLon + ix] with ix = 0 at ℓ = 180° − step/2 … growing towards smaller ℓ,
     * iy = 0 at b = −90°.
     */
    public static void writeCar(Path file, int nLon, int nLat, double stepDeg, float[][] planes, String unit,
                                double[] energiesMeV, Map<String, Object> extra) throws IOException {
        float[][][] cube = new float[planes.length][nLat][nLon];
        for (int e = 0; e < planes.length; e++) {
            for (int iy = 0; iy < nLat; iy++) {
                System.arraycopy(planes[e], iy * nLon, cube[e][iy], 0, nLon);
            }
        }
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(planes.length == 1 ? cube[0] : cube);
            Header h = hdu.getHeader();
            h.addValue("CTYPE1", "GLON-CAR", "Galactic longitude, plate carree");
            h.addValue("CUNIT1", "deg", "");
            h.addValue("CRPIX1", (nLon + 1) / 2.0, "reference pixel: l = 0");
            h.addValue("CRVAL1", 0.0, "");
            h.addValue("CDELT1", -stepDeg, "l grows to the left");
            h.addValue("CTYPE2", "GLAT-CAR", "Galactic latitude, plate carree");
            h.addValue("CUNIT2", "deg", "");
            h.addValue("CRPIX2", (nLat + 1) / 2.0, "reference pixel: b = 0");
            h.addValue("CRVAL2", 0.0, "");
            h.addValue("CDELT2", stepDeg, "");
            if (planes.length > 1) {
                h.addValue("CTYPE3", "PLANE", "energy index; see the ENERGIES table");
                h.addValue("CRPIX3", 1.0, "");
                h.addValue("CRVAL3", 1.0, "");
                h.addValue("CDELT3", 1.0, "");
            }
            finish(fits, hdu, unit, energiesMeV, extra, file);
        } catch (FitsException e) {
            throw new IOException("cannot write FITS " + file + ": " + e.getMessage(), e);
        }
    }

    /** The cards every sky map carries, then the map's HDU, the ENERGIES table when given, and the file. */
    private static void finish(Fits fits, BasicHDU<?> hdu, String unit, double[] energiesMeV,
                               Map<String, Object> extra, Path file) throws FitsException, IOException {
        common(hdu.getHeader(), unit, extra);
        fits.addHDU(hdu);
        if (energiesMeV != null) {
            fits.addHDU(energies(energiesMeV));
        }
        fits.write(file.toFile());
    }

    private static void common(Header h, String unit, Map<String, Object> extra) throws HeaderCardException {
        h.addValue("BUNIT", unit, "unit of the values");
        h.addValue("CREATOR", Version.get(), "code version");
        FitsCards.addAll(h, extra);
    }

    private static BinaryTableHDU energies(double[] energiesMeV) throws FitsException {
        BinaryTable t = new BinaryTable();
        t.addColumn(energiesMeV.clone());
        BinaryTableHDU hdu = t.toHDU();
        hdu.setColumnName(0, "Energy", "photon energy of each map");
        Header h = hdu.getHeader();
        h.addValue("TUNIT1", "MeV", "");
        h.addValue("EXTNAME", "ENERGIES", "photon energies of the maps");
        h.addValue("CREATOR", Version.get(), "code version");
        return hdu;
    }
}
