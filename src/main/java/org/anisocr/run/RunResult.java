package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.anisocr.operator.TransportProblem;

/**
 * What a model run produced: the density N[k][j·NR + i] (after any normalisation), how it was reached,
 * and the steady residual ‖L N + S‖₂/‖S‖₂ of the unsplit operator (max over bins; NaN for transient runs).
 */
public record RunResult(ModelConfig config, TransportProblem problem, double[][] density, String backend, String mode,
                        int steps, int rungs, double finalDtMyr, double finalChange, boolean converged,
                        double residual, double normalisation, double wallSeconds, int threads) {}
