package org.anisocr.solver.gpu;

/** The GPU backend was asked for explicitly but cannot run here. */
public class GpuUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GpuUnavailableException(String message) { super(message); }
}
