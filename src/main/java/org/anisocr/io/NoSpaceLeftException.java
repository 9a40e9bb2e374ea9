package org.anisocr.io;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An output could not be written because its file system is full. The message is the whole story for a user
 * (which file, and that nothing reached the output folder); the cause is the writer's own exception.
 */
public final class NoSpaceLeftException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public NoSpaceLeftException(String message, IOException cause) {
        super(message, cause);
    }
}
