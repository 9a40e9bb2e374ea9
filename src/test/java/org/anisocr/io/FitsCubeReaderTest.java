package org.anisocr.io;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** N.fits read back gives the grid, the momenta and the density it was written from, exactly. */
class FitsCubeReaderTest {
    @TempDir Path tmp;

    @Test void whatTheWriterWroteComesBackExactly() throws IOException {
        Random random = new Random(7);
        SpatialGrid[] grids = {new SpatialGrid(Geometry.CYLINDRICAL, 7.3, 1.7, 31, 13),
            new SpatialGrid(Geometry.CARTESIAN, 20, 4, 201, 81), new SpatialGrid(Geometry.CYLINDRICAL, 0.3, 0.1, 3, 3)};
        MomentumGrid[] momenta = {new MomentumGrid(0.37, 4321, 17), new MomentumGrid(1, 1e4, 33),
            new MomentumGrid(10, 10, 1)};
        for (int c = 0; c < grids.length; c++) {
            double[][] n = new double[momenta[c].count()][grids[c].size()];
            for (double[] b : n) {
                for (int q = 0; q < b.length; q++) {
                    b[q] = random.nextGaussian();
                }
            }
            Path f = tmp.resolve("N" + c + ".fits");
            FitsCubeWriter.writeCube(f, grids[c], momenta[c], n, "arbitrary", "name = \"x\"\n");
            FitsCubeReader.Cube back = FitsCubeReader.read(f);
            assertEquals(grids[c], back.grid());
            assertEquals(momenta[c], back.momenta());
            for (int k = 0; k < n.length; k++) {
                assertArrayEquals(n[k], back.density()[k], 0.0);
            }
        }
    }

    @Test void aFileThatIsNotARunsCubeIsAClearError() throws IOException {
        Path notes = tmp.resolve("N.fits");
        Files.writeString(notes, "my notes");
        IOException e = assertThrows(IOException.class, () -> FitsCubeReader.read(notes));
        assertTrue(e.getMessage().contains("N.fits"), e.getMessage());
    }
}
