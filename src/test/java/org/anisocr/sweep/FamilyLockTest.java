package org.anisocr.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The family lock excludes other processes (shards of a job array are separate JVMs): three processes each enter
 * the lock 15 times and log "enter"/"exit" with their pid, pausing inside; the log must show every "enter"
 * followed by the same process's "exit". (With the lock disabled the entries interleave at once.)
 */
class FamilyLockTest {
    static final int PROCESSES = 3;
    static final int ROUNDS = 15;

    /** One contender: java -cp … org.anisocr.sweep.FamilyLockTest DIR */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path log = dir.resolve("log");
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < ROUNDS; i++) {
            FamilyLock.with(dir, () -> {
                append(log, "enter " + pid);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                append(log, "exit " + pid);
            });
        }
    }

    static void append(Path log, String line) {
        try {
            Files.writeString(
                    log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void excludesOtherProcesses(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            ps.add(new ProcessBuilder(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    FamilyLockTest.class.getName(), dir.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out" + i).toFile()).start());
        }
        for (int i = 0; i < PROCESSES; i++) {
            assertTrue(ps.get(i).waitFor(3, TimeUnit.MINUTES));
            assertEquals(0, ps.get(i).exitValue(), Files.readString(dir.resolve("out" + i)));
        }
        List<String> lines = Files.readAllLines(dir.resolve("log"));
        assertEquals(2 * PROCESSES * ROUNDS, lines.size());
        for (int i = 0; i < lines.size(); i += 2) {
            String enter = lines.get(i);
            String exit = lines.get(i + 1);
            assertTrue(enter.startsWith("enter ") && exit.equals("exit " + enter.substring(6)),
                    "lines " + i + "–" + (i + 1) + ": " + enter + " / " + exit);
        }
    }
}
