package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished run's density read back from its N.fits ({@link FitsCubeWriter}): N[p][z·nR + R] and the model file
 * the HISTORY cards carry, which is all a product computed after the run (a γ-ray sky) needs.
 *
 * @param density    N[k][node], node = j·nR + i as {@code grid.SpatialGrid#index}; shared, not copied (the whole
 *                   cube, read once)
 * @param configText the model file, byte for byte as the run read it
 */
public record DensityCube(int nR, int nZ, int nP, double[][] density, String configText) {

    /** Reads {@code runDir}/N.fits; an IOException names what is missing or malformed. */
    public static DensityCube read(Path runDir) throws IOException {
        Path file = runDir.resolve("N.fits");
        if (!Files.isRegularFile(file)) {
            throw new IOException(runDir + " holds no N.fits: not a finished anisocr run folder");
        }
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.getHDU(0);
            if (hdu == null || !(hdu.getKernel() instanceof double[][][] cube)) {
                throw new IOException(file + " is not an anisocr density cube (a 3-axis double image N[p][z][R])");
            }
            String text = ConfigHistory.fromHistory(hdu.getHeader()).orElseThrow(() -> new IOException(
                    file + " carries no model file in its HISTORY cards (CONFIG …); it was not written by anisocr"));
            int nP = cube.length;
            int nZ = cube[0].length;
            int nR = cube[0][0].length;
            double[][] density = new double[nP][nR * nZ];
            for (int k = 0; k < nP; k++) {
                for (int j = 0; j < nZ; j++) {
                    System.arraycopy(cube[k][j], 0, density[k], j * nR, nR);
                }
            }
            return new DensityCube(nR, nZ, nP, density, text);
        } catch (FitsException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
