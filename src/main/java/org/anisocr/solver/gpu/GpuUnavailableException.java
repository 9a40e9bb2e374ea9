package org.anisocr.solver.gpu;

import org.anisocr.solver.GpuFailure;

/** The GPU backend was asked for explicitly but cannot run here. */
public class GpuUnavailableException extends GpuFailure {
    private static final long serialVersionUID = 1L;

    public GpuUnavailableException(String message) { super(message, null); }

    @Override
    public boolean noDevice() {
        return true;
    }
}
