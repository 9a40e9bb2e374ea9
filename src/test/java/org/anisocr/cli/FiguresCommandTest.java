package org.anisocr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `figures` refuses missing data before solving anything and leaves nothing behind (the full regeneration is not a unit
 * test: ≈ 3 min).
 */
class FiguresCommandTest {
    @TempDir Path tmp;

    @Test void missingDataIsABadInputAndNothingIsWritten() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Path target = tmp.resolve("figs");
        int code = cl.execute("figures", "--data", tmp.resolve("nodata").toString(), "--out", target.toString());
        assertEquals(Main.EXIT_BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("fermi-lat-proton-index-rings.csv"), err.toString());
        assertFalse(Files.exists(target), "no output folder");
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "no staging folder left behind");
        }
    }
}
