package org.anisocr.run;

import org.anisocr.operator.Scheme;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backend;
import org.anisocr.solver.GpuFailure;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SplitStepper;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuMultigridDevice;
import org.anisocr.solver.gpu.GpuSplitStepper;
import org.anisocr.solver.gpu.GpuSteadySolver;
import org.anisocr.solver.gpu.GpuUnavailableException;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link Backend} a user asked for, resolved once for a run or a whole sweep: it opens the split stepper of
 * the time-stepping modes, says whether a steady solve goes to the GPU and opens the GPU steady solver.
 * <ul>
 *   <li>cpu: the Java reference;</li>
 *   <li>gpu: the GPU, or a {@link GpuUnavailableException} at {@link #resolve} (before any work) saying why not;</li>
 *   <li>auto: the GPU when one is usable, else the CPU, saying so in exactly one line (per resolved backend).</li>
 * </ul>
 */
public final class SolverBackend {
    private final Backend requested;
    private final int threads;
    private final Consumer<String> log;
    private final boolean referenceBatches;
    private GpuInfo gpu;          // probed when first needed (auto) or at resolve (gpu)
    private boolean fallbackSaid;
    private Supplier<MultigridDevice> standInDevice; // tests: a "usable GPU" whose batched multigrid runs on this
    private TuningOptions tuningOptions = TuningOptions.none();

    private SolverBackend(Backend requested, int threads, Consumer<String> log, boolean referenceBatches) {
        this.requested = requested;
        this.threads = threads;
        this.log = log;
        this.referenceBatches = referenceBatches;
    }

    /**
     * @param threads CPU worker threads (0 = all processors)
     * @param log     receives the fallback line and notes (nothing else)
     * @throws GpuUnavailableException for {@link Backend#GPU} when there is no usable GPU
     */
    public static SolverBackend resolve(Backend requested, int threads, Consumer<String> log) {
        SolverBackend b = new SolverBackend(requested, threads, log, false);
        if (requested == Backend.GPU) {
            b.requireGpu();
        }
        return b;
    }

    /** The CPU reference with {@code threads} workers, silent. */
    /** The reason given when the environment switches the GPU off ({@code ANISOCR_GPU=off}). */
    public static final String GPU_OFF_BY_ENVIRONMENT = "disabled by ANISOCR_GPU=off";

    /**
     * Makes every later probe answer "no usable GPU" with {@code reason}: how the command line honours
     * {@code ANISOCR_GPU=off}, and how tests get the same answer on machines with and without a device.
     */
    public static void switchGpuOff(String reason) {
        GpuDevice.switchOff(reason);
    }

    /**
     * Honours the value of the {@code ANISOCR_GPU} environment variable, which the command line reads and passes here:
     * "off" (any case) switches the GPU off; anything else, or null, leaves the probe as it is.
     */
    public static void applyGpuEnvironment(String anisocrGpu) {
        if ("off".equalsIgnoreCase(anisocrGpu)) {
            switchGpuOff(GPU_OFF_BY_ENVIRONMENT);
        }
    }

    /** Undoes {@link #switchGpuOff}. */
    public static void switchGpuOn() {
        GpuDevice.switchOn();
    }

    /** One line on the GPU this machine offers (or why none is usable), for {@code anisocr info}. */
    public static String describeDevice() {
        return GpuDevice.probe().describe();
    }

    public static SolverBackend cpu(int threads) { return new SolverBackend(Backend.CPU, threads, line -> { }, false); }

    /**
     * The CPU, but with the GPU's batched steady path run on its Java reference: what {@code --backend gpu} does
     * with a family of steady multigrid models (one batch, one result per model), runnable without a device. For
     * tests; users get the plain CPU solver with {@code --backend cpu}.
     */
    public static SolverBackend batchedReference(int threads) {
        return new SolverBackend(Backend.CPU, threads, line -> {}, true);
    }

    /**
     * For tests: {@code requested} as if a GPU were usable, its batched steady multigrid opened from {@code device}
     * (a stand-in that may fail on purpose), so that what an auto run falls back for can be measured without a GPU.
     */
    static SolverBackend withStandInDevice(Backend requested, int threads, Consumer<String> log,
                                           Supplier<MultigridDevice> device) {
        SolverBackend b = new SolverBackend(requested, threads, log, false);
        b.gpu = new GpuInfo(true, "stand-in", "stand-in device", 0, 0, 0, 0, 0);
        b.standInDevice = device;
        return b;
    }

    /** The command line's solver tuning, put over each model file's [solver.tuning]; returns this. */
    public SolverBackend withTuning(TuningOptions options) {
        this.tuningOptions = options;
        return this;
    }

    /** A model's tuning: its file's [solver.tuning] with the command line's choices over it. */
    public SolverTuning tuningFor(SolverTuning file) {
        return tuningOptions.over(file);
    }

    public Backend requested() { return requested; }

    /**
     * The backend for a model whose momentum bins a wind or energy losses couple: the GPU paths (split stepper,
     * banded LU, batched multigrid) solve independent bins, so cpu stays, gpu refuses before any work and auto goes
     * to the CPU saying so in one line.
     *
     * @throws GpuUnavailableException for --backend gpu
     */
    public SolverBackend forCoupledBins(String model) {
        String why = "model " + model + " has [convection] or [losses], whose momentum term couples the bins; the GPU"
                + " backend solves independent bins only";
        switch (requested) {
            case CPU:
                return this;
            case GPU:
                throw new GpuUnavailableException("--backend gpu: " + why + "; use --backend cpu or auto");
            default:
                log.accept(why + "; using the CPU backend");
                SolverBackend cpu = new SolverBackend(Backend.CPU, threads, log, false);
                cpu.tuningOptions = tuningOptions;
                return cpu;
        }
    }

    public int threads() { return threads; }

    /** Opens the split stepper of this backend for a problem (auto: falls back to the CPU with one line). */
    public SplitStepper openStepper(TransportProblem p) {
        switch (requested) {
            case CPU:
                return new CpuSplitStepper(p, threads);
            case GPU:
                requireGpu();
                return new GpuSplitStepper(p);
            default:
                if (gpuUsable()) {
                    try {
                        return new GpuSplitStepper(p);
                    } catch (GpuFailure e) {
                        log.accept("GPU " + gpu.name() + " could not take the problem (" + e.getMessage()
                                + "); using the CPU backend");
                        return new CpuSplitStepper(p, threads);
                    }
                }
                return new CpuSplitStepper(p, threads);
        }
    }

    /**
     * Whether a steady solve (modes steady / direct) of a scheme runs on the GPU ({@code GpuSteadySolver}, which
     * implements the paper's scheme): cpu → no; gpu → yes for the paper's scheme (other schemes: no, with a note);
     * auto → yes when a GPU is usable, else no with one line.
     */
    boolean steadyOnGpu(Scheme scheme) {
        if (requested == Backend.CPU) {
            return false;
        }
        if (scheme != Scheme.PAPER) {
            if (requested == Backend.GPU) {
                log.accept("note: scheme " + scheme.key()
                        + " runs on the CPU (the GPU steady solver implements the paper's scheme)");
            }
            return false;
        }
        return requested == Backend.GPU || gpuUsable();
    }

    /**
     * Whether steady multigrid solves go to a batch device ({@link #openMultigridDevice}): the GPU when
     * {@link #steadyOnGpu} says so, or the Java reference of {@link #batchedReference}.
     */
    boolean batchesSteady(Scheme scheme) { return referenceBatches ? scheme == Scheme.PAPER : steadyOnGpu(scheme); }

    /** The device of the batched steady multigrid (null: its Java reference), relaxing as {@code tuning} says. */
    MultigridDevice openMultigridDevice(SolverTuning tuning) {
        if (standInDevice != null) {
            return standInDevice.get();
        }
        return referenceBatches ? null : GpuMultigridDevice.open(tuning.lineRelaxation());
    }

    /** "gpu", or "cpu" for the Java reference of the batched path. */
    String batchDeviceKind() { return referenceBatches ? "cpu" : "gpu"; }

    /** Opens the GPU steady solver, once {@link #steadyOnGpu} has said yes (it owns its runtime; close it). */
    GpuSteadySolver openGpuSteadySolver(SolverTuning tuning) {
        return new GpuSteadySolver().kernel(tuning.steadyKernel());
    }

    /** Where a GPU failure during an auto run is reported before the CPU takes over. */
    void fallBack(String line) { log.accept(line); }

    private void requireGpu() {
        if (gpu == null) {
            gpu = GpuDevice.probe();
        }
        if (!gpu.available()) {
            throw new GpuUnavailableException(
                    "--backend gpu requested but " + gpu.describe() + "; use --backend cpu or auto");
        }
    }

    /** auto: probes once; the first time the answer is no, says so in one line. */
    private boolean gpuUsable() {
        if (gpu == null) {
            gpu = GpuDevice.probe();
        }
        if (!gpu.available() && !fallbackSaid) {
            fallbackSaid = true;
            log.accept(gpu.describe() + "; using the CPU backend");
        }
        return gpu.available();
    }
}
