package org.anisocr.solver.gpu;

import org.anisocr.solver.GpuFailure;

/** The GPU backend was asked for explicitly but cannot run here. */
public class GpuUnavailableException extends GpuFailure {
    public GpuUnavailableException(String message) { super(message, null); }
}
