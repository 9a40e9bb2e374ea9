package org.anisocr.cli;

import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What every sky_intensity.fits table must say for healpy to read it (io.SkyFits), 2D or 3D run alike. */
final class HealpixAssertions {
    private HealpixAssertions() { }

    /** The SKYMAP table of an intensity map at {@code nside}: HEALPix RING, Galactic, 12 nside² rows, BUNIT. */
    static void assertIntensityTable(BinaryTableHDU t, int nside) {
        int npix = 12 * nside * nside;
        Header h = t.getHeader();
        assertEquals("HEALPIX", h.getStringValue("PIXTYPE"));
        assertEquals("RING", h.getStringValue("ORDERING"));
        assertEquals("G", h.getStringValue("COORDSYS"));
        assertEquals(nside, h.getIntValue("NSIDE"));
        assertEquals(npix - 1, h.getIntValue("LASTPIX"));
        assertEquals("cm-2 s-1 sr-1 MeV-1", h.getStringValue("BUNIT"));
        assertFalse(h.getStringValue("CREATOR").isEmpty());
        assertEquals(npix, t.getNRows());
    }
}
