package org.anisocr.solver.gpu;

/** A device allocation failed with CUDA_ERROR_OUT_OF_MEMORY; the message names the grid and the bytes asked for. */
public class GpuOutOfMemoryException extends GpuException {
    private static final long serialVersionUID = 1L;

    public GpuOutOfMemoryException(String message, Throwable cause) { super(message, cause); }
}
