package org.anisocr.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A full disk while the outputs are written: one sentence naming the file and the untouched output folder, and
 * nothing left behind. The failure is injected (a writer's exception, and the free space the folder reports), so
 * no small file system has to be mounted.
 */
class DiskFullTest {
    private static final long PLENTY = 1L << 40;

    @TempDir Path tmp;
    private final List<String> notices = new ArrayList<>();

    /** Two files written, the second cut short by {@code failure}, the way ImageIO or nom-tam fail. */
    private RuntimeException failWhileWritingTheSecondFile(Path target, IOException failure,
                                                           ToLongFunction<Path> free) {
        try (AtomicOutputDir out = new AtomicOutputDir(target, false, notices::add, free)) {
            return assertThrows(RuntimeException.class, () -> out.writing(() -> {
                Files.writeString(out.path("N.fits"), "complete");
                Files.setLastModifiedTime(out.path("N.fits"), FileTime.fromMillis(1_000_000));
                Files.createDirectories(out.path("maps"));
                Files.writeString(out.path("maps").resolve("N_map_p10GeV.png"), "half a PNG");
                Files.setLastModifiedTime(out.path("maps").resolve("N_map_p10GeV.png"), FileTime.fromMillis(2_000_000));
                throw failure;
            }));
        }
    }

    private void assertNothingLeft() throws IOException {
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList(), "no staging folder, no target");
        }
    }

    @Test void enospcInTheCauseChainNamesTheFileAndTheFolder() throws IOException {
        Path target = tmp.resolve("model");
        IOException png = new IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
        RuntimeException e = failWhileWritingTheSecondFile(target, png, p -> PLENTY);
        assertInstanceOf(NoSpaceLeftException.class, e);
        assertEquals("no space left on device while writing " + Path.of("maps", "N_map_p10GeV.png")
                + "; nothing was written to " + target.toAbsolutePath().normalize(), e.getMessage());
        assertEquals(png, e.getCause());
        assertNothingLeft();
    }

    @Test void aFileSystemWithNoSpaceLeftExplainsAFailureWhoseMessageDoesNot() throws IOException {
        // e.g. a localised C library: strerror(ENOSPC) is not in English, but the file system says it is full
        Path target = tmp.resolve("model");
        RuntimeException e = failWhileWritingTheSecondFile(target, new IIOException("I/O error writing PNG file!"),
                p -> 4096);
        assertInstanceOf(NoSpaceLeftException.class, e);
        assertEquals("no space left on device while writing " + Path.of("maps", "N_map_p10GeV.png")
                + "; nothing was written to " + target.toAbsolutePath().normalize(), e.getMessage());
        assertNothingLeft();
    }

    @Test void anotherIoFailureWithSpaceLeftIsNotCalledAFullDisk() throws IOException {
        RuntimeException e = failWhileWritingTheSecondFile(tmp.resolve("model"),
                new IIOException("I/O error writing PNG file!"), p -> PLENTY);
        assertInstanceOf(UncheckedIOException.class, e);
        assertFalse(e instanceof NoSpaceLeftException, e.toString());
        assertNothingLeft();
    }

    @Test void aWriterThatWrapsTheFailureUncheckedIsRecognisedToo() throws IOException {
        Path target = tmp.resolve("model");
        RuntimeException e = failWhileWritingTheSecondFile(target, new IOException("x"), p -> PLENTY);
        assertFalse(e instanceof NoSpaceLeftException, "plain I/O error");
        try (AtomicOutputDir out = new AtomicOutputDir(target, false, notices::add, p -> PLENTY)) {
            RuntimeException u = assertThrows(RuntimeException.class, () -> out.writing(() -> {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }));
            assertEquals("no space left on device while writing the outputs; nothing was written to "
                    + target.toAbsolutePath().normalize(), u.getMessage());
        }
        assertNothingLeft();
    }

    @Test void theChainOrTheFreeSpaceTellAFullDiskFromOtherFailures() {
        IOException enospc = new IOException("No space left on device");
        assertEquals(true, DiskFull.explains(new UncheckedIOException(enospc), tmp, p -> PLENTY));
        assertEquals(false, DiskFull.explains(new IOException("Permission denied"), tmp, p -> PLENTY));
        assertEquals(true, DiskFull.explains(new IOException("Permission denied"), tmp, p -> 0));
        assertEquals(false, DiskFull.explains(new IllegalStateException("a bug, not the disk"), tmp, p -> 0));
    }
}
