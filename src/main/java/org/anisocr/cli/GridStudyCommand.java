package org.anisocr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.RichardsonExtrapolation;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.io.ProcessMemory;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.LinePlot;
import org.anisocr.io.OutputMarker;
import org.anisocr.config.GridRefinement;
import org.anisocr.run.MemoryEstimate;
import org.anisocr.run.ModelRunner;
import org.anisocr.run.RunResult;
import org.anisocr.run.SolverBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * {@code anisocr grid-study CONFIG --levels 0.1,0.05,0.025,0.0125}: the same model with dR = dz = each level,
 * coarse to fine. Prints and writes (grid-study.json, grid-study.csv) one row per level — grid, cells, wall time,
 * peak resident memory, residual, α at the innermost cell (R = 0) and at R☉, their difference, N above p_min at
 * R☉, steady method — then the observed order and the Richardson-extrapolated value of each quantity
 * ({@link RichardsonExtrapolation}, formal order 2 when no order can be observed), and alpha-levels.png with α(R)
 * of every level (data in alpha-levels.csv). Every level's memory estimate is checked before any work: a level
 * that would not fit the Java heap is refused up front with its estimate, and nothing is run.
 *
 * <p>Peak RSS is the process's high-water mark (VmHWM) read after each level; levels run coarse to fine, so it is
 * the finest level so far that sets it (the JVM keeps what it has committed). NaN where /proc is not available.
 */
@Command(
        name = "grid-study",
        mixinStandardHelpOptions = true,
        description =
                "Solve one model at several grid spacings (dR = dz) and report convergence: table, observed order,"
                        + " Richardson extrapolation, alpha(R) of every level.")
public final class GridStudyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "model config (TOML); its grid spacing is replaced by each level")
    Path config;

    @Option(names = "--levels", split = ",", defaultValue = "0.1,0.05,0.025,0.0125",
            description = "grid spacings dR = dz in kpc, refined by a constant ratio (default: ${DEFAULT-VALUE})")
    List<Double> levels;

    @Option(names = "--out", description = "output directory (default: out/<model name>-grid-study)")
    Path out;

    @Mixin BackendOptions compute;

    @Mixin OverwriteOption overwrite;

    /** One level's row. */
    record Row(double spacingKpc, int nR, int nZ, long cells, double wallSeconds, double peakRssGb, double residual,
               double alphaInner, double alphaSun, double alphaDifference, double densityAbovePMinAtSun, String method,
               int sweeps, double[] rKpc, double[] alpha) {
        Row {
            rKpc = rKpc.clone();
            alpha = alpha.clone();
        }

        @Override public double[] rKpc() { return rKpc.clone(); }
        @Override public double[] alpha() { return alpha.clone(); }
    }

    @Override public Integer call() {
        Threads.check(compute.threads);
        ModelConfig base = ModelConfig.load(config);
        int nThreads = compute.threadsOr(base.solver().threads());
        List<Double> spacings = levels.stream().sorted((a, b) -> Double.compare(b, a)).toList();
        double ratio = checkLevels(spacings);
        List<ModelConfig> configs = new ArrayList<>();
        for (double d : spacings) {
            configs.add(GridRefinement.atSpacing(base, d));
        }
        refuseWhatWillNotFit(configs, nThreads);
        Consumer<String> log = line -> spec.commandLine().getErr().println(line);
        SolverBackend backend = SolverBackend.resolve(compute.backend, nThreads, log).withTuning(compute.tuning());
        Path dir = out != null ? out : Path.of("out", base.name() + "-grid-study");
        List<Row> rows = new ArrayList<>();
        try (AtomicOutputDir target = new AtomicOutputDir(dir, overwrite.overwrite(), log)) {
            for (int q = 0; q < configs.size(); q++) {
                ModelConfig c = configs.get(q);
                log.accept(String.format(Locale.ROOT, "level %s kpc: grid %d×%d (%d cells) …", fmt(spacings.get(q)),
                        c.grid().nR(), c.grid().nZ(), c.grid().size()));
                long t0 = System.nanoTime();
                RunResult r = ModelRunner.run(c, backend, null);
                ModelAnalysis.Profiles pr = ModelAnalysis.compute(c.grid(), c.momenta(), r.density(), c.analysis());
                double wall = (System.nanoTime() - t0) / 1e9;
                var s = pr.summary();
                Object method = r.details().getOrDefault("steady_method", r.mode());
                rows.add(new Row(
                        spacings.get(q),
                        c.grid().nR(),
                        c.grid().nZ(),
                        c.grid().size(),
                        wall,
                        peakRssGb(),
                        r.residual(),
                        s.alphaInner(),
                        s.alphaSun(),
                        s.alphaSunMinusInner(),
                        s.densityAbovePMinAtSun(),
                        String.valueOf(method),
                        r.steps(),
                        pr.rKpc(),
                        pr.alpha()));
                r = null; // the density of a fine level is large: let it go before the next level
                System.gc();
            }
            Map<String, RichardsonExtrapolation> ex = new LinkedHashMap<>();
            ex.put("alpha_inner", extrapolate(rows, Row::alphaInner, ratio));
            ex.put("alpha_sun", extrapolate(rows, Row::alphaSun, ratio));
            ex.put("alpha_sun_minus_inner", extrapolate(rows, Row::alphaDifference, ratio));
            ex.put("N_above_pmin_at_sun", extrapolate(rows, Row::densityAbovePMinAtSun, ratio));
            target.writing(() -> {
                write(target, base, rows, ex, ratio);
                target.commit(OutputMarker.now("grid-study", base.text()));
                return null;
            });
            spec.commandLine().getOut().print(table(base, rows, ex));
            spec.commandLine().getOut().println("-> " + target.target());
        }
        return Main.EXIT_OK;
    }

    /** Flushes {@code w} and turns the error PrintWriter swallowed, if any, into an IOException. */
    private static void requireWritten(PrintWriter w, String fileName) throws IOException {
        if (w.checkError()) {
            throw new IOException("cannot write " + fileName);
        }
    }

    /** Positive, distinct, and (for three or more) a constant refinement ratio; returns the ratio. */
    static double checkLevels(List<Double> spacings) {
        if (spacings.isEmpty()) {
            throw ConfigException.outOfRange("--levels", "", "one or more grid spacings in kpc");
        }
        for (double d : spacings) {
            if (!(d > 0) || !Double.isFinite(d)) {
                throw ConfigException.outOfRange("--levels", d, "spacings > 0 kpc");
            }
        }
        if (spacings.size() == 1) {
            return Double.NaN;
        }
        double ratio = spacings.get(0) / spacings.get(1);
        if (!(ratio > 1 + 1e-9)) {
            throw ConfigException.outOfRange("--levels", spacings, "distinct spacings");
        }
        for (int q = 2; q < spacings.size(); q++) {
            if (Math.abs(spacings.get(q - 1) / spacings.get(q) - ratio) > 1e-6 * ratio) {
                throw ConfigException.outOfRange(
                        "--levels", spacings, "spacings refined by a constant ratio (e.g. 0.1,0.05,0.025)");
            }
        }
        return ratio;
    }

    /** Every level's memory estimate against the heap, before any work; all refusals in one message. */
    static void refuseWhatWillNotFit(List<ModelConfig> configs, int threads) {
        long heap = Runtime.getRuntime().maxMemory();
        List<String> refused = new ArrayList<>();
        for (ModelConfig c : configs) {
            MemoryEstimate e = MemoryEstimate.of(c, threads);
            if (e.bytes() > heap) {
                refused.add(String.format(Locale.ROOT, "%d×%d needs about %.1f GB (%s)", c.grid().nR(), c.grid().nZ(),
                        e.bytes() / (double) (1L << 30), e.account()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "--levels: %s; the Java heap is %.1f GB; nothing was run. Drop the finest levels, use --threads 1, "
                            + "or a larger heap (ANISOCR_JAVA_OPTS=-Xmx…g) if the machine has the memory",
                    String.join("; ", refused), heap / (double) (1L << 30)));
        }
    }

    private static RichardsonExtrapolation extrapolate(List<Row> rows, ToDoubleFunction<Row> f, double ratio) {
        double[] q = rows.stream().mapToDouble(f).toArray();
        return RichardsonExtrapolation.of(q, Double.isFinite(ratio) ? ratio : 2, 2);
    }

    /** The process's peak resident set (VmHWM) in GB, NaN when /proc is not there. */
    static double peakRssGb() {
        return ProcessMemory.peakRssGb();
    }

    private void write(
            AtomicOutputDir target,
            ModelConfig base,
            List<Row> rows,
            Map<String, RichardsonExtrapolation> ex,
            double ratio) {
        try {
            writeJson(target.path("grid-study.json"), base, rows, ex, ratio);
            writeLevelsCsv(target.path("grid-study.csv"), rows);
            writeAlphaLevelsCsv(target.path("alpha-levels.csv"), rows);
            writeAlphaLevelsPlot(target.path("alpha-levels.png"), base, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grid study: " + e.getMessage(), e);
        }
    }

    /** grid-study.json: the model, the refinement ratio, one object per level and the Richardson extrapolations. */
    private static void writeJson(
            Path file,
            ModelConfig base,
            List<Row> rows,
            Map<String, RichardsonExtrapolation> ex,
            double ratio) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", base.name());
        json.put("refinement_ratio", Double.isFinite(ratio) ? ratio : null);
        List<Map<String, Object>> lv = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("spacing_kpc", r.spacingKpc());
            m.put("grid", r.nR() + "x" + r.nZ());
            m.put("cells", r.cells());
            m.put("wall_seconds", r.wallSeconds());
            m.put("peak_rss_GB", finite(r.peakRssGb()));
            m.put("residual", finite(r.residual()));
            m.put("alpha_inner", finite(r.alphaInner()));
            m.put("alpha_sun", finite(r.alphaSun()));
            m.put("alpha_sun_minus_inner", finite(r.alphaDifference()));
            m.put("N_above_pmin_at_sun", finite(r.densityAbovePMinAtSun()));
            m.put("steady_method", r.method());
            m.put("sweeps", r.sweeps());
            lv.add(m);
        }
        json.put("levels", lv);
        Map<String, Object> exj = new LinkedHashMap<>();
        ex.forEach((k, e) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("observed_order", finite(e.observed()));
            m.put("order_used", e.orderUsed());
            m.put("extrapolated", finite(e.extrapolated()));
            m.put("finest_minus_extrapolated", finite(rowsValue(rows, k) - e.extrapolated()));
            exj.put(k, m);
        });
        json.put("richardson", exj);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), json);
    }

    /** grid-study.csv: one line per level, coarse to fine. */
    private static void writeLevelsCsv(Path file, List<Row> rows) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("spacing_kpc,nR,nZ,cells,wall_seconds,peak_rss_GB,residual,alpha_inner,alpha_sun,"
                    + "alpha_sun_minus_inner,N_above_pmin_at_sun,steady_method,sweeps");
            for (Row r : rows) {
                w.println(String.format(
                        Locale.ROOT,
                        "%s,%d,%d,%d,%.3f,%.3f,%.3e,%.10g,%.10g,%.10g,%.10g,%s,%d",
                        fmt(r.spacingKpc()),
                        r.nR(),
                        r.nZ(),
                        r.cells(),
                        r.wallSeconds(),
                        r.peakRssGb(),
                        r.residual(),
                        r.alphaInner(),
                        r.alphaSun(),
                        r.alphaDifference(),
                        r.densityAbovePMinAtSun(),
                        r.method(),
                        r.sweeps()));
            }
            requireWritten(w, "grid-study.csv"); // PrintWriter keeps write errors (a full disk) to itself
        }
    }

    /** alpha-levels.csv: α(R) of every level, one line per (level, R). */
    private static void writeAlphaLevelsCsv(Path file, List<Row> rows) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("spacing_kpc,R_kpc,alpha");
            for (Row r : rows) {
                double[] rKpc = r.rKpc();
                double[] alpha = r.alpha();
                for (int i = 0; i < rKpc.length; i++) {
                    w.println(String.format(Locale.ROOT, "%s,%.6g,%.10g", fmt(r.spacingKpc()), rKpc[i], alpha[i]));
                }
            }
            requireWritten(w, "alpha-levels.csv");
        }
    }

    /** alpha-levels.png: α(R) on the plane, one curve per level. */
    private static void writeAlphaLevelsPlot(Path file, ModelConfig base, List<Row> rows) throws IOException {
        List<LinePlot.Series> series = new ArrayList<>();
        for (Row r : rows) {
            series.add(new LinePlot.Series("dR = dz = " + fmt(r.spacingKpc()) + " kpc", r.rKpc(), r.alpha()));
        }
        LinePlot.write(file, "Spectral index on the plane, " + base.name(), "R [kpc]",
                "α = −d ln N/d ln p", series, false);
    }

    private static double rowsValue(List<Row> rows, String key) {
        Row r = rows.get(rows.size() - 1);
        return switch (key) {
            case "alpha_inner" -> r.alphaInner();
            case "alpha_sun" -> r.alphaSun();
            case "alpha_sun_minus_inner" -> r.alphaDifference();
            default -> r.densityAbovePMinAtSun();
        };
    }

    private static Object finite(double v) { return Double.isFinite(v) ? v : null; }

    static String fmt(double d) { return GridRefinement.label(d); }

    static String table(ModelConfig base, List<Row> rows, Map<String, RichardsonExtrapolation> ex) {
        StringBuilder b = new StringBuilder();
        b.append("Grid study of ").append(base.name()).append('\n');
        b.append("| dR = dz [kpc] | grid | cells | wall [s] | peak RSS [GB] | residual | α(R=0) | α(R☉) | α(R☉) − α(0)"
                + " | N(>p_min) at R☉ | method |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d×%d | %d | %.2f | %.2f | %.2e | %.5f | %.5f | %.5f | %.6g | %s |%n",
                    fmt(r.spacingKpc()),
                    r.nR(),
                    r.nZ(),
                    r.cells(),
                    r.wallSeconds(),
                    r.peakRssGb(),
                    r.residual(),
                    r.alphaInner(),
                    r.alphaSun(),
                    r.alphaDifference(),
                    r.densityAbovePMinAtSun(),
                    r.method()));
        }
        b.append("| observed order | | | | | | ")
                .append(order(ex.get("alpha_inner")))
                .append(" | ")
                .append(order(ex.get("alpha_sun")))
                .append(" | ")
                .append(order(ex.get("alpha_sun_minus_inner")))
                .append(" | ")
                .append(order(ex.get("N_above_pmin_at_sun")))
                .append(" | |\n");
        b.append(String.format(
                Locale.ROOT,
                "| Richardson | | | | | | %.5f | %.5f | %.5f | %.6g | |%n",
                ex.get("alpha_inner").extrapolated(),
                ex.get("alpha_sun").extrapolated(),
                ex.get("alpha_sun_minus_inner").extrapolated(),
                ex.get("N_above_pmin_at_sun").extrapolated()));
        return b.toString();
    }

    private static String order(RichardsonExtrapolation e) {
        return Double.isFinite(e.observed()) ? String.format(Locale.ROOT, "%.2f", e.observed())
                : String.format(Locale.ROOT, "n/a (used %.0f)", e.orderUsed());
    }
}
