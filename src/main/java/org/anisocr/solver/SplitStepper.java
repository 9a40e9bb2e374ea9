package org.anisocr.solver;

import org.anisocr.operator.TransportProblem;

/**
 * The paper's operator-split time step (docs/physics.md §3) on some backend: Crank–Nicolson in R, Crank–Nicolson
 * in z, explicit mixed term, each sub-step adding S·dt/3. The state lives wherever the backend keeps it
 * (host arrays or device memory); {@link #state()} copies it out.
 */
public interface SplitStepper extends AutoCloseable {

    TransportProblem problem();

    /** Replaces the state, N[k][j·NR + i]. */
    void setState(double[][] density);

    /** A copy of the state. */
    double[][] state();

    /**
     * Advances {@code steps} full split steps of size dt and returns the relative change of the last step,
     * max over bins of ‖N^{n+1} − N^n‖∞ / ‖N^{n+1}‖∞ (0 where N ≡ 0).
     *
     * @throws SolverDivergedException when the state stops being finite
     */
    double advance(double dtMyr, int steps);

    /** "cpu" or "gpu"; recorded in outputs. */
    String backend();

    @Override void close();
}
