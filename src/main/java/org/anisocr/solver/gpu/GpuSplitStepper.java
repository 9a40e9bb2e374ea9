package org.anisocr.solver.gpu;

import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SplitStepper;

import java.util.List;

/**
 * {@link SplitStepper} of one model on the GPU: a {@link GpuBatchStepper} with a batch of one model
 * (all its momentum bins in one launch per sub-step). Same arithmetic as CpuSplitStepper.
 */
public final class GpuSplitStepper implements SplitStepper {
    private final TransportProblem problem;
    private final GpuBatchStepper batch;

    /** @throws GpuUnavailableException when no usable GPU is present */
    public GpuSplitStepper(TransportProblem problem) {
        this.problem = problem;
        this.batch = new GpuBatchStepper(List.of(problem));
    }

    public GpuSplitStepper(GpuRuntime runtime, TransportProblem problem) {
        this.problem = problem;
        this.batch = new GpuBatchStepper(runtime, List.of(problem));
    }

    @Override public TransportProblem problem() { return problem; }
    @Override public void setState(double[][] density) { batch.setState(0, density); }
    @Override public double[][] state() { return batch.state(0); }
    @Override public double advance(double dtMyr, int steps) { return batch.advance(dtMyr, steps); }
    @Override public String backend() { return "gpu"; }

    /** ‖L N + S‖₂ / ‖S‖₂ per momentum bin, computed on the device. */
    public double[] relativeResiduals() { return batch.relativeResiduals(); }

    /** The underlying batch stepper (line-solver choice, timing). */
    public GpuBatchStepper batch() { return batch; }

    @Override public void close() { batch.close(); }
}
