package org.anisocr.io;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * On SIGINT or SIGTERM the JVM runs its shutdown hooks and exits with 130 or 143. This hook removes the staging
 * folders of outputs still being written and says so in one line per output, so an interrupted run leaves
 * nothing behind and the user's previous output (if any) untouched. An output that is committing finishes its
 * commit first (both hold the same lock), so a folder is never half replaced.
 */
final class InterruptCleanup {
    private static final Set<AtomicOutputDir> ACTIVE = new LinkedHashSet<>();
    private static boolean installed;
    static final Object LOCK = new Object();

    private InterruptCleanup() {}

    static void register(AtomicOutputDir dir) {
        synchronized (LOCK) {
            if (!installed) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(InterruptCleanup::cleanUp, "anisocr-interrupt-cleanup"));
                installed = true;
            }
            ACTIVE.add(dir);
        }
    }

    static void unregister(AtomicOutputDir dir) {
        synchronized (LOCK) { ACTIVE.remove(dir); }
    }

    private static void cleanUp() {
        synchronized (LOCK) {
            for (AtomicOutputDir d : ACTIVE) {
                d.abandon();
                System.err.println("interrupted; nothing written to " + d.target());
            }
            ACTIVE.clear();
        }
    }
}
