package org.anisocr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JCuda unpacks its native library into java.io.tmpdir and loads it from there, which fails where /tmp is mounted
 * noexec: the launcher points java.io.tmpdir at a folder of the checkout (or ANISOCR_NATIVE_DIR). A stand-in
 * {@code java} first on the PATH records the command line the launcher runs.
 */
class LauncherNativeDirTest {
    @Test
    void launcherGivesJavaItsOwnNativeFolder(@TempDir Path tmp) throws Exception {
        Path clone = tmp.resolve("clone");
        Files.createDirectories(clone.resolve("target"));
        Files.copy(Path.of("anisocr"), clone.resolve("anisocr"));
        Files.writeString(clone.resolve("target/anisocr.jar"), "stand-in jar");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = tmp.resolve("java-args.txt");
        Path java = bin.resolve("java");
        // the JarCheck of an unverified jar succeeds; the final exec records its arguments
        Files.writeString(java, "#!/bin/sh\necho \"$@\" >> '" + log + "'\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(0, run(clone, bin, null), "launcher exit status");
        String last = lastLine(log);
        Path nativeDir = clone.resolve("target/native").toRealPath();
        assertTrue(last.contains("-Djava.io.tmpdir=" + nativeDir + " -jar"), last);
        assertTrue(Files.isDirectory(nativeDir));

        Path own = tmp.resolve("own-native");
        assertEquals(0, run(clone, bin, own.toString()), "launcher exit status");
        assertTrue(lastLine(log).contains("-Djava.io.tmpdir=" + own + " -jar"), lastLine(log));
        assertTrue(Files.isDirectory(own));
    }

    private static int run(Path clone, Path bin, String nativeDir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", clone.resolve("anisocr").toString(), "--version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().remove("ANISOCR_NATIVE_DIR");
        if (nativeDir != null) {
            pb.environment().put("ANISOCR_NATIVE_DIR", nativeDir);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return p.exitValue();
    }

    private static String lastLine(Path log) throws Exception {
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.get(lines.size() - 1);
    }
}
