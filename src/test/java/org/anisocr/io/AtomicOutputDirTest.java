package org.anisocr.io;

import org.anisocr.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AtomicOutputDirTest {
    @TempDir Path tmp;

    @Test void failedRunLeavesNothing() throws IOException {
        Path target = tmp.resolve("model");
        try (AtomicOutputDir out = new AtomicOutputDir(target)) {
            Files.writeString(out.path("N.fits"), "half");
            // no commit: the run failed
        }
        try (var s = Files.list(tmp)) { assertEquals(0, s.count(), "staging removed, target never created"); }
    }

    @Test void commitReplacesAnOlderOutput() throws IOException {
        Path target = tmp.resolve("model");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.txt"), "old");
        try (AtomicOutputDir out = new AtomicOutputDir(target)) {
            Files.writeString(out.path("summary.json"), "{}");
            out.commit();
        }
        assertTrue(Files.exists(target.resolve("summary.json")));
        assertFalse(Files.exists(target.resolve("old.txt")));
        try (var s = Files.list(tmp)) { assertEquals(1, s.count(), "no staging or backup left"); }
    }

    @Test void unwritableLocationIsBadInputBeforeAnyWork() throws IOException {
        Path file = tmp.resolve("plain-file");
        Files.writeString(file, "x");
        assertThrows(ConfigException.class, () -> new AtomicOutputDir(file.resolve("sub")));
    }
}
