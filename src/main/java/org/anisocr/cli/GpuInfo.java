package org.anisocr.cli;

/** One line about GPU presence (replaced by the GPU backend's probe when it lands). */
final class GpuInfo {
    private GpuInfo() {}

    static String describe() { return "GPU backend not built in"; }
}
