package org.anisocr.solver.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives back several device resources: every release is attempted even when one fails, and the failures are
 * then thrown together (the first, the others suppressed), each naming what was being released. Used from
 * close(), so in a try-with-resources they attach to the error that caused the unwinding instead of hiding it.
 */
final class Release {
    private final List<RuntimeException> failures = new ArrayList<>();

    void run(String what, Runnable release) {
        try {
            release.run();
        } catch (RuntimeException e) {
            failures.add(
                    e instanceof GpuException ? e : new GpuException("releasing " + what + ": " + e.getMessage(), e));
        }
    }

    void throwIfFailed() {
        if (failures.isEmpty()) {
            return;
        }
        RuntimeException first = failures.get(0);
        for (int i = 1; i < failures.size(); i++) {
            first.addSuppressed(failures.get(i));
        }
        throw first;
    }
}
