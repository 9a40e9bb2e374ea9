package org.anisocr.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The file {@value #FILE_NAME} inside a staging folder: which process owns it (pid, the process's start time, so
 * that a reused pid is not mistaken for the owner, and the host, because on a cluster's shared file system a pid
 * means nothing on another node). A staging folder survives only a SIGKILL or a power cut; the next command that
 * writes into the same parent removes those whose owner is gone, and nothing else.
 */
public record StagingMarker(long pid, String processStart, String host) {
    public static final String FILE_NAME = ".anisocr-staging";
    static final String PARTIAL = ".partial-";

    public static StagingMarker ofThisProcess() {
        ProcessHandle me = ProcessHandle.current();
        return new StagingMarker(me.pid(), me.info().startInstant().map(Instant::toString).orElse(""), hostName());
    }

    void writeInto(Path staging) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("process_start", processStart);
        p.setProperty("host", host);
        try (var w = Files.newBufferedWriter(staging.resolve(FILE_NAME))) {
            p.store(w, "anisocr staging folder: removed when its owner is gone");
        }
    }

    static Optional<StagingMarker> readFrom(Path staging) {
        Path f = staging.resolve(FILE_NAME);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (var r = Files.newBufferedReader(f)) {
            Properties p = new Properties();
            p.load(r);
            return Optional.of(new StagingMarker(Long.parseLong(p.getProperty("pid", "-1").trim()),
                    p.getProperty("process_start", ""), p.getProperty("host", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True only when the owner ran on this host and is certainly no longer running. */
    boolean ownerIsGone() {
        if (!host.equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return true;
        }
        String start = h.get().info().startInstant().map(Instant::toString).orElse("");
        return !processStart.isEmpty() && !start.isEmpty() && !start.equals(processStart); // the pid was reused
    }

    /**
     * Removes the staging folders in {@code parent} left by anisocr processes that are gone (one line each to
     * {@code notice}). Folders without a staging marker, or whose owner may still run, are not touched.
     */
    public static List<Path> removeStale(Path parent, Consumer<String> notice) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") || !n.contains(PARTIAL) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Optional<StagingMarker> m = readFrom(p);
                if (m.isEmpty() || !m.get().ownerIsGone()) {
                    continue;
                }
                FileTrees.delete(p);
                removed.add(p);
                notice.accept("removed stale staging folder " + p + " (left by process "
                        + m.get().pid() + ", which is gone)");
            }
        } catch (IOException e) {
            notice.accept("warning: could not look for stale staging folders in " + parent + ": " + e.getMessage());
        }
        return removed;
    }

    static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
