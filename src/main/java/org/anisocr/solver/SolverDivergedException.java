package org.anisocr.solver;

/** The state became NaN or infinite. */
public class SolverDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolverDivergedException(String message) { super(message); }
}
