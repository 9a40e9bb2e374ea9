package org.anisocr.analysis.gamma;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DRAGON2 file read with the formulas of HERMES's reader (cosmicrays/hermes src/cosmicrays/Dragon2D.cpp, commit
 * dc9d67870eca15746bd0f0455983e8cfe5ed266e: readEnergyAxis, readSpatialGrid2D, readDensity2D), written here from
 * what that code does, independently of anisocr's writer:
 * <ul>
 * <li>keys of the first HDU: Ekmin, dimE, Ekin_fac → E_i = 1 GeV · exp(ln Ekmin + i ln Ekin_fac); rmin, rmax, zmin,
 * zmax [kpc], dimr, dimz → Δr = (rmax − rmin)/(dimr − 1), Δz = (zmax − zmin)/(dimz − 1);</li>
 * <li>every following HDU: an image (else skipped with a warning) with integer keys Z_ and A; dimE·dimr·dimz floats,
 * value (iE, ir, iz) at (iz·dimr + ir)·dimE + iE, times 4π/(c · 1 GeV) → density per unit kinetic energy.</li>
 * </ul>
 * The densities here stay per GeV per m³ (HERMES's SI value is this over 1.602e-10 J/GeV).
 */
final class HermesDragon2DRead {
    static final double C_M_PER_S = 299_792_458.0;

    double rmin;
    double rmax;
    double zmin;
    double zmax;
    int dimr;
    int dimz;
    int dimE;
    double[] ekGeV;
    /** "Z,A" → the raw float values, as the reader's readImageAsFloat returns them. */
    final Map<String, float[]> species = new LinkedHashMap<>();
    /** The HDUs after the first that were not images (the reader warns and skips them). */
    final List<String> notImages = new ArrayList<>();
    int hduCount;

    static HermesDragon2DRead read(byte[] file) throws IOException {
        HermesDragon2DRead r = new HermesDragon2DRead();
        try (Fits fits = new Fits(new ByteArrayInputStream(file))) {
            BasicHDU<?>[] hdus = fits.read();
            r.hduCount = hdus.length;
            Header h = hdus[0].getHeader();
            double ekMin = h.getDoubleValue(key("Ekmin"));
            r.dimE = h.getIntValue(key("dimE"));
            double fac = h.getDoubleValue(key("Ekin_fac"));
            r.ekGeV = new double[r.dimE];
            for (int i = 0; i < r.dimE; i++) {
                r.ekGeV[i] = Math.exp(Math.log(ekMin) + i * Math.log(fac));
            }
            r.rmin = h.getDoubleValue(key("rmin"));
            r.rmax = h.getDoubleValue(key("rmax"));
            r.zmin = h.getDoubleValue(key("zmin"));
            r.zmax = h.getDoubleValue(key("zmax"));
            r.dimr = h.getIntValue(key("dimr"));
            r.dimz = h.getIntValue(key("dimz"));
            for (int k = 1; k < hdus.length; k++) {
                if (!(hdus[k] instanceof ImageHDU image)) {
                    r.notImages.add(hdus[k].getClass().getSimpleName());
                    continue;
                }
                int z = image.getHeader().getIntValue(key("Z_"));
                int a = image.getHeader().getIntValue(key("A"));
                r.species.put(z + "," + a, flatten(image.getKernel(), r.dimE * r.dimr * r.dimz));
            }
        }
        return r;
    }

    /** The reader asks cfitsio for "Ekmin", "dimE", …: cfitsio matches keys in any case, nom-tam does not. */
    private static String key(String asTheReaderSpellsIt) {
        return asTheReaderSpellsIt.toUpperCase(Locale.ROOT);
    }

    /** The image's values in file order (axis 1 fastest), as floats. */
    private static float[] flatten(Object kernel, int n) {
        float[][][] cube = (float[][][]) kernel;
        float[] flat = new float[n];
        int q = 0;
        for (float[][] plane : cube) {
            for (float[] row : plane) {
                for (float v : row) {
                    flat[q++] = v;
                }
            }
        }
        return flat;
    }

    double r(int ir) { return rmin + ir * (rmax - rmin) / (dimr - 1); }

    double z(int iz) { return zmin + iz * (zmax - zmin) / (dimz - 1); }

    /** dN/dE_k [GeV⁻¹ m⁻³] of species (Z, A) at node (iE, ir, iz). */
    double densityPerGeVM3(int z, int a, int iE, int ir, int iz) {
        return 4 * Math.PI / C_M_PER_S * species.get(z + "," + a)[(iz * dimr + ir) * dimE + iE];
    }
}
