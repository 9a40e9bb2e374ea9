package org.anisocr.solver;

/**
 * A steady system L N + S = 0 has no unique solution: its factorisation met a zero pivot column. A property of the
 * model, not of the arithmetic or the device: every backend would meet it, so no fallback catches it.
 */
public class SingularSystemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int model;
    private final int bin;

    /** @param model index in the batch (0 for a single model), bin the momentum bin */
    public SingularSystemException(int model, int bin, String where) {
        super("singular steady system in model " + model + ", momentum bin " + bin + " (" + where + ")");
        this.model = model;
        this.bin = bin;
    }

    public int model() { return model; }
    public int bin() { return bin; }
}
