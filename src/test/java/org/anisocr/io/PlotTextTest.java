package org.anisocr.io;

import org.anisocr.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A run on a machine without fonts (fonts and libfontconfig hidden in a private mount namespace: needs root and
 * unshare, skips otherwise) writes every product but the PNG plots, says so in one line, and exits 0. Before, the
 * first plot's InternalError ended the run with nothing written.
 */
class PlotTextTest {
    @TempDir Path tmp;

    @Slow
    @Test void aRunWithoutFontsSkipsOnlyThePlots() throws Exception {
        assertTrue(PlotText.usable(), "this machine has fonts: the test's own JVM draws text");
        String fontconfig = fontconfigLibrary();
        Assumptions.assumeTrue(fontconfig != null && canUnshare(), "needs root, unshare -m and libfontconfig to hide");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path emptyLib = Files.createFile(tmp.resolve("empty.so"));
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String script = "mount --bind " + empty + " /usr/share/fonts 2>/dev/null; mount --bind " + empty
                + " /etc/fonts 2>/dev/null; "
                + "mount --bind " + emptyLib + " " + fontconfig
                + " && exec \"$0\" -cp \"$1\" org.anisocr.cli.Main run bench/configs/smoke-21x21.toml "
                + "--out " + out + " --backend cpu";
        Path log = tmp.resolve("log.txt");
        Process p = new ProcessBuilder("unshare", "-m", "bash", "-c", script, java, cp).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "run did not finish");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("warning: PNG plots skipped")).count(), text);
        assertTrue(text.contains("install fontconfig and a font"), text);
        for (String f : List.of("N.fits", "alpha.csv", "summary.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing:\n" + text);
        }
        try (var s = Files.list(out)) {
            assertEquals(0, s.filter(f -> f.toString().endsWith(".png")).count(), "no PNG expected");
        }
    }

    private static String fontconfigLibrary() throws Exception {
        Process p = new ProcessBuilder(
                        "bash",
                        "-c",
                        "readlink -f \"$(ldconfig -p 2>/dev/null | awk '/libfontconfig.so.1 / {print $NF; exit}')\"")
                .redirectErrorStream(true)
                .start();
        String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return path.isEmpty() || !Files.isRegularFile(Path.of(path)) ? null : path;
    }

    private static boolean canUnshare() throws Exception {
        try {
            Process p = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
