/**
 * Steady state on a 3D Cartesian grid, −L N = S per momentum bin, with L the matrix-free symmetric scheme of
 * operator.SymmetricOperator3D: SteadySolver3D (settings in Steady3DSettings with Steady3DMethod and Smoother3D,
 * one bin's answer in Steady3DResult). −L is symmetric positive definite on the free nodes, so the outer iteration
 * is conjugate gradients, preconditioned by a symmetric multigrid V-cycle: Hierarchy3D (Galerkin coarse operators
 * of the isotropic and b b parts, built once per model, combined per bin), Galerkin, Transfer, StencilOps
 * (products and multicolour point/line relaxation), BandedCholesky (coarsest level), VCycle3D. Built only from
 * operations a GPU can run: stencil application, line solves, transfers and reductions (docs/solvers-3d.md).
 */
package org.anisocr.solver.steady3d;
