package org.anisocr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backend;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuMultigridDevice;
import org.anisocr.solver.gpu.GpuRuntime;
import org.anisocr.solver.gpu.GpuUnavailableException;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.anisocr.solver.steady.SteadySolver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    public record Options(Path config, int momenta, int familyModels, List<int[]> highresGrids, Backend backend, int cpuThreads,
                          int reps, int cpuFamilySample, double tolerance, boolean rehearse, Path out, Consumer<String> log) {
        public Options {
            highresGrids = List.copyOf(highresGrids);
        }
    }

    /** The family's axes: εD, δ⊥, δ∥ (4 × 4 × 4 = 64 models; fewer models take the first ones). */
    static final double[] EPS_D = {0.003, 0.01, 0.03, 0.1}, DELTA_PERP = {0.5, 0.6, 0.7, 0.8}, DELTA_PAR = {0.2, 0.3, 0.4, 0.5};

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MultigridSteadyBench() {}

    public static Map<String, Object> run(Options o) throws IOException {
        Consumer<String> log = o.log();
        String base = java.nio.file.Files.readString(o.config());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(org.anisocr.io.AtomicFile.JSON_SIGNATURE_KEY, org.anisocr.io.Version.get());
        GpuInfo info = o.backend() == Backend.CPU ? null : GpuDevice.probe();
        boolean gpu = info != null && info.available();
        if (o.backend() == Backend.GPU && !gpu) throw new GpuUnavailableException("bench steady --backend gpu requested but " + info.describe());
        r.put("benchmark", "steady mg-gmres (issue 13): batched on the GPU vs the CPU solver, realistic field");
        r.put("date_utc", java.time.Instant.now().toString());
        r.put("device", gpu ? info.name() : null);
        r.put("device_detail", gpu ? info.describe() : null);
        r.put("gpu_unavailable", gpu ? null : info == null ? "backend cpu requested" : info.reason());
        r.put("java", System.getProperty("java.version"));
        int cpuThreads = o.cpuThreads() > 0 ? o.cpuThreads() : Runtime.getRuntime().availableProcessors();
        r.put("cpu_threads", cpuThreads);
        r.put("cpu_cores_available", Runtime.getRuntime().availableProcessors());
        r.put("config", o.config().toString());
        r.put("tolerance", o.tolerance());
        SteadySettings settings = SteadySettings.defaults(SteadyMethod.MG_GMRES).withTolerance(o.tolerance());

        ModelConfig model = ModelConfig.parse("bench", withValues(base, Map.of("count", Integer.toString(o.momenta()))));
        SpatialGrid g = model.grid();
        String size = g.nR() + "x" + g.nZ() + "x" + o.momenta();
        r.put("model_grid", size);
        // "end to end" starts from the model files: the problem build (field tables, sources) is added to every solve time
        Built modelBuilt = build(List.of(model));
        double modelProblem = modelBuilt.seconds();
        r.put("model_problem_seconds", modelProblem);
        SteadyOperator op = modelBuilt.operators().get(0);

        // ---- one model: CPU solver, then the GPU (and the Java reference of the batched solver for the comparison) ----
        log.accept("cpu: " + size + ", mg-gmres, " + cpuThreads + " threads, " + o.reps() + " reps");
        double[][] cpuDensity = null;
        double cpuBest = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep <= o.reps(); rep++) { // rep 0 warms up the JIT
            long t0 = System.nanoTime();
            SteadySolver.Result c = new SteadySolver(settings, cpuThreads).solve(op, null);
            double s = (System.nanoTime() - t0) * 1e-9;
            if (rep > 0) cpuBest = Math.min(cpuBest, s);
            cpuDensity = c.density();
            r.put("cpu_model_iterations_max", c.sweepsMax());
        }
        r.put("cpu_model_solve_seconds", cpuBest);
        cpuBest += modelProblem;
        r.put("cpu_model_seconds", cpuBest);
        log.accept(String.format(Locale.ROOT, "cpu: %s in %.3f s", size, cpuBest));

        Map<String, Object> targets = new LinkedHashMap<>();
        boolean rehearsal = !gpu && o.rehearse();
        r.put("rehearsal", rehearsal ? "no GPU: the 'GPU' figures are the Java reference of the batched solver (checks the bench, not the device)" : null);
        if (gpu || rehearsal) {
            try (MultigridDevice device = gpu ? GpuMultigridDevice.open() : null) { // null: the Java reference
                Timed one = null;
                double best = Double.POSITIVE_INFINITY;
                for (int rep = 0; rep <= o.reps(); rep++) {
                    Timed t = timed(List.of(op), settings, device);
                    if (rep > 0) best = Math.min(best, t.seconds);
                    one = t;
                }
                r.put("model_solve_seconds_from_problem", best);
                best += modelProblem;
                r.put("model_seconds", best);
                put(r, "model_", one);
                BatchedSteadySolver.Result reference = BatchedSteadySolver.solve(List.of(op), settings, cpuThreads, null);
                r.put("max_rel_diff_vs_cpu", Measurements.maxRelDiff(one.result.density()[0], reference.density()[0]));
                r.put("max_rel_diff_vs_cpu_meaning", "GPU density vs the Java reference of the same batched solver (same tolerance)");
                r.put("max_rel_diff_vs_cpu_solver", Measurements.maxRelDiff(one.result.density()[0], cpuDensity));
                r.put("speedup_model", cpuBest / best);
                log.accept(String.format(Locale.ROOT, "gpu: %s in %.3f s (setup on the %s %.3f s), %.1fx the CPU; max rel diff %.2e",
                        size, best, one.result.setup(), one.result.setupSeconds(), cpuBest / best, (Double) r.get("max_rel_diff_vs_cpu")));
                targets.put("model_seconds <= 0.1", best <= 0.1);

                // ---- the family ----
                List<ModelConfig> configs = new ArrayList<>();
                for (int m = 0; m < o.familyModels(); m++) {
                    double eps = EPS_D[m % 4], dPerp = DELTA_PERP[(m / 4) % 4], dPar = DELTA_PAR[(m / 16) % 4];
                    configs.add(ModelConfig.parse("m" + m, withValues(base, Map.of("count", Integer.toString(o.momenta()),
                            "eps_D", Double.toString(eps), "delta_perp", Double.toString(dPerp), "delta_par", Double.toString(dPar)))));
                }
                Built familyBuilt = build(configs);
                double familyProblem = familyBuilt.seconds();
                r.put("family_problem_seconds", familyProblem);
                List<SteadyOperator> family = new ArrayList<>(familyBuilt.operators());
                r.put("family_models", o.familyModels());
                r.put("family_axes", "eps_D x delta_perp x delta_par = " + java.util.Arrays.toString(EPS_D) + " x "
                        + java.util.Arrays.toString(DELTA_PERP) + " x " + java.util.Arrays.toString(DELTA_PAR));
                log.accept("gpu: family of " + o.familyModels() + " models");
                Timed fam = timed(family, settings, device);
                r.put("family_solve_seconds_from_problems", fam.seconds);
                fam = fam.plus(familyProblem);
                r.put("family_seconds", fam.seconds);
                put(r, "family_", fam);
                targets.put("family_seconds <= 2 (64 models)", fam.seconds <= 2);
                int sample = Math.min(o.cpuFamilySample(), family.size());
                long t0 = System.nanoTime();
                double worst = 0;
                for (int m = 0; m < sample; m++) {
                    double[][] n = new SteadySolver(settings, cpuThreads).solve(family.get(m), null).density();
                    worst = Math.max(worst, Measurements.maxRelDiff(fam.result.density()[m], n));
                }
                double cpuFamily = (System.nanoTime() - t0) * 1e-9 * family.size() / sample + familyProblem;
                r.put("cpu_family_seconds", cpuFamily);
                r.put("cpu_family_seconds_meaning", "the CPU solver on the first " + sample + " models, scaled to " + family.size()
                        + ", plus family_problem_seconds");
                r.put("family_max_rel_diff_vs_cpu_solver", worst);
                r.put("speedup_family", cpuFamily / fam.seconds);
                log.accept(String.format(Locale.ROOT, "gpu: family %.3f s; cpu (scaled from %d models) %.1f s: %.1fx", fam.seconds, sample,
                        cpuFamily, cpuFamily / fam.seconds));
                // ---- where the setup runs: the other place, timed on the same runs (the default place is whichever
                // measures faster) ----
                if (gpu) {
                    Map<String, Object> place = new LinkedHashMap<>();
                    place.put("model_" + one.result.setup() + "_setup_seconds", best);
                    place.put("family_" + fam.result.setup() + "_setup_seconds", fam.seconds);
                    SolverTuning other = SolverTuning.defaults().withMultigridSetup(one.result.setup().equals("device")
                            ? MultigridSetupPlace.CPU : MultigridSetupPlace.DEVICE);
                    try {
                        Timed m = timed(List.of(op), settings, other, device).plus(modelProblem);
                        Timed f = timed(family, settings, other, device).plus(familyProblem);
                        place.put("model_" + m.result.setup() + "_setup_seconds", m.seconds);
                        place.put("model_" + m.result.setup() + "_setup_part_seconds", m.result.setupSeconds());
                        place.put("family_" + f.result.setup() + "_setup_seconds", f.seconds);
                        place.put("family_" + f.result.setup() + "_setup_part_seconds", f.result.setupSeconds());
                        place.put("faster_for_the_family", f.seconds < fam.seconds ? f.result.setup() : fam.result.setup());
                        log.accept(String.format(Locale.ROOT, "setup on the %s instead: model %.3f s, family %.3f s", m.result.setup(), m.seconds, f.seconds));
                    } catch (RuntimeException e) {
                        place.put("other_setup_failed", e.getMessage());
                    }
                    r.put("setup_place_comparison", place);
                    r.put("relax_comparison", relaxComparison(op, settings, device, modelProblem, log));
                }
                family.clear();
                fam = null;

                // ---- high resolution ----
                List<Map<String, Object>> high = new ArrayList<>();
                for (int[] nm : o.highresGrids()) high.add(highres(base, nm, o, settings, cpuThreads, device, log, targets));
                r.put("highres", high);
                if (!high.isEmpty()) {
                    r.put("highres_seconds", high.get(0).get("gpu_seconds"));
                    r.put("highres_grid", high.get(0).get("grid"));
                    r.put("cpu_highres_seconds", high.get(0).get("cpu_seconds"));
                }
            }
            if (gpu)
                try (GpuRuntime rt = GpuRuntime.open()) {
                    r.put("device_copy_bandwidth_GBps", Benchmark.copyBandwidthGBps(rt, 1L << 30));
                }
            for (String k : new String[] {"model_", "family_"})
                if (r.get(k + "achieved_GBps_model") instanceof Double a && r.get("device_copy_bandwidth_GBps") instanceof Double peak)
                    r.put(k + "bandwidth_share_of_copy", a / peak);
            boolean fast = true;
            for (String k : new String[] {"speedup_model", "speedup_family"})
                if (r.get(k) instanceof Double s) fast &= s >= 20;
            targets.put(">= 20x the " + cpuThreads + "-thread CPU (model, family)", fast);
        }
        r.put("targets_met", targets);
        r.put("traffic_model", "bytes per lockstep iteration and system = 8 x [sum over levels of visits x 72 x nodes (8 half-sweeps of "
                + "~7 values a node, residual 12, transfers ~4) + coarsest band + (4 j + 23) x finest nodes (A z, CGS2 with j basis "
                + "vectors on average, norms, scaling)]; counted from the kernels' reads and writes, not measured by a profiler");

        Path out = o.out() != null ? o.out() : org.anisocr.io.AtomicFile.freshName(defaultOut(gpu ? info.name() : "no-gpu"));
        org.anisocr.io.AtomicFile.write(out, true, "--out", JSON.writeValueAsBytes(r));
        r.put("written_to", out.toString());
        log.accept("wrote " + out);
        return r;
    }

    /**
     * The one-model run once more with each zebra relaxation kernel (a device opened with {@link LineRelaxation}
     * thomas, then one with pcr; {@code device} is not used), end to end as model_seconds: measures the auto rule's guess
     * (GpuMultigridBatch.PCR_BELOW_THOMAS_THREADS) on this device. One run each (after the model's warm-up).
     */
    private static Map<String, Object> relaxComparison(SteadyOperator op, SteadySettings settings, MultigridDevice device,
                                                       double modelProblem, Consumer<String> log) {
        Map<String, Object> c = new LinkedHashMap<>();
        try (MultigridDevice thomasDevice = GpuMultigridDevice.open(LineRelaxation.THOMAS);
             MultigridDevice pcrDevice = GpuMultigridDevice.open(LineRelaxation.PCR)) {
            Timed thomas = timed(List.of(op), settings, thomasDevice).plus(modelProblem);
            Timed pcr = timed(List.of(op), settings, pcrDevice).plus(modelProblem);
            c.put("model_thomas_seconds", thomas.seconds);
            c.put("model_pcr_seconds", pcr.seconds);
            c.put("faster", pcr.seconds < thomas.seconds ? "pcr" : "thomas");
            c.put("model_pcr_vs_thomas_max_rel_diff", Measurements.maxRelDiff(pcr.result.density()[0], thomas.result.density()[0]));
            log.accept(String.format(Locale.ROOT, "relaxation kernels, one model: thomas %.3f s, pcr %.3f s", thomas.seconds, pcr.seconds));
        } catch (RuntimeException e) {
            c.put("failed", e.getMessage());
        }
        return c;
    }

    /** One high-resolution grid: the GPU (one run after the warm-up of the model runs) and the CPU solver once. */
    private static Map<String, Object> highres(String base, int[] nm, Options o, SteadySettings settings, int cpuThreads,
                                               MultigridDevice device, Consumer<String> log, Map<String, Object> targets) {
        ModelConfig c = ModelConfig.parse("highres", withValues(base, Map.of("count", Integer.toString(o.momenta()),
                "dr_kpc", Double.toString(20.0 / (nm[0] - 1)), "dz_kpc", Double.toString(8.0 / (nm[1] - 1)))));
        String size = c.grid().nR() + "x" + c.grid().nZ() + "x" + o.momenta();
        Built built = build(List.of(c));
        SteadyOperator op = built.operators().get(0);
        double build = built.seconds();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("grid", size);
        h.put("problem_seconds", build);
        log.accept("gpu: " + size);
        Timed t = timed(List.of(op), settings, device).plus(build);
        h.put("gpu_seconds", t.seconds);
        put(h, "", t);
        log.accept("cpu: " + size);
        long t0 = System.nanoTime();
        double[][] cpu = new SteadySolver(settings, cpuThreads).solve(op, null).density();
        double cs = (System.nanoTime() - t0) * 1e-9 + build;
        h.put("cpu_seconds", cs);
        h.put("speedup", cs / t.seconds);
        h.put("max_rel_diff_vs_cpu_solver", Measurements.maxRelDiff(t.result.density()[0], cpu));
        log.accept(String.format(Locale.ROOT, "%s: gpu %.3f s, cpu %.2f s (%.1fx)", size, t.seconds, cs, cs / t.seconds));
        double target = nm[0] <= 801 ? 1 : 4;
        targets.put(size + " <= " + target + " s", t.seconds <= target);
        return h;
    }

    private record Timed(BatchedSteadySolver.Result result, double seconds, long bytesPerIteration) {
        /** The same run with the problem build added (end to end from the model files). */
        Timed plus(double problemSeconds) { return new Timed(result, seconds + problemSeconds, bytesPerIteration); }
    }

    /** The models' operators and the seconds their problems took to build (in parallel over models; best of two builds). */
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

    private static void put(Map<String, Object> m, String prefix, Timed t) {
        BatchedSteadySolver.Result r = t.result;
        int systems = 0;
        for (double[][] d : r.density()) systems += d.length;
        m.put(prefix + "systems", systems);
        m.put(prefix + "waves", r.waves());
        m.put(prefix + "systems_per_wave", r.systemsPerWave());
        m.put(prefix + "hierarchy", r.hierarchy());
        m.put(prefix + "iterations_max", r.maxIterations());
        m.put(prefix + "residual_max", r.maxResidual());
        m.put(prefix + "setup", r.setup());
        m.put(prefix + "setup_seconds", r.setupSeconds());
        m.put(prefix + "solve_seconds", r.solveSeconds());
        double bytes = (double) t.bytesPerIteration * r.maxIterations() * systems;
        m.put(prefix + "achieved_GBps_model", r.solveSeconds() > 0 ? bytes / r.solveSeconds() / 1e9 : null);
    }

    /**
     * The traffic model of one lockstep iteration for one system (bytes): a W-cycle visits level ℓ 2^ℓ times (the
     * coarsest as often as the level above it) at ~72 values a node a visit, the coarsest solve reads its band, and
     * GMRES adds A z (11 values a node) and CGS2 over j ≈ iterations/2 basis vectors (4j + 12).
     */
    static long bytesPerIteration(SpatialGrid fine, int iterations) {
        List<SpatialGrid> grids = BatchedSteadySolver.levelGrids(fine);
        double values = 0, visits = 1;
        for (int k = 0; k < grids.size() - 1; k++) {
            values += visits * 72.0 * grids.get(k).size();
            if (k < grids.size() - 2) visits *= 2;
        }
        SpatialGrid c = grids.get(grids.size() - 1);
        long nI = c.nR() - 1, nJ = c.nZ() - 2, bw = Math.min(nI, nJ) + 1;
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
            if (!m.find()) throw new IllegalArgumentException("the bench config has no key " + e.getKey());
            out = out.substring(0, m.start()) + m.group(1) + e.getValue() + out.substring(m.end());
        }
        return out;
    }

    /** bench/results/&lt;device&gt;-steady-&lt;date&gt;.json. */
    static Path defaultOut(String device) {
        return Path.of("bench", "results", Benchmark.fileSafe(device) + "-steady-" + LocalDate.now(ZoneOffset.UTC) + ".json");
    }
}
