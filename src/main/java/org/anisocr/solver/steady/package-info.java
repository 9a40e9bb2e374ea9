/**
 * Steady state on the CPU: the paper's dt ladder (DtLadder), exact banded LU (DirectSteadySolver), flexible GMRES preconditioned by banded LU or ADI (SteadySolver), scheme dispatch and Picard iteration (SchemeSteadySolver).
 */
package org.anisocr.solver.steady;
