package org.anisocr.io;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FitsCubeWriterTest {
    @TempDir Path tmp;

    @Test void theConfigComesBackExactlyFromTheHistoryCards() throws Exception {
        String config = "# a comment longer than one FITS card: " + "x".repeat(150) + "\n[grid]\nn_r = 3\n\n\tindented = \"tab\"\n"
                + "long_list = [" + "1.0, ".repeat(60) + "2.0]\n";
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 2, 1, 3, 3);
        MomentumGrid m = new MomentumGrid(1, 10, 2);
        Path f = tmp.resolve("N.fits");
        FitsCubeWriter.writeCube(f, g, m, new double[][] {new double[9], new double[9]}, "arbitrary", config);
        List<String> lines = new ArrayList<>();
        try (Fits fits = new Fits(f.toFile())) {
            Header h = fits.getHDU(0).getHeader();
            for (var it = h.iterator(); it.hasNext(); ) {
                HeaderCard c = it.next();
                if (!"HISTORY".equals(c.getKey())) continue;
                String text = c.getComment().startsWith(" ") ? c.getComment().substring(1) : c.getComment();
                if (text.startsWith("CONFIG+")) lines.set(lines.size() - 1, lines.get(lines.size() - 1) + text.substring(7));
                else if (text.startsWith("CONFIG")) lines.add(text.length() > 7 ? text.substring(7) : "");
            }
            assertFalse(h.containsKey("CUNIT3"), "log10 p has no FITS unit");
            assertFalse(h.containsKey("BUNIT"), "N has no physical unit");
        }
        assertEquals(config.replace('\t', ' '), String.join("\n", lines));
    }
}
