package org.anisocr.solver;

/** The state became NaN or infinite. */
public class SolverDivergedException extends RuntimeException {
    public SolverDivergedException(String message) { super(message); }
}
