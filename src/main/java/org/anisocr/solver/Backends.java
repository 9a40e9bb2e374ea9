package org.anisocr.solver;

import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuSplitStepper;
import org.anisocr.solver.gpu.GpuUnavailableException;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Chooses the backend behind {@code --backend auto|cpu|gpu}:
 * <ul>
 *   <li>auto: the GPU when one is usable, else the CPU, saying so in exactly one log line;</li>
 *   <li>gpu: the GPU, or a {@link GpuUnavailableException} that says why not;</li>
 *   <li>cpu: the Java reference.</li>
 * </ul>
 */
public final class Backends {
    private Backends() {}

    /**
     * Whether a steady solve (modes steady / direct) runs on the GPU ({@code GpuSteadySolver}): cpu → no;
     * gpu → yes, or a {@link GpuUnavailableException} that says why not; auto → yes when a GPU is usable,
     * else no with one line to {@code log}.
     */
    public static boolean steadyOnGpu(String backend, Consumer<String> log) {
        String b = backend == null ? "auto" : backend.toLowerCase(Locale.ROOT);
        switch (b) {
            case "cpu":
                return false;
            case "gpu": {
                GpuInfo info = GpuDevice.probe();
                if (!info.available())
                    throw new GpuUnavailableException("--backend gpu requested but " + info.describe()
                            + "; use --backend cpu or auto");
                return true;
            }
            case "auto": {
                GpuInfo info = GpuDevice.probe();
                if (info.available()) return true;
                log.accept(info.describe() + "; using the CPU backend");
                return false;
            }
            default:
                throw new IllegalArgumentException("backend must be auto, cpu or gpu, got '" + backend + "'");
        }
    }

    /**
     * @param backend auto, cpu or gpu (case-insensitive)
     * @param threads CPU worker threads (0 = all processors)
     * @param log     receives the fallback line (and nothing else)
     */
    public static SplitStepper open(TransportProblem p, String backend, int threads, Consumer<String> log) {
        String b = backend == null ? "auto" : backend.toLowerCase(Locale.ROOT);
        switch (b) {
            case "cpu":
                return new CpuSplitStepper(p, threads);
            case "gpu": {
                GpuInfo info = GpuDevice.probe();
                if (!info.available())
                    throw new GpuUnavailableException("--backend gpu requested but " + info.describe()
                            + "; use --backend cpu or auto");
                return new GpuSplitStepper(p);
            }
            case "auto": {
                GpuInfo info = GpuDevice.probe();
                if (info.available()) {
                    try {
                        return new GpuSplitStepper(p);
                    } catch (RuntimeException e) {
                        log.accept("GPU " + info.name() + " could not take the problem (" + e.getMessage() + "); using the CPU backend");
                        return new CpuSplitStepper(p, threads);
                    }
                }
                log.accept(info.describe() + "; using the CPU backend");
                return new CpuSplitStepper(p, threads);
            }
            default:
                throw new IllegalArgumentException("backend must be auto, cpu or gpu, got '" + backend + "'");
        }
    }
}
