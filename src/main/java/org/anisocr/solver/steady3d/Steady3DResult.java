package org.anisocr.solver.steady3d;

/**
 * One momentum bin's steady state. Shares its density array (a solution is large and handed on, not copied).
 *
 * @param density          N at every node of the grid (0 on Dirichlet nodes)
 * @param iterations       outer iterations used
 * @param relativeResidual ‖S + L N‖ / ‖S‖ at the end
 * @param converged        whether the settings' tolerance was met
 */
public record Steady3DResult(double[] density, int iterations, double relativeResidual, boolean converged) {
}
