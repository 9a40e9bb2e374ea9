/**
 * The discrete operator: diffusion tensor, field direction b_i b_j and drifts, the paper's stencil assembled once
 * (OperatorCoefficients) for every backend, the steady matrices of each scheme, the residual, and TransportProblem (one
 * model made discrete, with its Source term); in 3D, so far, the matrix-free symmetric scheme SymmetricOperator3D.
 */
package org.anisocr.operator;
