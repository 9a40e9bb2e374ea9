package org.anisocr.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path names when it is not a regular file, in words for an error message, read from the file's attributes
 * without opening it: opening a FIFO blocks until a writer comes, and a device such as /dev/zero never ends.
 */
final class ModelFileKind {
    /** st_mode's file-type bits (S_IFMT) and the types of stat(2). */
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int FIFO = 0010000;

    private ModelFileKind() {}

    /** Null for a regular file (links followed) or a missing one (reading it reports that); else e.g. "a directory". */
    static String of(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // missing or unreadable: reading the file reports which
        }
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return "a directory";
        }
        return special(file);
    }

    /** A character or block device, a FIFO or a socket, from the unix mode where the platform has one. */
    private static String special(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return "a special file"; // no unix attribute view (e.g. Windows): the type is not known more precisely
        }
        return switch (mode & TYPE_MASK) {
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case FIFO -> "a named pipe (FIFO)";
            case SOCKET -> "a socket";
            default -> "a special file";
        };
    }
}
