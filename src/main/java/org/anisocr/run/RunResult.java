package org.anisocr.run;

import org.anisocr.config.Mode;
import org.anisocr.config.ModelConfig;
import org.anisocr.operator.TransportProblem;

import java.util.Map;

/**
 * What a model run produced: the density N[k][j·NR + i] (after any normalisation) and the {@link Solution} of its
 * mode strategy (how it was reached, the steady residual ‖L N + S‖₂/‖S‖₂ of the run's scheme, max over bins; NaN
 * for transient runs).
 * The density array is shared, not copied (RecordImmutabilityTest.SHARED): it is bins × nodes doubles,
 * the mode strategy hands it over and nobody writes it afterwards.
 */
public record RunResult(ModelConfig config, TransportProblem problem, double[][] density, Solution solution,
                        double normalisation, double wallSeconds, int threads) {
    public Mode mode() { return config.solver().mode(); }
    public String backend() { return solution.backend(); }
    public int steps() { return solution.steps(); }
    public int rungs() { return solution.rungs(); }
    public double finalDtMyr() { return solution.finalDtMyr(); }
    public double finalChange() { return solution.finalChange(); }
    public boolean converged() { return solution.converged(); }
    public double residual() { return solution.residual(); }
    /** Mode-specific facts (steady method, factorisations, Picard iterations) that go into summary.json as they are. */
    public Map<String, Object> details() { return solution.details(); }
}
