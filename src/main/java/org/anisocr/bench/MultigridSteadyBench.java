package org.anisocr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.Version;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backend;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuMultigridDevice;
import org.anisocr.solver.gpu.GpuRuntime;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.anisocr.solver.steady.SteadySolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code anisocr bench steady}: the steady state of the paper's realistic model by batched mg-gmres on the
 * GPU against the CPU's mg-gmres on the same runs, in one call:
 * <ul>
 *   <li>{@code model_seconds}: one model (201×81×33 by default) end to end (the problem built from the model file,
 *       hierarchies, upload, solve, download), best of the repetitions after a warm-up;</li>
 *   <li>{@code family_seconds}: a family of εD × δ⊥ × δ∥ (4 × 4 × 4 = 64 models) in one batch, end to end;</li>
 *   <li>{@code highres_seconds}: 801×321×33 (and any further grids asked for);</li>
 *   <li>the CPU's time for the same runs ({@link SteadySolver}, mg-gmres, {@code cpuThreads} threads; the family's
 *       CPU time from a sample of its models, scaled, and said so);</li>
 *   <li>{@code max_rel_diff_vs_cpu}: the GPU's density against the Java reference of the same batched solver, and
 *       against the CPU solver;</li>
 *   <li>achieved bandwidth: a traffic model of the solve phase ({@link #bytesPerIteration}) over the solve time,
 *       beside the device's copy bandwidth measured in the same run.</li>
 * </ul>
 * Without a usable GPU it measures the CPU side and writes every GPU figure as null with {@code gpu_unavailable}; with
 * {@code rehearse} it runs the GPU part on the Java reference of the batched solver instead (to check the bench here).
 */
public final class MultigridSteadyBench {
    /** What to run. */
    public record Options(Path config, int momenta, int familyModels, List<GridSize> highresGrids, Backend backend,
                          int cpuThreads, int reps, int cpuFamilySample, double tolerance, boolean rehearse, Path out) {
        public Options {
            highresGrids = List.copyOf(highresGrids);
        }
    }

    /** A grid of NR x Nz nodes on the model's domain. */
    public record GridSize(int nR, int nZ) {}

    /** The family's axes: εD, δ⊥, δ∥ (4 × 4 × 4 = 64 models; fewer models take the first ones). */
    static final double[] EPS_D = {0.003, 0.01, 0.03, 0.1};
    static final double[] DELTA_PERP = {0.5, 0.6, 0.7, 0.8};
    static final double[] DELTA_PAR = {0.2, 0.3, 0.4, 0.5};

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String BENCHMARK =
            "steady mg-gmres: batched on the GPU vs the CPU solver, realistic field";
    private static final String REHEARSAL = "no GPU: the 'GPU' figures are the Java reference of the batched solver "
            + "(checks the bench, not the device)";
    private static final String TRAFFIC_MODEL = "bytes per lockstep iteration and system = 8 x [sum over levels of "
            + "visits x 72 x nodes (8 half-sweeps of ~7 values a node, residual 12, transfers ~4) + coarsest band + "
            + "(4 j + 23) x finest nodes (A z, CGS2 with j basis vectors on average, norms, scaling)]; counted from "
            + "the kernels' reads and writes, not measured by a profiler";

    private MultigridSteadyBench() {}

    /** What every step needs: the options, the model file's text, the solver settings, the CPU threads, the log. */
    private record Context(Options o, String base, SteadySettings settings, int cpuThreads, Consumer<String> log) {}

    /** The one model's problem, built once (timed) and solved by every step. */
    private record Model(SteadyOperator op, String size, double problemSeconds) {}

    /** Runs the benchmark (CPU, then the device or its rehearsal), writes the JSON and returns it. */
    public static SteadyMultigridResult run(Options o, Consumer<String> log) throws IOException {
        GpuInfo info = DeviceHeader.probe(o.backend(), "bench steady");
        DeviceHeader header = DeviceHeader.of(info);
        boolean gpu = DeviceHeader.usable(info);
        int cpuThreads = o.cpuThreads() > 0 ? o.cpuThreads() : Runtime.getRuntime().availableProcessors();
        SteadySettings settings = SteadySettings.defaults(SteadyMethod.MG_GMRES).withTolerance(o.tolerance());
        Context cx = new Context(o, Files.readString(o.config()), settings, cpuThreads, log);
        Model model = model(cx);
        CpuRun cpu = cpuModel(cx, model);
        boolean rehearsal = !gpu && o.rehearse();
        SteadyMultigridResult.DeviceRuns device = null;
        Map<String, Boolean> targets = new LinkedHashMap<>();
        if (gpu || rehearsal) {
            device = deviceRuns(cx, model, cpu, gpu, targets);
        }
        SteadyMultigridResult r = new SteadyMultigridResult(Version.get(), BENCHMARK, header, cpuThreads,
                Runtime.getRuntime().availableProcessors(), o.config().toString(), o.tolerance(), model.size(),
                model.problemSeconds(), cpu.figures(), rehearsal ? REHEARSAL : null, device, targets, TRAFFIC_MODEL);
        Path out = o.out() != null ? o.out() : AtomicFile.freshName(defaultOut(gpu ? info.name() : "no-gpu"));
        AtomicFile.write(out, true, "--out", JSON.writeValueAsBytes(r));
        log.accept("wrote " + out);
        return r;
    }

    /**
     * The one model from the model file with the asked momenta. "End to end" starts from the model files: the problem
     * build (field tables, sources) is added to every solve time.
     */
    private static Model model(Context cx) {
        String momenta = Integer.toString(cx.o().momenta());
        ModelConfig model = ModelConfig.parse("bench", withValues(cx.base(), Map.of("count", momenta)))
                .require2d("bench steady");
        SpatialGrid g = model.grid();
        Built built = build(List.of(model));
        return new Model(built.operators().get(0), g.nR() + "x" + g.nZ() + "x" + cx.o().momenta(), built.seconds());
    }

    /** The CPU solver's figures on the one model, and its density (what the device is compared with). */
    private static final class CpuRun {
        private final SteadyMultigridResult.CpuModel figures;
        private final double[][] density;

        CpuRun(SteadyMultigridResult.CpuModel figures, double[][] density) {
            this.figures = figures;
            this.density = density;
        }

        SteadyMultigridResult.CpuModel figures() {
            return figures;
        }
    }

    /** The CPU's mg-gmres on the one model: best of {@code reps} after a warm-up (rep 0 warms up the JIT). */
    private static CpuRun cpuModel(Context cx, Model model) {
        cx.log().accept("cpu: " + model.size() + ", mg-gmres, " + cx.cpuThreads() + " threads, "
                + cx.o().reps() + " reps");
        double[][] density = null;
        int iterations = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep <= cx.o().reps(); rep++) {
            long t0 = System.nanoTime();
            SteadySolver.Result c = new SteadySolver(cx.settings(), cx.cpuThreads()).solve(model.op(), null);
            double s = (System.nanoTime() - t0) * 1e-9;
            if (rep > 0) {
                best = Math.min(best, s);
            }
            density = c.density();
            iterations = c.sweepsMax();
        }
        double endToEnd = best + model.problemSeconds();
        cx.log().accept(String.format(Locale.ROOT, "cpu: %s in %.3f s", model.size(), endToEnd));
        return new CpuRun(new SteadyMultigridResult.CpuModel(iterations, best, endToEnd), density);
    }

    /** The one model, the family, the other setup place and relaxation kernel (on a GPU), the high-resolution grids. */
    private static SteadyMultigridResult.DeviceRuns deviceRuns(Context cx, Model model, CpuRun cpu, boolean gpu,
                                                               Map<String, Boolean> targets) {
        SteadyMultigridResult.ModelRun one;
        SteadyMultigridResult.FamilyRun family;
        SteadyMultigridResult.SetupPlaceComparison place = null;
        SteadyMultigridResult.RelaxComparison relax = null;
        List<SteadyMultigridResult.HighresRun> high = new ArrayList<>();
        try (MultigridDevice device = gpu ? GpuMultigridDevice.open() : null) { // null: the Java reference
            Timed oneTimed = deviceModel(cx, model, device);
            one = modelRun(cx, model, cpu, oneTimed);
            targets.put("model_seconds <= 0.1", one.seconds() <= 0.1);
            Family fam = family(cx, device);
            family = fam.run();
            targets.put("family_seconds <= 2 (64 models)", family.seconds() <= 2);
            if (gpu) {
                place = setupPlaceComparison(cx, model, oneTimed.plus(model.problemSeconds()), fam, device);
                relax = relaxComparison(model.op(), cx.settings(), model.problemSeconds(), cx.log());
            }
            fam = null; // the family's operators and densities are not needed for the high-resolution grids
            for (GridSize nm : cx.o().highresGrids()) {
                SteadyMultigridResult.HighresRun h = highres(cx, nm, device);
                high.add(h);
                targets.put(h.grid() + " <= " + h.targetSeconds() + " s", h.gpuSeconds() <= h.targetSeconds());
            }
        }
        Double copyGBps = null;
        if (gpu) {
            try (GpuRuntime rt = GpuRuntime.open()) {
                copyGBps = Benchmark.copyBandwidthGBps(rt, 1L << 30);
            }
        }
        boolean fast = one.speedup() >= 20 && family.speedup() >= 20;
        targets.put(">= 20x the " + cx.cpuThreads() + "-thread CPU (model, family)", fast);
        SteadyMultigridResult.HighresRun first = high.isEmpty() ? null : high.get(0);
        return new SteadyMultigridResult.DeviceRuns(one, family, place, relax, high,
                first == null ? null : first.gpuSeconds(), first == null ? null : first.grid(),
                first == null ? null : first.cpuSeconds(), copyGBps,
                shareOfCopy(one.figures(), copyGBps), shareOfCopy(family.figures(), copyGBps));
    }

    /** The solve phase's achieved bandwidth as a share of the device's copy bandwidth; null where either is unknown. */
    private static Double shareOfCopy(SteadyMultigridResult.SolveFigures f, Double copyGBps) {
        return f.achievedGBpsModel() == null || copyGBps == null ? null : f.achievedGBpsModel() / copyGBps;
    }

    /** The one model on the device: the last of {@code reps} after a warm-up, with the best time of them. */
    private static Timed deviceModel(Context cx, Model model, MultigridDevice device) {
        Timed last = null;
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep <= cx.o().reps(); rep++) {
            Timed t = timed(List.of(model.op()), cx.settings(), device);
            if (rep > 0) {
                best = Math.min(best, t.seconds);
            }
            last = t;
        }
        return new Timed(last.result, best, last.bytesPerIteration);
    }

    private static SteadyMultigridResult.ModelRun modelRun(Context cx, Model model, CpuRun cpu, Timed one) {
        double best = one.seconds + model.problemSeconds();
        BatchedSteadySolver.Result reference =
                BatchedSteadySolver.solve(List.of(model.op()), cx.settings(), cx.cpuThreads(), null);
        double vsReference = Measurements.maxRelDiff(one.result.density()[0], reference.density()[0]);
        double cpuSeconds = cpu.figures().seconds();
        cx.log().accept(String.format(Locale.ROOT,
                "gpu: %s in %.3f s (setup on the %s %.3f s), %.1fx the CPU; max rel diff %.2e",
                model.size(), best, one.result.setup(), one.result.setupSeconds(), cpuSeconds / best, vsReference));
        return new SteadyMultigridResult.ModelRun(one.seconds, best, figures(one), vsReference,
                "GPU density vs the Java reference of the same batched solver (same tolerance)",
                Measurements.maxRelDiff(one.result.density()[0], cpu.density), cpuSeconds / best);
    }

    /** The family's run (for the JSON), and its operators and timing (for the setup-place comparison). */
    private record Family(SteadyMultigridResult.FamilyRun run, List<SteadyOperator> operators, Timed timed,
                          double problemSeconds) {
        Family {
            operators = List.copyOf(operators);
        }
    }

    /** The family of εD × δ⊥ × δ∥ in one batch end to end, and the CPU solver on a sample of it, scaled. */
    private static Family family(Context cx, MultigridDevice device) {
        Options o = cx.o();
        List<ModelConfig> configs = new ArrayList<>();
        for (int m = 0; m < o.familyModels(); m++) {
            double eps = EPS_D[m % 4];
            double dPerp = DELTA_PERP[(m / 4) % 4];
            double dPar = DELTA_PAR[(m / 16) % 4];
            Map<String, String> values = Map.of("count", Integer.toString(o.momenta()), "eps_D", Double.toString(eps),
                    "delta_perp", Double.toString(dPerp), "delta_par", Double.toString(dPar));
            configs.add(ModelConfig.parse("m" + m, withValues(cx.base(), values)));
        }
        Built built = build(configs);
        List<SteadyOperator> family = built.operators();
        cx.log().accept("gpu: family of " + o.familyModels() + " models");
        Timed solve = timed(family, cx.settings(), device);
        Timed fam = solve.plus(built.seconds());
        int sample = Math.min(o.cpuFamilySample(), family.size());
        long t0 = System.nanoTime();
        double worst = 0;
        for (int m = 0; m < sample; m++) {
            double[][] n = new SteadySolver(cx.settings(), cx.cpuThreads()).solve(family.get(m), null).density();
            worst = Math.max(worst, Measurements.maxRelDiff(fam.result.density()[m], n));
        }
        double cpuFamily = (System.nanoTime() - t0) * 1e-9 * family.size() / sample + built.seconds();
        cx.log().accept(String.format(Locale.ROOT, "gpu: family %.3f s; cpu (scaled from %d models) %.1f s: %.1fx",
                fam.seconds, sample, cpuFamily, cpuFamily / fam.seconds));
        String axes = "eps_D x delta_perp x delta_par = " + Arrays.toString(EPS_D) + " x " + Arrays.toString(DELTA_PERP)
                + " x " + Arrays.toString(DELTA_PAR);
        String cpuMeaning = "the CPU solver on the first " + sample + " models, scaled to " + family.size()
                + ", plus family_problem_seconds";
        SteadyMultigridResult.FamilyRun run = new SteadyMultigridResult.FamilyRun(built.seconds(), o.familyModels(),
                axes, solve.seconds, fam.seconds, figures(fam), cpuFamily, cpuMeaning, worst, cpuFamily / fam.seconds);
        return new Family(run, family, fam, built.seconds());
    }

    /**
     * Where the setup runs: the other place, timed on the same runs (the solver's choice against the other place,
     * "whichever measures faster"). {@code one} and the family's run are the runs in the solver's chosen place.
     */
    private static SteadyMultigridResult.SetupPlaceComparison setupPlaceComparison(Context cx, Model model, Timed one,
                                                                                   Family fam, MultigridDevice device) {
        String chosen = one.result.setup();
        String familyChosen = fam.timed().result.setup();
        String other = chosen.equals("device") ? "cpu" : "device";
        SolverTuning otherPlace = SolverTuning.defaults().withMultigridSetup(chosen.equals("device")
                ? MultigridSetupPlace.CPU : MultigridSetupPlace.DEVICE);
        try {
            Timed m = timed(List.of(model.op()), cx.settings(), otherPlace, device).plus(model.problemSeconds());
            Timed f = timed(fam.operators(), cx.settings(), otherPlace, device).plus(fam.problemSeconds());
            cx.log().accept(String.format(Locale.ROOT, "setup on the %s instead: model %.3f s, family %.3f s",
                    m.result.setup(), m.seconds, f.seconds));
            String faster = f.seconds < fam.timed().seconds ? f.result.setup() : familyChosen;
            return new SteadyMultigridResult.SetupPlaceComparison(chosen, one.seconds, familyChosen,
                    fam.timed().seconds, m.result.setup(), m.seconds, m.result.setupSeconds(), f.seconds,
                    f.result.setupSeconds(), faster, null);
        } catch (RuntimeException e) {
            return new SteadyMultigridResult.SetupPlaceComparison(chosen, one.seconds, familyChosen,
                    fam.timed().seconds, other, null, null, null, null, null, e.getMessage());
        }
    }

    /**
     * The one-model run once more with each zebra relaxation kernel (a device opened with {@link LineRelaxation}
     * thomas, then one with pcr), end to end as model_seconds: measures the auto rule's guess
     * (GpuMultigridBatch.PCR_BELOW_THOMAS_THREADS) on this device. One run each (after the model's warm-up).
     */
    private static SteadyMultigridResult.RelaxComparison relaxComparison(SteadyOperator op, SteadySettings settings,
                                                                         double modelProblem, Consumer<String> log) {
        try (MultigridDevice thomasDevice = GpuMultigridDevice.open(LineRelaxation.THOMAS);
             MultigridDevice pcrDevice = GpuMultigridDevice.open(LineRelaxation.PCR)) {
            Timed thomas = timed(List.of(op), settings, thomasDevice).plus(modelProblem);
            Timed pcr = timed(List.of(op), settings, pcrDevice).plus(modelProblem);
            log.accept(String.format(Locale.ROOT, "relaxation kernels, one model: thomas %.3f s, pcr %.3f s",
                    thomas.seconds, pcr.seconds));
            return new SteadyMultigridResult.RelaxComparison(thomas.seconds, pcr.seconds,
                    pcr.seconds < thomas.seconds ? "pcr" : "thomas",
                    Measurements.maxRelDiff(pcr.result.density()[0], thomas.result.density()[0]), null);
        } catch (RuntimeException e) {
            return new SteadyMultigridResult.RelaxComparison(null, null, null, null, e.getMessage());
        }
    }

    /**
     * One high-resolution grid: the GPU (one run after the warm-up of the model runs) and the CPU solver once; its
     * target is 1 s up to 801 nodes in R, 4 s above.
     */
    private static SteadyMultigridResult.HighresRun highres(Context cx, GridSize nm, MultigridDevice device) {
        Options o = cx.o();
        Map<String, String> values = Map.of("count", Integer.toString(o.momenta()),
                "dr_kpc", Double.toString(20.0 / (nm.nR() - 1)), "dz_kpc", Double.toString(8.0 / (nm.nZ() - 1)));
        ModelConfig c = ModelConfig.parse("highres", withValues(cx.base(), values));
        String size = c.grid().nR() + "x" + c.grid().nZ() + "x" + o.momenta();
        Built built = build(List.of(c));
        SteadyOperator op = built.operators().get(0);
        double build = built.seconds();
        cx.log().accept("gpu: " + size);
        Timed t = timed(List.of(op), cx.settings(), device).plus(build);
        cx.log().accept("cpu: " + size);
        long t0 = System.nanoTime();
        double[][] cpu = new SteadySolver(cx.settings(), cx.cpuThreads()).solve(op, null).density();
        double cs = (System.nanoTime() - t0) * 1e-9 + build;
        cx.log().accept(String.format(Locale.ROOT, "%s: gpu %.3f s, cpu %.2f s (%.1fx)", size, t.seconds, cs,
                cs / t.seconds));
        double target = nm.nR() <= 801 ? 1 : 4;
        return new SteadyMultigridResult.HighresRun(size, build, t.seconds, figures(t), cs, cs / t.seconds,
                Measurements.maxRelDiff(t.result.density()[0], cpu), target);
    }

    private record Timed(BatchedSteadySolver.Result result, double seconds, long bytesPerIteration) {
        /** The same run with the problem build added (end to end from the model files). */
        Timed plus(double problemSeconds) { return new Timed(result, seconds + problemSeconds, bytesPerIteration); }
    }

    /**
     * The models' operators and the seconds their problems took to build (in parallel over models; best of two builds).
     */
    private record Built(List<SteadyOperator> operators, double seconds) {
        Built {
            operators = List.copyOf(operators);
        }
    }

    private static Built build(List<ModelConfig> configs) {
        double best = Double.POSITIVE_INFINITY;
        List<TransportProblem> problems = null;
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            problems = configs.parallelStream().map(MultigridSteadyBench::problem).toList();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new Built(problems.stream().map(p -> (SteadyOperator) new PaperSteadyOperator(p)).toList(), best);
    }

    /**
     * One batched solve on the device; its setup runs where the default tuning says (on the device for the paper's
     * operator), a CPU setup on every core of the machine (it is part of the GPU path).
     */
    private static Timed timed(List<SteadyOperator> ops, SteadySettings s, MultigridDevice device) {
        return timed(ops, s, SolverTuning.defaults(), device);
    }

    /** As above, the setup where {@code tuning} says. */
    private static Timed timed(List<SteadyOperator> ops, SteadySettings s, SolverTuning tuning,
                               MultigridDevice device) {
        long t0 = System.nanoTime();
        BatchedSteadySolver.Result r = BatchedSteadySolver.solve(ops, s, tuning, 0, device);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new Timed(r, seconds, bytesPerIteration(ops.get(0).grid(), r.maxIterations()));
    }

    private static SteadyMultigridResult.SolveFigures figures(Timed t) {
        BatchedSteadySolver.Result r = t.result;
        int systems = 0;
        for (double[][] d : r.density()) {
            systems += d.length;
        }
        double bytes = (double) t.bytesPerIteration * r.maxIterations() * systems;
        Double achieved = r.solveSeconds() > 0 ? bytes / r.solveSeconds() / 1e9 : null;
        return new SteadyMultigridResult.SolveFigures(systems, r.waves(), r.systemsPerWave(), r.hierarchy(),
                r.maxIterations(), r.maxResidual(), r.setup(), r.setupSeconds(), r.solveSeconds(), achieved);
    }

    /**
     * The traffic model of one lockstep iteration for one system (bytes): a W-cycle visits level ℓ 2^ℓ times (the
     * coarsest as often as the level above it) at ~72 values a node a visit, the coarsest solve reads its band, and
     * GMRES adds A z (11 values a node) and CGS2 over j ≈ iterations/2 basis vectors (4j + 12).
     */
    static long bytesPerIteration(SpatialGrid fine, int iterations) {
        List<SpatialGrid> grids = BatchedSteadySolver.levelGrids(fine);
        double values = 0;
        double visits = 1;
        for (int k = 0; k < grids.size() - 1; k++) {
            values += visits * 72.0 * grids.get(k).size();
            if (k < grids.size() - 2) {
                visits *= 2;
            }
        }
        SpatialGrid c = grids.get(grids.size() - 1);
        long nI = c.nR() - 1;
        long nJ = c.nZ() - 2;
        long bw = Math.min(nI, nJ) + 1;
        values += visits * ((3 * bw + 1) * nI * nJ + 3.0 * nI * nJ);
        double j = iterations / 2.0;
        values += (4 * j + 23) * fine.size();
        return (long) (8 * values);
    }

    private static TransportProblem problem(ModelConfig c) {
        return new TransportProblem(c.grid(), c.momenta(), c.diffusion(), c.field(), c.source());
    }

    /** The config text with {@code key = value} lines replaced (first occurrence of each key). */
    static String withValues(String text, Map<String, String> values) {
        String out = text;
        for (var e : values.entrySet()) {
            Matcher m = Pattern.compile("(?m)^(\\s*" + Pattern.quote(e.getKey()) + "\\s*=\\s*)[^#\\n]*").matcher(out);
            if (!m.find()) {
                throw new IllegalArgumentException("the bench config has no key " + e.getKey());
            }
            out = out.substring(0, m.start()) + m.group(1) + e.getValue() + out.substring(m.end());
        }
        return out;
    }

    /** bench/results/&lt;device&gt;-steady-&lt;date&gt;.json. */
    static Path defaultOut(String device) {
        return Path.of(
                "bench", "results", Benchmark.fileSafe(device) + "-steady-" + LocalDate.now(ZoneOffset.UTC) + ".json");
    }
}
