package org.anisocr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.config.ModelTables;
import org.anisocr.io.AtomicFile;
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

import java.io.IOException;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code bench methods}: the steady methods × εD on given model files. For every (model, εD) the exact banded-LU
 * solve is the reference; each iterative method reports its sweeps (see bench/STEADY.md for the unit), wall time,
 * final relative residual and its largest deviation from the direct solution; the dt ladder is run with a step cap
 * and reports the residual it reached. Writes JSON and prints a Markdown table.
 */
public final class SteadyMethodsBench {

    /** What to run: the models (εD overridden by each of {@code epsD}), the methods in the order of the table. */
    public record Options(List<Path> configs, List<Double> epsD, List<MethodUnderTest> methods, Scheme scheme,
                          int threads, double tolerance, int ladderMaxSteps, int maxIterations, int repeats, Path out) {
        public Options {
            configs = List.copyOf(configs);
            epsD = List.copyOf(epsD);
            methods = List.copyOf(methods);
        }
    }

    /** A method the bench times: a steady method, or the paper's dt ladder ({@code steadyMethod} null). */
    public record MethodUnderTest(SteadyMethod steadyMethod) {
        /** Not a steady method: the paper's dt ladder, run with a step cap for comparison. */
        public static final MethodUnderTest LADDER = new MethodUnderTest(null);

        boolean ladder() {
            return steadyMethod == null;
        }

        /** The spelling on the command line and in the JSON ("lu-gmres", ..., "ladder"). */
        public String key() {
            return ladder() ? "ladder" : steadyMethod.key();
        }

        /** The method spelled {@code key}, or a ConfigException naming {@code option} and the allowed spellings. */
        public static MethodUnderTest parse(String option, String key) {
            if (LADDER.key().equals(key)) {
                return LADDER;
            }
            List<String> allowed = new ArrayList<>();
            for (SteadyMethod m : SteadyMethod.values()) {
                if (m.key().equals(key)) {
                    return new MethodUnderTest(m);
                }
                allowed.add(m.key());
            }
            allowed.add(LADDER.key());
            throw ConfigException.outOfRange(option, key, "one of " + allowed);
        }
    }

    /** The scheme spelled {@code key}, or a ConfigException naming {@code option} and the allowed spellings. */
    public static Scheme scheme(String option, String key) {
        List<String> allowed = new ArrayList<>();
        for (Scheme s : Scheme.values()) {
            if (s.key().equals(key)) {
                return s;
            }
            allowed.add(s.key());
        }
        throw ConfigException.outOfRange(option, key, "one of " + allowed);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SteadyMethodsBench() {}

    /** Runs every (model, εD, method), prints the table through {@code table}, writes the JSON and returns it. */
    public static SteadyMethodsResult run(Options o, Consumer<String> table) throws IOException {
        warmUp(o);
        table.accept("| model | εD | method | sweeps (max/bin) | sweeps (all bins) | LU factorisations | wall [s] "
                + "| CPU [s] | residual | max rel. diff vs direct |");
        table.accept("|---|---|---|---|---|---|---|---|---|---|");
        List<SteadyMethodsResult.Row> rows = new ArrayList<>();
        for (Path file : o.configs()) {
            ModelConfig c = ModelConfig.load(file).require2d("bench methods");
            for (double e : o.epsD()) {
                rows.addAll(rows(o, c, e, table));
            }
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> configs = o.configs().stream().map(Path::toString).toList();
        SteadyMethodsResult r = new SteadyMethodsResult(Version.get(), Version.get(), today, o.threads(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.tolerance(),
                o.ladderMaxSteps(), o.maxIterations(), o.repeats(), configs, rows);
        Path target = o.out() != null ? o.out()
                : AtomicFile.freshName(Path.of("bench", "results", "steady-cpu-" + today + ".json"));
        AtomicFile.write(target, true, "--out", JSON.writeValueAsBytes(r));
        table.accept("wrote " + target);
        return r;
    }

    /** Every method's row on one model at one εD, against the direct solve of the same problem. */
    private static List<SteadyMethodsResult.Row> rows(Options o, ModelConfig c, double epsD, Consumer<String> table) {
        TransportProblem p = problem(c, epsD);
        Timed ref = best(o, () -> solve(o, p, SteadyMethod.DIRECT));
        double[][] direct = ref.result().density();
        List<SteadyMethodsResult.Row> rows = new ArrayList<>();
        for (MethodUnderTest m : o.methods()) {
            SteadyMethodsResult.Row row;
            if (m.ladder()) {
                row = ladder(o, c, epsD, p, direct);
            } else if (m.steadyMethod() == SteadyMethod.DIRECT) {
                row = solverRow(o, c, epsD, m, ref, direct);
            } else {
                Timed t = best(o, () -> solve(o, p, m.steadyMethod()));
                row = solverRow(o, c, epsD, m, t, direct);
            }
            rows.add(row);
            table.accept(row.tableLine());
        }
        return rows;
    }

    /** The steady state of {@code p} by {@code method} (at most 50 Picard iterations for the limited scheme). */
    private static SteadySolver.Result solve(Options o, TransportProblem p, SteadyMethod method) {
        return SchemeSteadySolver.solve(p, o.scheme(), new SteadySolver(settings(o, method), o.threads()), 50);
    }

    /** One line of the Markdown table. */
    static String tableLine(String model, double epsD, String method, String sweeps, String sweepsTotal,
                            String factorisations, double wall, double cpu, double residual, double maxRelDiff) {
        return String.format(Locale.ROOT, "| %s | %g | %s | %s | %s | %s | %.3f | %.3f | %.2e | %.2e |",
                model, epsD, method, sweeps, sweepsTotal, factorisations, wall, cpu, residual, maxRelDiff);
    }

    private static SteadySettings settings(Options o, SteadyMethod method) {
        SteadySettings d = SteadySettings.defaults(method);
        return new SteadySettings(method, o.tolerance(), d.restart(), o.maxIterations(), d.refactorAfter(),
                d.adiCycle());
    }

    static TransportProblem problem(ModelConfig c, double epsD) {
        DiffusionTensor d = c.diffusion();
        DiffusionTensor t = new DiffusionTensor(d.d0Kpc2PerMyr(), d.deltaPar(), d.deltaPerp(), epsD, d.p0GeV());
        return new TransportProblem(c.grid(), c.momenta(), t, c.field(), c.source());
    }

    /** JIT warm-up on the first model at a coarse εD so the first measured row is not penalised. */
    private static void warmUp(Options o) {
        ModelConfig c = ModelConfig.load(o.configs().get(0)).require2d("bench methods");
        TransportProblem p = problem(c, 0.1);
        for (SteadyMethod m : SteadyMethod.values()) {
            SteadySolver coarse = new SteadySolver(settings(o, m).withTolerance(1e-6), o.threads());
            SchemeSteadySolver.solve(p, o.scheme(), coarse, 3);
        }
    }

    /** A result with the wall and process-CPU seconds of its fastest repetition. */
    private record Timed(SteadySolver.Result result, double wall, double cpu) {}

    private static Timed best(Options o, Supplier<SteadySolver.Result> run) {
        Timed best = null;
        for (int rep = 0; rep < Math.max(1, o.repeats()); rep++) {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            SteadySolver.Result r = run.get();
            Timed t = new Timed(r, (System.nanoTime() - t0) * 1e-9, cpuSeconds() - c0);
            if (best == null || t.wall() < best.wall()) {
                best = t;
            }
        }
        return best;
    }

    /** CPU seconds used by this process so far (all threads): robust to other processes on a shared machine. */
    static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean sun
                ? sun.getProcessCpuTime() * 1e-9 : Double.NaN;
    }

    private static SteadyMethodsResult.SolverRow solverRow(Options o, ModelConfig c, double epsD, MethodUnderTest m,
                                                           Timed t, double[][] direct) {
        SteadySolver.Result r = t.result();
        return new SteadyMethodsResult.SolverRow(
                c.name(),
                ModelTables.field(c.field()),
                epsD,
                m.key(),
                o.scheme().key(),
                t.cpu(),
                r.sweepsMax(),
                r.sweepsTotal(),
                r.factorisations(),
                r.picardIterations(),
                t.wall(),
                r.residual(),
                r.converged(),
                Measurements.maxRelDiff(r.density(), direct, true));
    }

    /**
     * The paper's ladder from the largest stable dt (explicit mixed step) down to 0.01 Myr, halving every 200 steps,
     * capped at {@code ladderMaxSteps} steps.
     */
    private static SteadyMethodsResult.LadderRow ladder(Options o, ModelConfig c, double epsD, TransportProblem p,
                                                        double[][] direct) {
        if (!o.scheme().hasSplitStep()) {
            throw new ConfigException("the dt ladder exists for the paper's scheme only");
        }
        double dtMax = Math.min(64, 0.9 * MixedTermStability.largestStableDt(p, 64));
        LadderSettings s = new LadderSettings(dtMax, Math.min(0.01, dtMax), 0.5, 200, 1e-12, 20, o.ladderMaxSteps());
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        try (CpuSplitStepper stepper = new CpuSplitStepper(p, o.threads())) {
            DtLadder.Outcome out = DtLadder.run(stepper, s, null);
            double wall = (System.nanoTime() - t0) * 1e-9;
            double cpu = cpuSeconds() - c0;
            double[][] n = stepper.state();
            return new SteadyMethodsResult.LadderRow(
                    c.name(),
                    ModelTables.field(c.field()),
                    epsD,
                    MethodUnderTest.LADDER.key(),
                    o.scheme().key(),
                    out.steps(),
                    out.rungs(),
                    dtMax,
                    out.finalDtMyr(),
                    out.finalChange(),
                    out.steps() >= o.ladderMaxSteps(),
                    wall,
                    cpu,
                    DiscreteOperator.maxRelativeResidual(p, n),
                    Measurements.maxRelDiff(n, direct, true));
        }
    }
}
