package org.anisocr.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small file replaced in one step: written to a hidden sibling ({@code .NAME.<pid>-<n>.partial}), then renamed
 * over NAME, so a reader (or a shard rebuilding the same index) sees the old or the new file, never a half. The
 * temporary file is created like any other (mode 0666 less the umask), not owner-only as
 * {@code Files.createTempFile} would make it, so an index is as readable as the model folders beside it.
 */
public final class AtomicFile {
    private AtomicFile() {}

    private static final AtomicLong COUNTER = new AtomicLong();

    /** Writes the file through body (which gets a UTF-8 writer), then renames it into place. */
    public static void write(Path file, WriterBody body) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(partialPrefix(abs.getFileName().toString())
                + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + ".partial");
        try {
            Files.createDirectories(abs.getParent());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(w);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the rename normally consumed it
            }
        }
    }

    public static void write(Path file, String text) {
        write(file, w -> w.write(text));
    }

    /** Start of the names of file's temporary siblings (to find those a killed process left). */
    public static String partialPrefix(String fileName) { return "." + fileName + "."; }

    @FunctionalInterface
    public interface WriterBody {
        void write(Writer w) throws IOException;
    }
}
