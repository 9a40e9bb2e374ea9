package org.anisocr.solver.gpu;

import jcuda.CudaException;
import org.anisocr.solver.GpuFailure;

/**
 * A CUDA call failed. The message says what was being done and the CUDA error name
 * (e.g. "launching steady_band_lu (12 blocks of 256 threads): CUDA_ERROR_LAUNCH_FAILED").
 */
public class GpuException extends GpuFailure {
    public GpuException(String message, Throwable cause) { super(message, cause); }

    /** Runs a CUDA call; a failure becomes a GpuException naming {@code what} and the CUDA error. */
    static void check(String what, Runnable call) {
        try {
            call.run();
        } catch (CudaException e) {
            throw new GpuException(what + ": " + e.getMessage(), e);
        }
    }
}
