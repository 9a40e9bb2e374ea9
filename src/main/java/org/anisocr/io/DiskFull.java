package org.anisocr.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Tells a write that failed because the file system is full from other I/O failures. The writers (ImageIO, nom-tam
 * FITS, Jackson, plain streams) wrap the system's error differently ("I/O error writing PNG file!"), so both the
 * exception chain and the free space left are asked.
 */
final class DiskFull {
    /** strerror(ENOSPC) as the JDK reports it (in English unless the C library is localised). */
    static final String ENOSPC = "no space left on device";
    /**
     * Usable space below which a failed write is put down to a full disk: a write fails with a few file-system
     * blocks (or a delayed-allocation reserve) still counted free, so "full" cannot mean exactly 0 bytes.
     */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskFull() {}

    /** Whether {@code failure} came from a full file system under {@code dir} (asking {@code usableSpace}). */
    static boolean explains(Throwable failure, Path dir, ToLongFunction<Path> usableSpace) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains(ENOSPC)) {
                return true;
            }
        }
        return ioFailure(failure) && usableSpace.applyAsLong(dir) < NEARLY_FULL_BYTES;
    }

    /** The free space for this user on dir's file system; Long.MAX_VALUE when it cannot be told (not "full"). */
    static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The user's sentence: which file could not be written, and that the output folder was left untouched. */
    static String message(String fileBeingWritten, Path target) {
        return "no space left on device while writing " + fileBeingWritten + "; nothing was written to " + target;
    }

    /** The IOException to carry as the cause. */
    static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return new IOException(failure);
    }

    private static boolean ioFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
