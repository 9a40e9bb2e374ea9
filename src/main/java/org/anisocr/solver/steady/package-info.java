/**
 * Steady state, L N + S = 0 per momentum bin. The paper's dt ladder of split steps (DtLadder); the exact banded LU
 * (DirectSteadySolver, BandedLu); flexible GMRES (FlexibleGmres) preconditioned per bin by banded LU, ADI
 * (AdiPreconditioner) or geometric multigrid (SteadySolver picks the method); scheme dispatch and the Picard
 * iteration of the limited scheme (SchemeSteadySolver). Multigrid: the hierarchy of semi-coarsened grids with
 * Galerkin coarse operators (MultigridHierarchy, GalerkinCoarsening, GridTransfer), zebra line relaxation
 * (ZebraLineRelaxation over TridiagonalLines) and the W-cycle (MultigridPreconditioner). Batched mg-gmres for many
 * models and bins at once, written once for every backend: BatchedMgGmres over solver.MultigridBatchOps, whose Java
 * reference and CPU setup is CpuMultigridBatch; BatchedSteadySolver solves a family in waves on the CPU or a device.
 */
package org.anisocr.solver.steady;
