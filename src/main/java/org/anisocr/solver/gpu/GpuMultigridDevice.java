package org.anisocr.solver.gpu;

import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.SolverTuning.LineRelaxation;

import java.util.List;

import static jcuda.driver.JCudaDriver.cuMemGetInfo;

/**
 * The GPU as the device of batched mg-gmres: owns a {@link GpuRuntime} for the whole batch (all its waves) and
 * either builds each wave's hierarchies itself (paper's operator, {@link GpuMultigridSetup}) or uploads those the CPU
 * built, into a {@link GpuMultigridBatch}.
 */
public final class GpuMultigridDevice implements MultigridDevice {
    /** Share of the free device memory a wave may take (the rest: the runtime, the reductions, fragmentation). */
    static final double MEMORY_SHARE = 0.8;

    private final GpuRuntime rt;
    private final LineRelaxation relaxation;

    private GpuMultigridDevice(GpuRuntime rt, LineRelaxation relaxation) {
        this.rt = rt;
        this.relaxation = relaxation;
    }

    /** @throws GpuUnavailableException when there is no usable GPU */
    public static GpuMultigridDevice open() { return open(LineRelaxation.AUTO); }

    /**
     * @param relaxation the kernel of the zebra half-sweeps of every batch on this device
     * @throws GpuUnavailableException when there is no usable GPU
     */
    public static GpuMultigridDevice open(LineRelaxation relaxation) {
        return new GpuMultigridDevice(GpuRuntime.open(), relaxation);
    }

    @Override public MultigridBatchOps<?> upload(PackedMultigrid packed) {
        return new GpuMultigridBatch(rt, packed, relaxation);
    }

    /**
     * Builds the wave's hierarchies on the GPU ({@link GpuMultigridSetup}) and hands them to a {@link
     * GpuMultigridBatch}.
     */
    @Override
    public MultigridBatchOps<?> setUpPaper(PackedMultigrid shape, List<TransportProblem> models, List<int[]> systems) {
        return new GpuMultigridBatch(rt, GpuMultigridSetup.build(rt, shape, models, systems), relaxation);
    }

    @Override public long memoryBudgetBytes() {
        rt.makeCurrent();
        long[] free = {0};
        long[] total = {0};
        GpuException.check("asking for the free device memory", () -> cuMemGetInfo(free, total));
        return (long) (MEMORY_SHARE * free[0]);
    }

    @Override public String describe() { return rt.info().describe(); }

    @Override public void close() { rt.close(); }
}
