package org.anisocr.solver;

/**
 * The solve-phase operations of batched multigrid-preconditioned GMRES (mg-gmres) on E systems at once, as one
 * backend provides them: the Java reference (solver.steady) or the device kernels (solver.gpu). The algorithm
 * (W-cycle, flexible GMRES with per-system Givens rotations) is written once, against this interface, in
 * {@code solver.steady.BatchedMgGmres}; every operation here is data-parallel over nodes (or lines) and systems.
 * A = −L is the matrix solved; all vectors are zero on Dirichlet nodes.
 *
 * @param <V> a vector of E systems on one grid level (a backend's own handle: host arrays or device memory)
 */
public interface MultigridBatchOps<V> extends AutoCloseable {
    /** E. */
    int entries();

    /** Number of grid levels (finest = 0). */
    int levels();

    /** Nodes of a level (per system). */
    int nodes(int level);

    /** A new zeroed vector on a level. */
    V vector(int level);

    /** count new zeroed vectors on the finest level, in one allocation (a Krylov basis); {@link #member} picks one. */
    V block(int count);

    /** Vector i of a block (a view: writing it writes the block). */
    V member(V block, int i);

    void zero(V x);

    void copy(V from, V to);

    /** Finest-level vector from host data: values[b][idx]. */
    void upload(double[][] values, V x);

    /** Finest-level vector to host data: [b][idx]. */
    double[][] download(V x);

    /**
     * One zebra half-sweep of line Gauss–Seidel for A x = f on a level: every line of the parity along R or along z.
     */
    void relax(int level, boolean alongR, int parity, V f, V x);

    /** r = f + L x = f − A x on a level. */
    void residual(int level, V f, V x, V r);

    /** w = A z = −L z on the finest level. */
    void applyA(V z, V w);

    /** fCoarse = Pᵀ rFine from level to level + 1. */
    void restrict(int level, V rFine, V fCoarse);

    /** xFine += P xCoarse from level + 1 to level. */
    void prolongAdd(int level, V xCoarse, V xFine);

    /** x = A⁻¹ f on the coarsest level (exact banded LU). */
    void coarsestSolve(V f, V x);

    /** dots[i][b] = ⟨basis_i, w⟩ of system b for i < count (one batched reduction). */
    double[][] dots(V basis, int count, V w);

    /** y_b += Σ_{i<count} coefficients[i][b]·basis_i,b. */
    void combine(V basis, int count, double[][] coefficients, V y);

    /** x_b *= factors[b]. */
    void scale(V x, double[] factors);

    /** Waits for queued work (device backends); a failure names it. */
    default void finish() {}

    @Override void close();
}
