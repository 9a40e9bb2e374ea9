package org.anisocr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.bench.Measurements;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.config.ModelTables;
import org.anisocr.io.Version;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.steady.DtLadder;
import org.anisocr.solver.steady.LadderSettings;
import org.anisocr.solver.steady.SchemeSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.anisocr.solver.steady.SteadySolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Benchmark of the steady methods × εD on given model configs, to choose a method per regime. For every (config, εD)
 * the exact banded-LU
 * solve is the reference; each iterative method reports its sweeps (see bench/STEADY.md for the unit), wall
 * time, final relative residual and its largest deviation from the direct solution; the dt ladder is run with a
 * step cap and reports the residual it reached. Writes JSON and prints a Markdown table.
 */
@Command(mixinStandardHelpOptions = true, name = "steady-bench", description = "Benchmark the steady solvers (methods × eps_D) against the direct solve and the dt ladder.")
public final class SteadyBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(description = "model configs (TOML); eps_D is overridden")
    List<Path> configs;

    @Option(names = "--eps", split = ",", defaultValue = "0.1,0.01,0.001", description = "eps_D values (default: ${DEFAULT-VALUE})")
    List<Double> eps;

    @Option(names = "--methods", split = ",", defaultValue = "lu-gmres,adi-gmres,direct,ladder",
            description = "steady methods (auto, lu-gmres, mg-gmres, adi-gmres, direct) and ladder; default: ${DEFAULT-VALUE}")
    List<String> methods;

    @Option(names = "--scheme", defaultValue = "paper", description = "paper | symmetric | symmetric-limited")
    String schemeName;

    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--tolerance", defaultValue = "1e-10") double tolerance;
    @Option(names = "--ladder-max-steps", defaultValue = "2000", description = "cap on the ladder's split steps") int ladderMaxSteps;
    @Option(names = "--max-iterations", defaultValue = "1000", description = "cap on Krylov iterations per bin (ADI stalls at small eps_D on tilted fields)")
    int maxIterations;
    @Option(names = "--repeats", defaultValue = "3", description = "timed repetitions per row; the fastest is kept (shared machines are noisy)")
    int repeats;
    @Option(names = "--out", description = "JSON results file (default: bench/results/steady-cpu-<date>.json)") Path out;
    @picocli.CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Override public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Threads.check(threads);
        if (out != null) org.anisocr.io.OutputLocation.checkFile(out, overwrite.overwrite(), "--out", org.anisocr.io.AtomicFile::isAnisocrJsonOrCsv);
        List<Map<String, Object>> rows = new ArrayList<>();
        Scheme scheme = choice("--scheme", schemeName, Scheme.values(), Scheme::key);
        for (String m : methods) if (!m.equals(LADDER)) choice("--methods", m, SteadyMethod.values(), SteadyMethod::key);
        warmUp(scheme);
        o.println("| model | εD | method | sweeps (max/bin) | sweeps (all bins) | LU factorisations | wall [s] | CPU [s] | residual | max rel. diff vs direct |");
        o.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Path file : configs) {
            ModelConfig c = ModelConfig.load(file);
            for (double e : eps) {
                TransportProblem p = problem(c, e);
                Timed ref = best(() -> SchemeSteadySolver.solve(p, scheme, new SteadySolver(settings(SteadyMethod.DIRECT), threads), 50));
                for (String m : methods) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", c.name());
                    row.put("field", ModelTables.field(c.field()));
                    row.put("eps_D", e);
                    row.put("method", m);
                    row.put("scheme", scheme.key());
                    if (m.equals(LADDER)) {
                        ladder(row, p, scheme, ref.result().density());
                    } else if (choice("--methods", m, SteadyMethod.values(), SteadyMethod::key) == SteadyMethod.DIRECT) {
                        fill(row, ref, ref.result().density());
                    } else {
                        SteadyMethod method = choice("--methods", m, SteadyMethod.values(), SteadyMethod::key);
                        Timed r = best(() -> SchemeSteadySolver.solve(p, scheme, new SteadySolver(settings(method), threads), 50));
                        fill(row, r, ref.result().density());
                    }
                    rows.add(row);
                    o.println(String.format(Locale.ROOT, "| %s | %g | %s | %s | %s | %s | %.3f | %.3f | %.2e | %.2e |", c.name(), e, m,
                            row.get("sweeps"), row.getOrDefault("sweeps_total", "–"), row.getOrDefault("factorisations", "–"),
                            (double) row.get("wall_seconds"), (double) row.get("cpu_seconds"), (double) row.get("residual"), (double) row.get("max_rel_diff_vs_direct")));
                    o.flush();
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(org.anisocr.io.AtomicFile.JSON_SIGNATURE_KEY, Version.get());
        doc.put("code_version", Version.get());
        doc.put("date_utc", LocalDate.now(ZoneOffset.UTC).toString());
        doc.put("threads", threads);
        doc.put("cpus", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        doc.put("tolerance", tolerance);
        doc.put("ladder_max_steps", ladderMaxSteps);
        doc.put("max_iterations_per_bin", maxIterations);
        doc.put("repeats", repeats);
        doc.put("configs", configs.stream().map(Path::toString).toList());
        doc.put("rows", rows);
        Path target = out != null ? out
                : org.anisocr.io.AtomicFile.freshName(Path.of("bench", "results", "steady-cpu-" + LocalDate.now(ZoneOffset.UTC) + ".json"));
        org.anisocr.io.AtomicFile.write(target, true, "--out", new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc));
        o.println("wrote " + target);
        return Main.EXIT_OK;
    }

    /** Not a steady method: the paper's dt ladder, run with a step cap for comparison. */
    private static final String LADDER = "ladder";

    /** The choice spelled {@code given}, or a ConfigException listing the allowed spellings. */
    static <E extends Enum<E>> E choice(String option, String given, E[] values, java.util.function.Function<E, String> key) {
        for (E e : values) if (key.apply(e).equals(given)) return e;
        List<String> allowed = new ArrayList<>();
        for (E e : values) allowed.add(key.apply(e));
        throw ConfigException.outOfRange(option, given, "one of " + allowed);
    }

    private SteadySettings settings(SteadyMethod method) {
        SteadySettings d = SteadySettings.defaults(method);
        return new SteadySettings(method, tolerance, d.restart(), maxIterations, d.refactorAfter(), d.adiCycle());
    }

    static TransportProblem problem(ModelConfig c, double epsD) {
        DiffusionTensor d = c.diffusion();
        DiffusionTensor t = new DiffusionTensor(d.d0Kpc2PerMyr(), d.deltaPar(), d.deltaPerp(), epsD, d.p0GeV());
        return new TransportProblem(c.grid(), c.momenta(), t, c.field(), c.source());
    }

    /** JIT warm-up on the first config at a coarse εD so the first measured row is not penalised. */
    private void warmUp(Scheme scheme) {
        ModelConfig c = ModelConfig.load(configs.get(0));
        TransportProblem p = problem(c, 0.1);
        for (SteadyMethod m : SteadyMethod.values())
            SchemeSteadySolver.solve(p, scheme, new SteadySolver(settings(m).withTolerance(1e-6), threads), 3);
    }

    /** A result with the wall and process-CPU seconds of its fastest repetition. */
    record Timed(SteadySolver.Result result, double wall, double cpu) {}

    private Timed best(java.util.function.Supplier<SteadySolver.Result> run) {
        Timed best = null;
        for (int rep = 0; rep < Math.max(1, repeats); rep++) {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            SteadySolver.Result r = run.get();
            Timed t = new Timed(r, (System.nanoTime() - t0) * 1e-9, cpuSeconds() - c0);
            if (best == null || t.wall() < best.wall()) best = t;
        }
        return best;
    }

    /** CPU seconds used by this process so far (all threads): robust to other processes on a shared machine. */
    static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() * 1e-9 : Double.NaN;
    }

    private static void fill(Map<String, Object> row, Timed t, double[][] ref) {
        SteadySolver.Result r = t.result();
        double wall = t.wall();
        row.put("cpu_seconds", t.cpu());
        row.put("sweeps", r.sweepsMax());
        row.put("sweeps_total", r.sweepsTotal());
        row.put("factorisations", r.factorisations());
        row.put("picard_iterations", r.picardIterations());
        row.put("wall_seconds", wall);
        row.put("residual", r.residual());
        row.put("converged", r.converged());
        row.put("max_rel_diff_vs_direct", Measurements.maxRelDiff(r.density(), ref, true));
    }

    private void ladder(Map<String, Object> row, TransportProblem p, Scheme scheme, double[][] ref) {
        if (!scheme.hasSplitStep()) throw new ConfigException("the dt ladder exists for the paper's scheme only");
        // the paper's ladder from the largest stable dt (explicit mixed step) down to 0.01 Myr, halving every 200 steps
        double dtMax = Math.min(64, 0.9 * MixedTermStability.largestStableDt(p, 64));
        LadderSettings s = new LadderSettings(dtMax, Math.min(0.01, dtMax), 0.5, 200, 1e-12, 20, ladderMaxSteps);
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        try (CpuSplitStepper stepper = new CpuSplitStepper(p, threads)) {
            DtLadder.Outcome o = DtLadder.run(stepper, s, null);
            double wall = (System.nanoTime() - t0) * 1e-9;
            double[][] n = stepper.state();
            row.put("sweeps", o.steps());
            row.put("ladder_rungs", o.rungs());
            row.put("ladder_dt_max_Myr", dtMax);
            row.put("ladder_final_dt_Myr", o.finalDtMyr());
            row.put("ladder_final_change", o.finalChange());
            row.put("ladder_capped", o.steps() >= ladderMaxSteps);
            row.put("wall_seconds", wall);
            row.put("cpu_seconds", cpuSeconds() - c0);
            row.put("residual", DiscreteOperator.maxRelativeResidual(p, n));
            row.put("max_rel_diff_vs_direct", Measurements.maxRelDiff(n, ref, true));
        }
    }
}
