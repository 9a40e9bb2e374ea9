package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.anisocr.gas.GasTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a user's gas table: the primary HDU a cube [plane][z][R] (FITS axis 1 = R, axis 2 = z, axis 3 = plane;
 * 32- or 64-bit floats) with linear axes CRPIXn/CRVALn/CDELTn in kpc, and planes named by PLANEn = "HI", "H2"
 * (molecules) and "HII", densities in cm⁻³ — the layout of {@link MapFits}, so a map anisocr writes can be read
 * back. A missing species is an error, not a zero: the file says what gas it holds.
 */
public final class GasTableFits {
    private GasTableFits() {}

    /** The gas table in {@code file}; an IOException names what is missing or malformed. */
    public static GasTable read(Path file) throws IOException {
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.getHDU(0);
            if (hdu == null) {
                throw new IOException(file + ": no primary HDU");
            }
            Header h = hdu.getHeader();
            double[][][] cube = asDoubles(hdu.getKernel(), file);
            int planes = cube.length;
            int nZ = cube[0].length;
            int nR = cube[0][0].length;
            double[] r = axis(h, 1, nR, file);
            double[] z = axis(h, 2, nZ, file);
            double[][] species = new double[3][];
            String[] names = {"HI", "H2", "HII"};
            for (int m = 0; m < planes; m++) {
                String name = h.getStringValue("PLANE" + (m + 1));
                for (int s = 0; s < names.length; s++) {
                    if (name != null && name.trim().toUpperCase(Locale.ROOT).equals(names[s])) {
                        species[s] = flatten(cube[m], nR, nZ);
                    }
                }
            }
            for (int s = 0; s < names.length; s++) {
                if (species[s] == null) {
                    throw new IOException(file + ": no plane named " + names[s] + " (PLANEn keywords)");
                }
            }
            return new GasTable(r, z, species[0], species[1], species[2]);
        } catch (FitsException e) {
            throw new IOException("reading gas table " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("gas table " + file + ": " + e.getMessage(), e);
        }
    }

    private static double[][][] asDoubles(Object kernel, Path file) throws IOException {
        if (kernel instanceof double[][][] d) {
            return d;
        }
        if (kernel instanceof float[][][] f) {
            double[][][] d = new double[f.length][][];
            for (int m = 0; m < f.length; m++) {
                d[m] = new double[f[m].length][];
                for (int j = 0; j < f[m].length; j++) {
                    d[m][j] = new double[f[m][j].length];
                    for (int i = 0; i < f[m][j].length; i++) {
                        d[m][j][i] = f[m][j][i];
                    }
                }
            }
            return d;
        }
        throw new IOException(file + ": the primary HDU must be a 3-axis float or double cube [plane][z][R]");
    }

    private static double[] axis(Header h, int n, int count, Path file) throws IOException {
        if (!h.containsKey("CRVAL" + n) || !h.containsKey("CDELT" + n)) {
            throw new IOException(file + ": axis " + n + " needs CRVAL" + n + " and CDELT" + n + " (kpc)");
        }
        double crpix = h.getDoubleValue("CRPIX" + n, 1.0);
        double crval = h.getDoubleValue("CRVAL" + n);
        double cdelt = h.getDoubleValue("CDELT" + n);
        double[] x = new double[count];
        for (int k = 0; k < count; k++) {
            x[k] = crval + (k + 1 - crpix) * cdelt;
        }
        return x;
    }

    private static double[] flatten(double[][] plane, int nR, int nZ) {
        double[] v = new double[nR * nZ];
        for (int j = 0; j < nZ; j++) {
            System.arraycopy(plane[j], 0, v, j * nR, nR);
        }
        return v;
    }
}
