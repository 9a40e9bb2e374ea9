package org.anisocr.solver.gpu;

/**
 * What the probe found. When {@code available} is false, {@code reason} says why in one phrase
 * (no driver, no device, fatbin does not load, disabled by the user) and the device fields are empty.
 */
public record GpuInfo(boolean available, String reason, String name, long totalMemoryBytes,
                      int multiprocessors, int computeMajor, int computeMinor, int driverVersion) {

    static GpuInfo unavailable(String reason) {
        return new GpuInfo(false, reason, null, 0, 0, 0, 0, 0);
    }

    /** e.g. "NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 79.1 GiB, driver 13.0)". */
    public String describe() {
        if (!available) {
            return "no usable GPU (" + reason + ")";
        }
        return String.format(
                "%s (sm_%d%d, %d SMs, %.1f GiB, driver %d.%d)",
                name,
                computeMajor,
                computeMinor,
                multiprocessors,
                totalMemoryBytes / (1024.0 * 1024 * 1024),
                driverVersion / 1000,
                (driverVersion % 1000) / 10);
    }
}
