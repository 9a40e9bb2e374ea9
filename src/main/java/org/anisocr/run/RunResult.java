package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.anisocr.operator.TransportProblem;

import java.util.Map;

/**
 * What a model run produced: the density N[k][j·NR + i] (after any normalisation), how it was reached,
 * and the steady residual ‖L N + S‖₂/‖S‖₂ of the unsplit operator of the run's scheme (max over bins; NaN for
 * transient runs). {@code details}: mode-specific solver facts (steady method, factorisations, Picard iterations)
 * that go into summary.json as they are.
 */
public record RunResult(ModelConfig config, TransportProblem problem, double[][] density, String backend, String mode,
                        int steps, int rungs, double finalDtMyr, double finalChange, boolean converged,
                        double residual, double normalisation, double wallSeconds, int threads, Map<String, Object> details) {

    /** A result without mode-specific details. */
    public RunResult(ModelConfig config, TransportProblem problem, double[][] density, String backend, String mode,
                     int steps, int rungs, double finalDtMyr, double finalChange, boolean converged,
                     double residual, double normalisation, double wallSeconds, int threads) {
        this(config, problem, density, backend, mode, steps, rungs, finalDtMyr, finalChange, converged,
                residual, normalisation, wallSeconds, threads, Map.of());
    }
}
