package org.anisocr.solver.gpu;

import org.anisocr.solver.GpuFailure;

/** The device cannot take this problem: a limit of the hardware or of the kernels (shared memory, launch size). */
public class GpuLimitException extends GpuFailure {
    private static final long serialVersionUID = 1L;

    public GpuLimitException(String message) {
        super(message, null);
    }
}
