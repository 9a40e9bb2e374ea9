package org.anisocr.solver.gpu;

import org.anisocr.solver.GpuFailure;

/** The device cannot take this problem: a limit of the hardware or of the kernels (shared memory, launch size). */
public class GpuLimitException extends GpuFailure {
    public GpuLimitException(String message) {
        super(message, null);
    }
}
