/**
 * Steady state on a 3D Cartesian grid, −L N = S per momentum bin, with L the matrix-free symmetric scheme of
 * operator.SymmetricOperator3D: SteadySolver3D (settings in Steady3DSettings, one bin's answer in Steady3DResult).
 * −L is symmetric positive definite on the free nodes, so the outer iteration is preconditioned conjugate gradients.
 * Built only from operations a GPU can run: stencil application, line solves, transfers and reductions.
 */
package org.anisocr.solver.steady3d;
