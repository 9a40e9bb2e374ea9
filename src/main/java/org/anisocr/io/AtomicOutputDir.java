package org.anisocr.io;

import org.anisocr.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * An output folder that appears complete or not at all, and that never costs a user a file.
 *
 * <p>The target is checked before any work ({@link OutputLocation}); files go to a hidden sibling staging folder
 * (with a {@link StagingMarker} naming its owner), which {@link #commit} renames into place together with an
 * {@link OutputMarker}. An existing target is replaced only when it is empty or carries the marker and
 * {@code overwrite} was given; the old copy is deleted only after the new one is in place. {@link #close()}
 * without commit, and an interrupt ({@link InterruptCleanup}), remove the staging folder.
 */
public final class AtomicOutputDir implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private final Consumer<String> notice;
    /** Free bytes on a folder's file system: asked when a write fails, to tell a full disk (a seam for tests). */
    private final ToLongFunction<Path> usableSpace;
    private boolean committed;
    private boolean abandoned;

    /** Work that writes the outputs into the staging folder, and usually commits them. */
    @FunctionalInterface
    public interface Writing<T> {
        T write() throws IOException;
    }

    /**
     * Checks the target and creates the staging folder now, so a bad or unwritable location is reported before
     * any work. Stale staging folders of dead anisocr processes in the same parent are removed (one line each).
     *
     * @param notice where one-line notices go (stale staging removed, an old copy that could not be deleted)
     */
    public AtomicOutputDir(Path target, boolean overwrite, Consumer<String> notice) {
        this(target, overwrite, notice, DiskFull::usableSpace);
    }

    AtomicOutputDir(Path target, boolean overwrite, Consumer<String> notice, ToLongFunction<Path> usableSpace) {
        this.usableSpace = usableSpace;
        OutputLocation.Checked checked = OutputLocation.checkFolder(target, overwrite, "--out");
        this.target = checked.path();
        this.overwrite = overwrite;
        this.notice = notice;
        Path parent = this.target.getParent();
        try {
            Files.createDirectories(parent);
            StagingMarker.removeStale(parent, notice);
            // createDirectory (not createTempDirectory) so the folder gets the umask's permissions like any other
            Path s;
            do {
                s = parent.resolve("." + this.target.getFileName() + StagingMarker.PARTIAL
                        + ProcessHandle.current().pid() + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
            } while (Files.exists(s, LinkOption.NOFOLLOW_LINKS));
            Files.createDirectory(s);
            staging = s;
            writeStagingMarker();
        } catch (IOException | SecurityException e) {
            throw new ConfigException("--out " + this.target + " is not writable: " + e.getMessage());
        }
        InterruptCleanup.register(this);
    }

    /** The staging marker; on a full disk the half-made staging folder is removed and the disk named. */
    private void writeStagingMarker() throws IOException {
        try {
            StagingMarker.ofThisProcess().writeInto(staging);
        } catch (IOException e) {
            RuntimeException full = diskFull(e);
            deleteStaging();
            if (full != null) {
                throw full;
            }
            throw e;
        }
    }

    /**
     * Runs {@code work}, which writes the outputs into the staging folder (and commits). A write that failed
     * because the file system is full becomes a {@link NoSpaceLeftException} naming the file being written and
     * this target; other I/O failures come out as {@link UncheckedIOException}. The staging folder is removed by
     * {@link #close()} as after any failure.
     */
    public <T> T writing(Writing<T> work) {
        try {
            return work.write();
        } catch (IOException e) {
            RuntimeException full = diskFull(e);
            throw full != null ? full : new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            RuntimeException full = diskFull(e);
            throw full != null ? full : e;
        }
    }

    /** The full-disk exception for this failure, or null when the disk is not full. */
    private NoSpaceLeftException diskFull(Exception failure) {
        if (failure instanceof NoSpaceLeftException n) {
            return n;
        }
        if (!DiskFull.explains(failure, staging.getParent(), usableSpace)) {
            return null;
        }
        return new NoSpaceLeftException(DiskFull.message(fileBeingWritten(), target), DiskFull.ioCause(failure));
    }

    /**
     * The file a failed write was writing: the newest file in the staging folder (a writer creates its file, then
     * fills it), named relative to the output folder; "the outputs" before any file was made.
     */
    private String fileBeingWritten() {
        Path newest = null;
        FileTime newestTime = null;
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getFileName().toString().equals(StagingMarker.FILE_NAME)) {
                    continue;
                }
                FileTime t = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
                if (newestTime == null || t.compareTo(newestTime) >= 0) {
                    newest = f;
                    newestTime = t;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "the outputs"; // the folder cannot be listed: say what is known
        }
        return newest == null ? "the outputs" : staging.relativize(newest).toString();
    }

    /** Where to write files before commit. */
    public Path path(String fileName) { return staging.resolve(fileName); }

    public Path target() { return target; }

    /**
     * Moves the outputs into place, marked with {@code marker}. The target is checked again (it may have changed
     * while the work ran); an earlier marked output is moved aside, replaced, and deleted only then.
     */
    public void commit(OutputMarker marker) {
        synchronized (InterruptCleanup.LOCK) {
            if (abandoned) {
                throw new IllegalStateException("interrupted; nothing written to " + target);
            }
            try {
                Files.deleteIfExists(staging.resolve(StagingMarker.FILE_NAME));
                marker.writeInto(staging);
                OutputLocation.Checked now = OutputLocation.checkFolder(target, overwrite, "--out");
                if (now.state() != OutputLocation.State.ANISOCR_OUTPUT) {
                    // absent or empty: rename(2) replaces an empty folder atomically and fails on a non-empty one
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    replaceMarked();
                }
                committed = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the outputs into " + target + ": " + e.getMessage(), e);
            } finally {
                InterruptCleanup.unregister(this);
            }
        }
    }

    private void replaceMarked() throws IOException {
        Path old = target.resolveSibling(
                "." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the earlier output back as it was
            throw e;
        }
        try {
            FileTrees.delete(old);
        } catch (IOException e) {
            notice.accept("warning: the new output is in " + target + ", but the replaced copy " + old
                    + " could not be deleted (" + e.getMessage() + "); remove it by hand");
        }
    }

    /** Called by the interrupt hook: removes the staging folder; a later commit is refused. */
    void abandon() {
        abandoned = true;
        if (!committed) {
            deleteStaging();
        }
    }

    @Override public void close() {
        InterruptCleanup.unregister(this);
        if (!committed) {
            deleteStaging();
        }
    }

    private void deleteStaging() {
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            notice.accept("warning: could not remove the staging folder " + staging + ": " + e.getMessage());
        }
    }
}
