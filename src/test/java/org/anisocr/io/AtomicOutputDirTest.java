package org.anisocr.io;

import org.anisocr.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

class AtomicOutputDirTest {
    @TempDir Path tmp;
    private final List<String> notices = new ArrayList<>();

    private AtomicOutputDir open(Path target, boolean overwrite) {
        return new AtomicOutputDir(target, overwrite, notices::add);
    }

    private static OutputMarker marker() { return OutputMarker.now("run", "x = 1"); }

    @Test void failedRunLeavesNothing() throws IOException {
        Path target = tmp.resolve("model");
        try (AtomicOutputDir out = open(target, false)) {
            Files.writeString(out.path("N.fits"), "half");
            // no commit: the run failed
        }
        try (var s = Files.list(tmp)) { assertEquals(0, s.count(), "staging removed, target never created"); }
    }

    @Test void commitWritesTheMarker() throws IOException {
        Path target = tmp.resolve("model");
        try (AtomicOutputDir out = open(target, false)) {
            Files.writeString(out.path("summary.json"), "{}");
            out.commit(marker());
        }
        assertEquals("run", OutputMarker.readFrom(target).orElseThrow().kind());
        assertFalse(Files.exists(target.resolve(StagingMarker.FILE_NAME)), "the staging marker does not travel");
        try (var s = Files.list(tmp)) { assertEquals(1, s.count(), "no staging or backup left"); }
    }

    @Test void anEarlierOutputIsReplacedOnlyWithOverwrite() throws IOException {
        Path target = tmp.resolve("model");
        try (AtomicOutputDir out = open(target, false)) {
            Files.writeString(out.path("old.txt"), "old");
            out.commit(marker());
        }
        ConfigException e = assertThrows(ConfigException.class, () -> open(target, false));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        try (AtomicOutputDir out = open(target, true)) {
            Files.writeString(out.path("new.txt"), "new");
            out.commit(marker());
        }
        assertTrue(Files.exists(target.resolve("new.txt")));
        assertFalse(Files.exists(target.resolve("old.txt")));
        try (var s = Files.list(tmp)) { assertEquals(1, s.count(), "no staging or backup left"); }
    }

    @Test void aUsersFolderIsNeverReplacedEvenWithOverwrite() throws IOException {
        Path target = tmp.resolve("mine");
        Files.createDirectories(target);
        Files.writeString(target.resolve("thesis.tex"), "years of work");
        for (boolean overwrite : new boolean[] {false, true}) {
            ConfigException e = assertThrows(ConfigException.class, () -> open(target, overwrite));
            assertTrue(
                    e.getMessage().contains("not an anisocr output")
                            && e.getMessage().contains("thesis.tex"),
                    e.getMessage());
        }
        assertEquals("years of work", Files.readString(target.resolve("thesis.tex")));
        try (var s = Files.list(tmp)) { assertEquals(1, s.count(), "no staging folder made"); }
    }

    @Test void anEmptyFolderIsFilled() throws IOException {
        Path target = tmp.resolve("empty");
        Files.createDirectories(target);
        try (AtomicOutputDir out = open(target, false)) {
            Files.writeString(out.path("a.txt"), "a");
            out.commit(marker());
        }
        assertTrue(Files.exists(target.resolve("a.txt")));
    }

    @Test void aFileAnEmptyPathAndAFolderAboveUsAreRefused() throws IOException {
        Path file = tmp.resolve("results.txt");
        Files.writeString(file, "x");
        assertThrows(ConfigException.class, () -> open(file, true));
        assertThrows(ConfigException.class, () -> open(file.resolve("sub"), false), "a file is not a parent folder");
        assertThrows(ConfigException.class, () -> open(Path.of(""), true));
        assertThrows(ConfigException.class, () -> open(Path.of("."), true));
        assertThrows(ConfigException.class, () -> open(Path.of(".."), true));
        assertThrows(ConfigException.class, () -> open(Path.of("/"), true));
        assertThrows(ConfigException.class, () -> open(Path.of(System.getProperty("user.home")), true));
        assertEquals("x", Files.readString(file));
    }

    @Test void staleStagingOfADeadProcessIsRemovedAndNothingElse() throws IOException {
        Path stale = tmp.resolve(".model.partial-999999-dead");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("N.fits"), "half");
        Properties p = new Properties();
        p.setProperty("pid", "2147483646"); // no such process
        p.setProperty("process_start", "2000-01-01T00:00:00Z");
        p.setProperty("host", StagingMarker.hostName());
        try (var w = Files.newBufferedWriter(stale.resolve(StagingMarker.FILE_NAME))) { p.store(w, null); }
        Path foreign = tmp.resolve(".other.partial-123");  // looks like staging but has no marker: not ours
        Files.createDirectories(foreign);
        Path live = tmp.resolve(".live.partial-1");
        Files.createDirectories(live);
        StagingMarker.ofThisProcess().writeInto(live);       // owner (this JVM) is alive
        try (AtomicOutputDir out = open(tmp.resolve("model"), false)) {
            out.commit(marker());
        }
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(live));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("removed stale staging folder"), notices.get(0));
    }

    @Test void stagingOfAnotherHostIsNeverRemoved() throws IOException {
        Path other = tmp.resolve(".model.partial-5-x");
        Files.createDirectories(other);
        Properties p = new Properties();
        p.setProperty("pid", "2147483646");
        p.setProperty("process_start", "");
        p.setProperty("host", "another-node-of-the-cluster");
        try (var w = Files.newBufferedWriter(other.resolve(StagingMarker.FILE_NAME))) { p.store(w, null); }
        StagingMarker.removeStale(tmp, notices::add);
        assertTrue(Files.exists(other));
    }
}
