package org.anisocr.solver;

/**
 * A device that runs the solve phase of batched mg-gmres: it takes the hierarchies of a wave of systems
 * ({@link PackedMultigrid}, built on the CPU) and returns its {@link MultigridBatchOps}. Implemented by the GPU
 * backend; the Java reference needs none (solver.steady uses its own setup directly).
 */
public interface MultigridDevice extends AutoCloseable {
    /** Copies the hierarchies to the device and returns the operations on them (close them after the wave). */
    MultigridBatchOps<?> upload(PackedMultigrid packed);

    /** Bytes one wave may take on the device now (a share of its free memory). */
    long memoryBudgetBytes();

    /** The device, e.g. "NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 79.2 GiB)". */
    String describe();

    @Override void close();
}
