package org.anisocr.io;

import org.anisocr.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.*;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output directory that appears complete or not at all: files go to a hidden sibling staging
 * directory, which replaces the target by rename on {@link #commit()}; {@link #close()} without
 * commit deletes the staging directory, so a failed run leaves nothing half-written.
 */
public final class AtomicOutputDir implements AutoCloseable {
    private final Path target, staging;
    private boolean committed;

    /** Creates the staging directory now, so an unwritable location is reported before any work. */
    public AtomicOutputDir(Path target) {
        this.target = target.toAbsolutePath().normalize();
        Path parent = this.target.getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
            // createTempDirectory makes it owner-only; outputs are meant to be shared like any other directory
            try {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default permissions
            }
        } catch (IOException | SecurityException e) {
            throw new ConfigException("output directory " + target + " is not writable: " + e);
        }
    }

    /** Where to write files before commit. */
    public Path path(String fileName) { return staging.resolve(fileName); }

    public Path target() { return target; }

    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move outputs into " + target, e);
        }
    }

    @Override public void close() {
        if (!committed) deleteTree(staging);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
