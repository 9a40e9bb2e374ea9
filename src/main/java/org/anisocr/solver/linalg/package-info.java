/**
 * Dense and banded linear algebra shared by the solver backends, below all of them: the Thomas algorithm for
 * tridiagonal lines (Crank–Nicolson lines of solver.cpu, zebra line relaxation of solver.steady) and the small
 * Hessenberg least-squares problem of GMRES (Givens rotations and back substitution, used by FlexibleGmres and
 * BatchedMgGmres). Pure Java on plain arrays: it imports no other anisocr package, so solver.cpu, solver.gpu and
 * solver.steady may all use it without importing each other.
 */
package org.anisocr.solver.linalg;
