package org.anisocr.solver.steady;

/** z ≈ (−L)⁻¹ r for one momentum bin. May change from call to call (the solver is flexible GMRES). */
public interface Preconditioner {
    void apply(double[] r, double[] z);
}
