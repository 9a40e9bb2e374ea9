/**
 * The solver core: what the backends (solver.cpu, solver.gpu, solver.steady) implement or share, and no backend
 * itself. SplitStepper (the paper's split step, implemented by solver.cpu and solver.gpu), Backend (the --backend
 * choice), the up-front stability check of the explicit mixed term (MixedTermStability), divergence and singular
 * systems as exceptions; and the contract of batched multigrid: MultigridBatchOps (the solve-phase operations of
 * mg-gmres over E systems, provided by the Java reference in solver.steady and by the kernels of solver.gpu, so
 * that solver.steady's BatchedMgGmres runs the same iterations on either), PackedMultigrid (the hierarchies in the
 * interleaved device layout) and MultigridDevice (what a GPU offers: upload or build hierarchies, run the solve
 * phase). The linear algebra the backends share lives one layer below, in solver.linalg.
 */
package org.anisocr.solver;
