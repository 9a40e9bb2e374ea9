package org.anisocr.solver;

/**
 * The GPU could not do what was asked: none is usable here, a CUDA call failed, or the device cannot take the
 * problem (memory, launch or kernel limits). The one type a {@code --backend auto} run falls back to the CPU for;
 * any other exception is a bug or a property of the model, and the CPU would not fix it.
 */
public abstract class GpuFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected GpuFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when no usable device is there at all (as opposed to one that failed or ran out of room): for
     * {@code --backend gpu} the user asked for something this machine cannot give, an argument error.
     */
    public boolean noDevice() {
        return false;
    }
}
