package org.anisocr.solver.gpu;

/** The GPU backend was asked for explicitly but cannot run here. */
public class GpuUnavailableException extends RuntimeException {
    public GpuUnavailableException(String message) { super(message); }
}
