package org.anisocr.io;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitsCubeWriterTest {
    @TempDir Path tmp;

    private static final SpatialGrid GRID = new SpatialGrid(Geometry.CYLINDRICAL, 2, 1, 3, 3);
    private static final MomentumGrid MOMENTA = new MomentumGrid(1, 10, 2);

    private Path writeWithConfig(String config) throws IOException {
        Path f = tmp.resolve("N.fits");
        FitsCubeWriter.writeCube(f, GRID, MOMENTA, new double[][] {new double[9], new double[9]}, "arbitrary", config);
        return f;
    }

    @Test void aUtf8ModelFileComesBackByteForByteFromTheHistoryCards() throws Exception {
        String config = "# ∇·(K ∇N) = −Q, a comment longer than one FITS card: " + "x".repeat(150) + "\n"
                + "name = \"modèle-Ω\"  # trailing blanks follow   \n"
                + "[grid]\r\nn_r = 3\r\n\n\tindented = \"tab\\there\"\n"
                + "path = 'C:\\models\\new' # backslashes, and one at a card's end: " + "y".repeat(7) + "\\\\\n"
                + "long_list = [" + "1.0, ".repeat(60) + "2.0]\n"
                + "blanks = \"" + " ".repeat(150) + "\"\n" + " ".repeat(130) + "\n"
                + "emoji = \"\uD83D\uDE80 ü ß 中文\" & ' \" ` ~ \u007f\u0001\n"
                + "ascii = \"" + printableAscii() + "\"\n";
        Path model = tmp.resolve("model.toml");
        byte[] bytes = config.getBytes(StandardCharsets.UTF_8);
        Files.write(model, bytes);
        Path f = writeWithConfig(ModelConfig.readText(model));
        String back = ConfigHistory.read(f).orElseThrow();
        assertArrayEquals(bytes, back.getBytes(StandardCharsets.UTF_8), back);
        try (Fits fits = new Fits(f.toFile())) {
            Header h = fits.getHDU(0).getHeader();
            for (Iterator<HeaderCard> it = h.iterator(); it.hasNext(); ) {
                HeaderCard c = it.next();
                if ("HISTORY".equals(c.getKey())) {
                    String text = c.getComment();
                    assertTrue(text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), "printable ASCII only: " + text);
                    assertTrue(text.length() <= 72, text);
                }
            }
        }
    }

    private static String printableAscii() {
        StringBuilder b = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            b.append(c);
        }
        return b.toString();
    }

    @Test void randomUtf8TextsComeBackExactly() throws Exception {
        Random random = new Random(20);
        int[] alphabet = {' ', ' ', ' ', 'a', 'Z', '\\', '\t', '\r', '\n', '&', '\'', 'u', '0', 'é', 'Ω', '∇',
            0x1F680};
        for (int n = 0; n < 40; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                b.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            assertEquals(text, ConfigHistory.read(writeWithConfig(text)).orElseThrow(), "text " + n);
            Files.delete(tmp.resolve("N.fits"));
        }
    }

    @Test void nCarriesAUnitlessBunitAndItsNormalisation() throws Exception {
        Path f = writeWithConfig("a = 1\n");
        try (Fits fits = new Fits(f.toFile())) {
            Header h = fits.getHDU(0).getHeader();
            assertTrue(h.containsKey("BUNIT"), "BUNIT present");
            assertEquals("", h.getStringValue("BUNIT"), "a pure number (astropy: dimensionless)");
            assertEquals("arbitrary", h.getStringValue("NORM"));
            assertFalse(h.containsKey("CUNIT3"), "log10 p has no FITS unit");
        }
    }
}
