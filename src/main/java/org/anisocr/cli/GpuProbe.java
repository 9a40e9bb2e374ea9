package org.anisocr.cli;

import org.anisocr.run.SolverBackend;

/**
 * Prints in one line what the GPU probe finds (name, SMs, driver, whether the fatbin loads) or why there is no usable
 * GPU, honouring {@code ANISOCR_GPU=off} as every command does: {@code java -cp anisocr.jar org.anisocr.cli.GpuProbe}.
 * The device scripts start with it because it needs no picocli parsing and answers in seconds.
 */
public final class GpuProbe {
    private GpuProbe() {}

    public static void main(String[] args) {
        SolverBackend.applyGpuEnvironment(System.getenv("ANISOCR_GPU"));
        System.out.println(SolverBackend.describeDevice());
    }
}
