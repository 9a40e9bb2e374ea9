/**
 * The solver core: SplitStepper (the paper's split step, implemented by solver.cpu and solver.gpu), Backend (the --backend choice), up-front stability check, divergence. Knows no backend.
 */
package org.anisocr.solver;
