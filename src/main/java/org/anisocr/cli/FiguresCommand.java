package org.anisocr.cli;

import org.anisocr.analysis.FieldMaps;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.io.CsvColumns;
import org.anisocr.io.LinePlot;
import org.anisocr.run.ModelRunner;
import org.anisocr.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.OutputMarker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Regenerates docs/figures from the committed paper configs: Fig. 2 (toy scans, configs/fig2/*.toml),
 * Fig. 3 (realistic field direction) and Fig. 4 (α(R) of the four realistic models, configs/realistic-*.toml).
 * Every model is solved exactly as `anisocr run` would, in memory; only the figures and a CSV of headline numbers
 * are written.
 */
@Command(mixinStandardHelpOptions = true, name = "figures", description = "Regenerate the paper's Figures 2-4 (PNG) from configs/ into docs/figures.")
public final class FiguresCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--configs", defaultValue = "configs", description = "config directory (default: ${DEFAULT-VALUE})")
    Path configs;

    @Option(names = "--out", defaultValue = "out/figures", description = "figure directory (default: ${DEFAULT-VALUE}; "
            + "the committed figures are regenerated with --out docs/figures --overwrite)")
    Path out;

    @picocli.CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads, 0 = all cores")
    int threads;

    record Solved(ModelConfig config, ModelAnalysis.Profiles profiles, double wallSeconds) {}

    @Override public Integer call() throws IOException {
        Threads.check(threads);
        PrintWriter log = spec.commandLine().getOut();
        Path written;
        try (AtomicOutputDir target = new AtomicOutputDir(out, overwrite.overwrite(), spec.commandLine().getErr()::println)) {
            writeFigures(target.path(""), log);
            target.commit(OutputMarker.now("figures", null));
            written = target.target();
        }
        log.println("figures -> " + written);
        return Main.EXIT_OK;
    }

    private void writeFigures(Path out, PrintWriter log) throws IOException {
        List<String[]> rows = new ArrayList<>();

        // Fig. 2: one panel per (H, εD), curves for the εB / (δ∥, δ⊥) scans, dashed asymptotes of eq. 3.6.
        for (int h : new int[] {2, 4})
            for (String eps : new String[] {"0.01", "0.1", "1"}) {
                List<LinePlot.Series> series = new ArrayList<>();
                String[][] scans = {{"0.2", "0.1", "0.6"}, {"0.5", "0.1", "0.6"}, {"1", "0.1", "0.6"}, {"0.5", "0.3", "0.5"}};
                double alphaInj = Double.NaN;
                for (String[] s : scans) {
                    Path cfg = configs.resolve("fig2").resolve("toy-epsB" + s[0] + "-dpar" + s[1] + "-dperp" + s[2] + "-epsD" + eps + "-H" + h + ".toml");
                    Solved m = solve(cfg, log, rows);
                    alphaInj = sourceAlpha(m.config());
                    series.add(new LinePlot.Series("ε_B = " + s[0] + ", (δ∥, δ⊥) = (" + s[1] + ", " + s[2] + ")",
                            m.profiles().rKpc(), m.profiles().alpha()));
                }
                double[] r = {0, 20};
                series.add(new LinePlot.Series("α_inj + δ∥ (δ∥ = 0.1)", r, new double[] {alphaInj + 0.1, alphaInj + 0.1}, true));
                series.add(new LinePlot.Series("α_inj + δ⊥ (δ⊥ = 0.6)", r, new double[] {alphaInj + 0.6, alphaInj + 0.6}, true));
                LinePlot.write(out.resolve("fig2-toy-H" + h + "-epsD" + eps + ".png"),
                        "Toy model (Fig. 2): H = " + h + " kpc, ε_D = " + eps + ", fit 10–1000 GeV", "R [kpc]",
                        "α = −d ln N/d ln p", series, false);
            }

        // Fig. 3 and Fig. 4
        List<LinePlot.Series> fig4 = new ArrayList<>();
        Path fieldCfg = null;
        for (String eps : new String[] {"0.1", "0.01"})
            for (String dperp : new String[] {"0.5", "0.7"}) {
                Path cfg = configs.resolve("realistic-eps" + eps + "-dperp" + dperp + ".toml");
                if (fieldCfg == null) fieldCfg = cfg;
                Solved m = solve(cfg, log, rows);
                fig4.add(new LinePlot.Series("ε_D = " + eps + ", δ⊥ = " + dperp + " (δ∥ = 0.3)", m.profiles().rKpc(), m.profiles().alpha()));
            }
        LinePlot.write(out.resolve("fig4-realistic-alpha.png"), "Realistic field (Fig. 4): H = 4 kpc, fit 10–1000 GeV",
                "R [kpc]", "α = −d ln N/d ln p", fig4, false);
        ModelConfig field = ModelConfig.load(fieldCfg);
        FieldMaps.directionMap(field.grid(), field.field(), out.resolve("fig3-realistic-field.png"));

        Path csv = out.resolve("figures-summary.csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("model,alpha_inner,alpha_sun,alpha_sun_minus_inner,wall_seconds\n");
            for (String[] row : rows) w.write(String.join(",", row) + "\n");
        }
    }

    private Solved solve(Path cfg, PrintWriter log, List<String[]> rows) {
        if (!Files.isRegularFile(cfg)) throw new ConfigException("figure config " + cfg + " is missing (run from the repository root or give --configs)");
        ModelConfig c = ModelConfig.load(cfg);
        RunResult r = ModelRunner.run(c, threads, null);
        ModelAnalysis.Profiles pr = ModelAnalysis.compute(c.grid(), c.momenta(), r.density(), c.analysis());
        var s = pr.summary();
        log.printf(Locale.ROOT, "%-45s alpha(0) = %.4f  alpha(%.1f) = %.4f  diff = %.4f  %.2f s (%s)%n", c.name(), s.alphaInner(),
                s.rSunKpc(), s.alphaSun(), s.alphaSunMinusInner(), r.wallSeconds(), r.mode().key());
        log.flush();
        rows.add(new String[] {c.name(), f(s.alphaInner()), f(s.alphaSun()), f(s.alphaSunMinusInner()), String.format(Locale.ROOT, "%.2f", r.wallSeconds())});
        return new Solved(c, pr, r.wallSeconds());
    }

    private static String f(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5f", v) : "nan"; }

    private static double sourceAlpha(ModelConfig c) {
        if (c.source() instanceof org.anisocr.source.PulsarSource p) return p.alphaInj();
        return Double.NaN;
    }
}
