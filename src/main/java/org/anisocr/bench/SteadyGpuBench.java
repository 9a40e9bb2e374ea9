package org.anisocr.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.field.RealisticField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SolverTuning.SteadyKernel;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuSteadySolver;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.anisocr.source.PulsarSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The GPU targets of the exact steady solve ({@link GpuSteadySolver}, banded LU on the device) of the realistic
 * model, 201×81 grid, 33 momenta, for one model (target ≤ 0.1 s on one H100) and for a 64-model family (≤ 1 s).
 * Usage (on the GPU machine, see bench/run-on-device.sh):
 * <pre>
 * java -cp anisocr.jar org.anisocr.bench.SteadyGpuBench [--grid 201x81] [--momenta 33] [--models 1,64] [--reps 3]
 *     [--no-reference] --out FILE
 * </pre>
 * Per case: wall_seconds = the whole {@code solve} call (uploads, all kernels, device residual, download), best of
 * --reps after one warm-up; device_seconds = launch of the first kernel to the end of the residual (host-timed
 * across a stream synchronisation); for the first case also the agreement with the Java direct solve
 * (max rel. diff over bins) and that solve's time on this machine's CPU, unless --no-reference (the device script
 * times the 64-model family apart from the one-model case, whose reference it already has).
 */
public final class SteadyGpuBench {
    public static List<TransportProblem> family(int nR, int nZ, int momenta, int models) {
        SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, nR, nZ);
        MomentumGrid p = new MomentumGrid(1, 1e4, momenta);
        RealisticField field = RealisticField.standard();
        double[] epsD = {0.01, 0.1, 0.03, 0.001};
        double[] dPerp = {0.5, 0.6, 0.7, 0.55};
        List<TransportProblem> out = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            out.add(new TransportProblem(
                    grid,
                    p,
                    new DiffusionTensor(0.033143, 0.3, dPerp[(m / 4) % 4], epsD[m % 4], 1),
                    field,
                    new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1)));
        }
        return out;
    }

    /** What to run: grid, momenta, the family sizes (one case each), timed repetitions, the CPU reference or not. */
    record Options(int nR, int nZ, int momenta, List<Integer> models, int reps, boolean reference, Path out) {
        Options {
            models = List.copyOf(models);
        }

        static Options parse(String[] args) {
            int nR = 201;
            int nZ = 81;
            int momenta = 33;
            int reps = 3;
            String modelsArg = "1,64";
            boolean reference = true;
            Path out = null;
            for (int a = 0; a < args.length; a++) {
                switch (args[a]) {
                    case "--grid" -> {
                        String[] g = args[++a].split("x");
                        nR = Integer.parseInt(g[0]);
                        nZ = Integer.parseInt(g[1]);
                    }
                    case "--momenta" -> momenta = Integer.parseInt(args[++a]);
                    case "--models" -> modelsArg = args[++a];
                    case "--reps" -> reps = Integer.parseInt(args[++a]);
                    case "--out" -> out = Path.of(args[++a]);
                    case "--no-reference" -> reference = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[a]);
                }
            }
            List<Integer> models = Arrays.stream(modelsArg.split(",")).map(m -> Integer.parseInt(m.trim())).toList();
            return new Options(nR, nZ, momenta, models, reps, reference, out);
        }
    }

    /** The JSON this harness writes: the problem, one entry per family size, or why no GPU was used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(@JsonProperty("benchmark") String benchmark,
                  @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("device") String device,
                  @JsonProperty("device_detail") String deviceDetail,
                  @JsonProperty("grid") String grid,
                  @JsonProperty("momenta") int momenta,
                  @JsonProperty("bytes_per_system") long bytesPerSystem,
                  @JsonProperty("cases") List<Case> cases,
                  @JsonProperty("gpu_unavailable") String gpuUnavailable) {
        Result {
            cases = List.copyOf(cases);
        }
    }

    /**
     * One family size: the best of the repetitions (wall and device seconds), the kernel and its launch shape; for the
     * first case also the global-memory kernel and the CPU's direct solve of model 0, for comparison.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Case(@JsonProperty("models") int models,
                @JsonProperty("systems") int systems,
                @JsonProperty("kernel") String kernel,
                @JsonProperty("systems_per_launch") int systemsPerLaunch,
                @JsonProperty("launches") int launches,
                @JsonProperty("blocks_per_multiprocessor") int blocksPerMultiprocessor,
                @JsonProperty("wall_seconds") double wallSeconds,
                @JsonProperty("device_seconds") double deviceSeconds,
                @JsonProperty("wall_seconds_per_model") double wallSecondsPerModel,
                @JsonProperty("warmup_wall_seconds") double warmupWallSeconds,
                @JsonProperty("residual_max") double residualMax,
                @JsonUnwrapped GlobalKernel globalKernel,
                @JsonUnwrapped CpuDirect cpuDirect) {}

    /** The global-memory kernel on the same family (where the shared-memory one was chosen). */
    record GlobalKernel(@JsonProperty("global_kernel_wall_seconds") double wallSeconds,
                        @JsonProperty("global_kernel_device_seconds") double deviceSeconds,
                        @JsonProperty("max_rel_diff_global_vs_shm") double maxRelDiffGlobalVsShm) {}

    /** The Java direct solve of model 0 on this machine's CPU. */
    record CpuDirect(@JsonProperty("cpu_direct_seconds_model0") double seconds,
                     @JsonProperty("cpu_threads") int threads,
                     @JsonProperty("max_rel_diff_vs_cpu_direct_model0") double maxRelDiffModel0) {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        GpuInfo info = GpuDevice.probe();
        List<Case> cases = new ArrayList<>();
        if (info.available()) {
            try (GpuSteadySolver gpu = new GpuSteadySolver()) {
                boolean firstCase = o.reference();
                for (int models : o.models()) {
                    cases.add(measure(gpu, o, models, firstCase));
                    firstCase = false;
                }
            }
        } else {
            System.out.println("no usable GPU (" + info.reason() + "): nothing timed");
        }
        Result r = new Result(BENCHMARK, info.available() ? info.name() : null, info.describe(), o.nR() + "x" + o.nZ(),
                o.momenta(), GpuSteadySolver.bytesPerSystem(o.nR(), o.nZ()), cases,
                info.available() ? null : info.reason());
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(r);
        if (o.out() == null) {
            System.out.write(json);
        } else {
            if (o.out().toAbsolutePath().getParent() != null) {
                Files.createDirectories(o.out().toAbsolutePath().getParent());
            }
            Files.write(o.out(), json);
        }
        System.out.flush();
    }

    private static final String BENCHMARK = "steady-gpu: GpuSteadySolver, banded LU per system on the "
            + "device, realistic field";

    /** One family size: a warm-up, then the best of {@code reps}; with the references when {@code withReferences}. */
    private static Case measure(GpuSteadySolver gpu, Options o, int models, boolean withReferences) {
        List<TransportProblem> family = family(o.nR(), o.nZ(), o.momenta(), models);
        GpuSteadySolver.Result warm = gpu.solve(family);
        GpuSteadySolver.Result best = null;
        for (int q = 0; q < o.reps(); q++) {
            GpuSteadySolver.Result res = gpu.solve(family);
            if (best == null || res.wallSeconds() < best.wallSeconds()) {
                best = res;
            }
        }
        int blocksPerMultiprocessor = gpu.lastBlocksPerMultiprocessor();   // occupancy, max shared carveout
        GlobalKernel global = null;
        CpuDirect direct = null;
        if (withReferences && best.kernel().equals("steady_band_lu_shm")) {
            gpu.kernel(SteadyKernel.GLOBAL);
            GpuSteadySolver.Result g = gpu.solve(family);
            double vsShared = Measurements.maxRelDiff(g.density()[0], best.density()[0]);
            global = new GlobalKernel(g.wallSeconds(), g.deviceSeconds(), vsShared);
            gpu.kernel(SteadyKernel.AUTO);
        }
        if (withReferences) {
            long t0 = System.nanoTime();
            double[][] ref = new DirectSteadySolver(family.get(0), 0).solve();
            direct = new CpuDirect((System.nanoTime() - t0) * 1e-9, Runtime.getRuntime().availableProcessors(),
                    Measurements.maxRelDiff(best.density()[0], ref));
        }
        System.out.println(String.format(Locale.ROOT,
                "%d model(s) x %d momenta: %.4f s wall (%.4f s device, %s), residual %.2e",
                models, o.momenta(), best.wallSeconds(), best.deviceSeconds(), best.kernel(), best.maxResidual()));
        return new Case(models, models * o.momenta(), best.kernel(), best.chunkSize(), best.chunks(),
                blocksPerMultiprocessor, best.wallSeconds(), best.deviceSeconds(), best.wallSeconds() / models,
                warm.wallSeconds(), best.maxResidual(), global, direct);
    }
}
