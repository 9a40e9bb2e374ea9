package org.anisocr.solver;

import org.anisocr.operator.TransportProblem;

import java.util.List;

/**
 * A device that runs the solve phase of batched mg-gmres: it takes the hierarchies of a wave of systems
 * ({@link PackedMultigrid}, built on the CPU) and returns its {@link MultigridBatchOps}. Implemented by the GPU
 * backend; the Java reference needs none (solver.steady uses its own setup directly).
 */
public interface MultigridDevice extends AutoCloseable {
    /** Copies the hierarchies to the device and returns the operations on them (close them after the wave). */
    MultigridBatchOps<?> upload(PackedMultigrid packed);

    /**
     * Builds the hierarchies of these systems on the device itself, from the paper's operator of their models (the
     * coefficient tables and the two scalars of every bin: nothing grid-sized is assembled or copied on the host).
     * The hierarchies equal those the CPU setup would pack, level by level (same grids, same arithmetic).
     * @param shape   the levels, coarsening flags and coarsest numbering of the hierarchies ({@link PackedMultigrid}
     * with
     *                empty arrays, for E = systems.size(); the coarsening rule is the steady package's)
     * @param models  the models (paper's operator), all on the shape's fine grid
     * @param systems {model index, momentum bin} of every system, in batch order
     * @return the operations on them, or null when this device cannot set up on its own (the caller then builds
     *         the hierarchies on the CPU and calls {@link #upload})
     */
    default MultigridBatchOps<?> setUpPaper(PackedMultigrid shape, List<TransportProblem> models,
                                            List<int[]> systems) {
        return null;
    }

    /** Bytes one wave may take on the device now (a share of its free memory). */
    long memoryBudgetBytes();

    /** The device, e.g. "NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 79.2 GiB)". */
    String describe();

    @Override void close();
}
