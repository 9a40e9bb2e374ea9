package org.anisocr.sweep;

import org.anisocr.io.OutputLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * The lock that shards sharing one family folder (a Slurm job array) take around what they share: creating or
 * checking family.json and rebuilding index.csv. Without it, shard A could scan the folders, shard B commit a model
 * and write its index, and A then replace that index with its older scan, losing B's row. It is a POSIX record lock
 * (fcntl, through {@link FileChannel#lock()}) on {@code .anisocr-family.lock} in the folder, which also holds
 * across the nodes of a cluster file system that supports locks (NFS with lockd, Lustre, GPFS).
 */
final class FamilyLock {
    private FamilyLock() {}

    static final String FILE = OutputLocation.FAMILY_LOCK;

    /** File locks belong to the whole JVM: threads of one JVM queue here first. */
    private static final Object IN_THIS_JVM = new Object();

    static <T> T with(Path dir, Supplier<T> body) {
        synchronized (IN_THIS_JVM) {
            Path file = dir.resolve(FILE);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    return body.get();
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + file, e);
            }
        }
    }

    static void with(Path dir, Runnable body) {
        with(dir, () -> {
            body.run();
            return null;
        });
    }
}
