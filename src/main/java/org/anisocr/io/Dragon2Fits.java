package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.NullDataHDU;
import nom.tam.util.FitsOutputStream;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A 2D cosmic-ray density in the layout DRAGON2 writes and HERMES's {@code Dragon2D} reader reads (the facts, not
 * their code, from cosmicrays/DRAGON2-Beta_version dragon.cc {@code DRAGON::Print} and particle.cc
 * {@code TParticle2D::Print}, commit cd588707fe03c76f19bda1b8092e136dcbe3fe90; cosmicrays/hermes
 * src/cosmicrays/Dragon2D.cpp, commit dc9d67870eca15746bd0f0455983e8cfe5ed266e):
 * <ul>
 * <li>the primary HDU is header only: RMIN, RMAX, ZMIN, ZMAX [kpc], DIMR, DIMZ, DIME (integers), EKMIN [GeV,
 * kinetic energy per nucleon], EKIN_FAC, from which the reader builds r_i = rmin + i (rmax − rmin)/(dimr − 1),
 * z_j likewise, and E_k = exp(ln Ekmin + k ln Ekin_fac), k = 0 … dimE − 1. DRAGON2 gives its primary HDU the
 * species' axes but never writes its data; HERMES reads only its keys, so here it has none (NAXIS = 0);</li>
 * <li>one 32-bit float image per species (DRAGON2's FLOAT_IMG), NAXIS1 = E (fastest), NAXIS2 = R, NAXIS3 = z, so
 * value (k, i, j) is element (j·dimr + i)·dimE + k, with the integer keys Z_ and A (HERMES selects a species by
 * them) and DRAGON2's flags SEC, DM, EXTRA, TPP (0: a primary, ordinary species);</li>
 * <li>values c/(4π)·dN/dE_k in GeV⁻¹ m⁻² s⁻¹ sr⁻¹: HERMES multiplies them by 4π/(c·1 GeV) to get the density per
 * unit kinetic energy;</li>
 * <li>nothing after the species: HERMES steps through every HDU after the first and expects each to be an image.</li>
 * </ul>
 * FITS keys are upper case; cfitsio (DRAGON2's writer and HERMES's reader) matches them without regard to case, as
 * do astropy and nom-tam-fits. CTYPE/CRVAL/CDELT on the species HDU describe the same axes for other readers.
 */
public final class Dragon2Fits {
    private Dragon2Fits() {}

    /** The unit of the values, FITS spelling (astropy parses it). */
    public static final String FLUX_UNIT = "GeV-1 m-2 s-1 sr-1";

    /**
     * The kinetic-energy axis as the reader builds it from EKMIN, EKIN_FAC and DIME.
     *
     * @param ekMinGeV     E_k of the first bin [GeV per nucleon]
     * @param ekinFactor   ratio of neighbouring energies (> 1)
     * @param count        number of energies (≥ 2)
     */
    public record EnergyAxis(double ekMinGeV, double ekinFactor, int count) {
        public EnergyAxis {
            if (!(ekMinGeV > 0) || !(ekinFactor > 1) || count < 2) {
                throw new IllegalArgumentException("energy axis needs Ekmin > 0, Ekin_fac > 1 and ≥ 2 energies, got "
                        + ekMinGeV + ", " + ekinFactor + ", " + count);
            }
        }

        /** E_k of bin k, computed as the reader computes it: exp(ln Ekmin + k ln Ekin_fac). */
        public double ekGeV(int k) {
            return Math.exp(Math.log(ekMinGeV) + k * Math.log(ekinFactor));
        }
    }

    /** One species' image, its charge and mass number. The values [z][R][E] are shared, not copied. */
    public record Species(int charge, int massNumber, float[][][] valuesZre) {}

    /**
     * The file's bytes: a header-only primary HDU, then {@code species} in order.
     *
     * @param grid   the (R, z) nodes; must be cylindrical (DRAGON2's 2D grid is R ≥ 0 of an axisymmetric Galaxy)
     * @param extra  further primary keys (provenance: the normalisation, the observer), numbers or strings
     */
    public static byte[] bytes(SpatialGrid grid, EnergyAxis energy, Map<String, Object> extra, Species... species)
            throws IOException {
        if (grid.geometry() != Geometry.CYLINDRICAL) {
            throw new IllegalArgumentException("the DRAGON2 format holds a cylindrical (R, z) grid, not "
                    + grid.geometry().key());
        }
        try (Fits fits = new Fits()) {
            NullDataHDU primary = new NullDataHDU();
            // nom-tam puts the time of writing here; a fixed comment makes the file a function of the run alone
            primary.getHeader().findCard("SIMPLE").setComment("conforms to FITS standard");
            primaryKeys(primary.getHeader(), grid, energy, extra);
            fits.addHDU(primary);
            for (Species s : species) {
                fits.addHDU(image(s, grid, energy));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (FitsOutputStream out = new FitsOutputStream(bytes)) {
                fits.write(out);
            }
            return bytes.toByteArray();
        } catch (FitsException e) {
            throw new IOException("cannot build the DRAGON2 FITS file: " + e.getMessage(), e);
        }
    }

    private static void primaryKeys(Header h, SpatialGrid grid, EnergyAxis energy, Map<String, Object> extra)
            throws FitsException {
        h.addValue("RMIN", 0.0, "[kpc] first radial node");
        h.addValue("RMAX", grid.rMaxKpc(), "[kpc] last radial node");
        h.addValue("ZMIN", -grid.halfHeightKpc(), "[kpc] first vertical node");
        h.addValue("ZMAX", grid.halfHeightKpc(), "[kpc] last vertical node");
        h.addValue("DIMR", grid.nR(), "radial nodes, rmin..rmax inclusive");
        h.addValue("DIMZ", grid.nZ(), "vertical nodes, zmin..zmax inclusive");
        h.addValue("DIME", energy.count(), "kinetic energies");
        h.addValue("EKMIN", energy.ekMinGeV(), "[GeV/n] first kinetic energy per nucleon");
        h.addValue("EKMAX", energy.ekGeV(energy.count() - 1), "[GeV/n] last kinetic energy per nucleon");
        h.addValue("EKIN_FAC", energy.ekinFactor(), "E_k(k+1)/E_k(k)");
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (e.getValue() instanceof Number n) {
                h.addValue(e.getKey(), n, "");
            } else {
                h.addValue(e.getKey(), String.valueOf(e.getValue()), "");
            }
        }
        h.addValue("CREATOR", Version.get(), "code version");
    }

    private static BasicHDU<?> image(Species s, SpatialGrid grid, EnergyAxis energy) throws FitsException {
        float[][][] v = s.valuesZre();
        if (v.length != grid.nZ() || v[0].length != grid.nR() || v[0][0].length != energy.count()) {
            throw new IllegalArgumentException("species image is " + v.length + "×" + v[0].length + "×"
                    + v[0][0].length + " (z×R×E), the axes say " + grid.nZ() + "×" + grid.nR() + "×"
                    + energy.count());
        }
        BasicHDU<?> hdu = Fits.makeHDU(v);
        Header h = hdu.getHeader();
        h.addValue("Z_", s.charge(), "charge number");
        h.addValue("A", s.massNumber(), "mass number");
        h.addValue("SEC", 0, "DRAGON2 flag: not a secondary");
        h.addValue("DM", 0, "DRAGON2 flag: not from dark matter");
        h.addValue("EXTRA", 0, "DRAGON2 flag: not an extra component");
        h.addValue("TPP", 0, "DRAGON2 flag: not from pair production");
        h.addValue("BUNIT", FLUX_UNIT, "c/(4 pi) dN/dE_k");
        h.addValue("CTYPE1", "LOG10EK", "log10 of E_k [GeV/n]");
        h.addValue("CRPIX1", 1.0, "reference pixel");
        h.addValue("CRVAL1", Math.log10(energy.ekMinGeV()), "log10 Ekmin");
        h.addValue("CDELT1", Math.log10(energy.ekinFactor()), "log10 Ekin_fac");
        h.addValue("CTYPE2", "R", "Galactocentric radius");
        h.addValue("CUNIT2", "kpc", "unit of axis 2");
        h.addValue("CRPIX2", 1.0, "reference pixel");
        h.addValue("CRVAL2", 0.0, "rmin");
        h.addValue("CDELT2", grid.dR(), "(rmax - rmin)/(dimr - 1)");
        h.addValue("CTYPE3", "Z", "height above the plane");
        h.addValue("CUNIT3", "kpc", "unit of axis 3");
        h.addValue("CRPIX3", 1.0, "reference pixel");
        h.addValue("CRVAL3", -grid.halfHeightKpc(), "zmin");
        h.addValue("CDELT3", grid.dz(), "(zmax - zmin)/(dimz - 1)");
        h.addValue("CREATOR", Version.get(), "code version");
        return hdu;
    }
}
