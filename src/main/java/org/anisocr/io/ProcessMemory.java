package org.anisocr.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process has used of the machine's memory, for reports (read from /proc, which Linux provides). */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** The process's peak resident set (VmHWM) in GB, NaN when /proc is not there. */
    public static double peakRssGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
