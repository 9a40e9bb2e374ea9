package org.anisocr.cli;

import org.anisocr.analysis.FieldMaps;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.RingComparison;
import org.anisocr.analysis.RingComparison.RingPoint;
import org.anisocr.analysis.gamma.GammaProducts;
import org.anisocr.analysis.gamma.GammaSettings;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.LinePlot;
import org.anisocr.io.OutputMarker;
import org.anisocr.io.PanelFigure;
import org.anisocr.io.RingDataCsv;
import org.anisocr.run.ModelRunner;
import org.anisocr.run.RunResult;
import org.anisocr.source.PulsarSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Regenerates the paper's figures (Cerri et al. 2017, JCAP 10, 019), numbered and laid out as published, from the
 * committed configs (made by scripts/make-paper-configs.py) and the measurements of data/:
 * <ul>
 * <li>Fig. 1 {@code fig1-field.png}: the realistic field in (R, z), colour b_z, arrows (b_R, b_z);</li>
 * <li>Fig. 2 {@code fig2-toy-alpha.png}: α(R) of the toy model, one panel per (ε_B, δ∥, δ⊥), curves for
 * ε_D ∈ {0.01, 0.1, 1} × H ∈ {2, 4} kpc, dashed asymptotes α_inj + δ∥ and α_inj + δ⊥ of that panel;</li>
 * <li>Fig. 3 {@code fig3-realistic-alpha.png}: α(R) of the realistic models, ε_D = 0.01 left, 0.1 right, δ⊥ = 0.5
 * and 0.7, with the Fermi-LAT ring proton indices of data/ and each model's χ² (ring-averaged);</li>
 * <li>Fig. 4 {@code fig4-density.png}: proton density above 10 GeV on the plane for R = 0–14 kpc, the four models
 * and the isotropic δ = 0.3 model, each normalised to 1 at R☉ = 8.3 kpc, with the Fermi-LAT ring densities;</li>
 * <li>{@code fig5-gamma-index.png} (not in the paper): the π⁰-decay γ-ray emissivity index on the plane, 10–100 GeV,
 * for the same five models, beside the Fermi-LAT ring γ-ray indices of data/.</li>
 * </ul>
 * and {@code figures-summary.csv}. Every model is solved exactly as {@code anisocr run} would, in memory; nothing is
 * written outside {@code --out} (staged and renamed into place; an earlier figures folder is replaced only with
 * {@code --overwrite}).
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "figures",
        description = "Regenerate the paper's Figures 1-4 (and the gamma-ray index figure) from configs/ and data/ into"
                + " --out.")
public final class FiguresCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--configs", defaultValue = "configs", description = "config directory (default: ${DEFAULT-VALUE})")
    Path configs;

    @Option(names = "--data", defaultValue = "data", description = "measurement directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--out", defaultValue = "out/figures", description = "figure directory (default: ${DEFAULT-VALUE}; "
            + "the committed figures are regenerated with --out docs/figures --overwrite)")
    Path out;

    @CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads, 0 = all cores")
    int threads;

    static final String[][] TOY_SCANS = {
        {"0.2", "0.1", "0.6"}, {"0.5", "0.1", "0.6"}, {"1", "0.1", "0.6"}, {"0.5", "0.3", "0.5"}
    };
    static final double R_SUN_KPC = 8.3;
    static final int W = 760;
    static final int H = 560;

    record Solved(
            ModelConfig config, ModelAnalysis.Profiles profiles, GammaProducts.Result gamma, double wallSeconds) {}

    /** A row of figures-summary.csv. */
    record Row(String model, double alphaInner, double alphaSun, double gammaInner, double gammaSun, double chi2Alpha,
               int nAlpha, double chi2Density, int nDensity, double wallSeconds) {}

    @Override public Integer call() throws IOException {
        Threads.check(threads);
        PrintWriter log = spec.commandLine().getOut();
        Path written;
        List<RingPoint> indexData;
        List<RingPoint> densityData;
        // The output location is checked first (AtomicOutputDir refuses a user's folder before anything else); the
        // data files are read before any model is solved, and a failure there leaves nothing behind (staging removed).
        try (AtomicOutputDir target = new AtomicOutputDir(
                out, overwrite.overwrite(), spec.commandLine().getErr()::println)) {
            indexData = ringData("fermi-lat-proton-index-rings.csv", "proton_index");
            densityData = ringData("fermi-lat-proton-density-rings.csv", "density_rel");
            List<RingPoint> gammaData = ringData("fermi-lat-gamma-index-rings.csv", "gamma_index");
            written = target.writing(() -> {
                writeFigures(target.path(""), log, indexData, densityData, gammaData);
                target.commit(OutputMarker.now("figures", null));
                return target.target();
            });
        }
        if (indexData.isEmpty() && densityData.isEmpty()) {
            log.println("note: " + data
                    + " holds no Fermi-LAT ring values (see data/README.md); the figures carry no points and"
                    + " chi2 is nan");
        }
        log.println("figures -> " + written);
        return Main.EXIT_OK;
    }

    private void writeFigures(Path out, PrintWriter log, List<RingPoint> indexData, List<RingPoint> densityData,
                              List<RingPoint> gammaData) throws IOException {
        List<Row> rows = new ArrayList<>();
        writeFieldFigure(out);
        writeToyAlphaFigure(out, log, rows);
        // Realistic models (Figs. 3, 4 and the γ-ray index) and the isotropic δ = 0.3 model (Fig. 4, γ-ray index).
        List<LinePlot.Series> density = new ArrayList<>();
        List<LinePlot.Series> gamma = new ArrayList<>();
        writeRealisticAlphaFigure(out, log, rows, indexData, densityData, density, gamma);
        addIsotropicModel(log, rows, indexData, densityData, density, gamma);
        writeDensityFigure(out, density, densityData);
        writeGammaIndexFigure(out, gamma, gammaData);
        writeSummaryCsv(out.resolve("figures-summary.csv"), rows);
    }

    /** Fig. 1 (fig1-field.png): the realistic field, colour b_z, arrows (b_R, b_z). */
    private void writeFieldFigure(Path out) throws IOException {
        ModelConfig fieldModel = ModelConfig.load(config("realistic-eps0.1-dperp0.5.toml"));
        FieldMaps.verticalComponentMap(fieldModel.grid(), fieldModel.field(), out.resolve("fig1-field.png"),
                "Fig. 1: realistic field (Pshirkov 2011 + JF12 X), colour b_z, arrows (b_R, b_z)");
    }

    /** Fig. 2 (fig2-toy-alpha.png): the toy model, one panel per (ε_B, δ∥, δ⊥); adds a row per model solved. */
    private void writeToyAlphaFigure(Path out, PrintWriter log, List<Row> rows) throws IOException {
        List<PanelFigure.Panel> fig2 = new ArrayList<>();
        for (String[] sc : TOY_SCANS) {
            fig2.add(toyAlphaPanel(sc, log, rows));
        }
        PanelFigure.write(out.resolve("fig2-toy-alpha.png"), fig2, 2, W, H);
    }

    /** One panel of Fig. 2: α(R) for ε_D × H of the scan {ε_B, δ∥, δ⊥}, with the two dashed asymptotes. */
    private PanelFigure.Panel toyAlphaPanel(String[] sc, PrintWriter log, List<Row> rows) {
        List<LinePlot.Series> lines = new ArrayList<>();
        double alphaInj = Double.NaN;
        for (String eps : new String[]{"0.01", "0.1", "1"}) {
            for (int h : new int[]{2, 4}) {
                Path cfg = configs.resolve("fig2")
                        .resolve("toy-epsB" + sc[0] + "-dpar" + sc[1] + "-dperp" + sc[2] + "-epsD" + eps + "-H" + h
                                + ".toml");
                Solved m = solve(cfg, log, rows, List.of(), List.of(), false);
                alphaInj = sourceAlpha(m.config());
                lines.add(new LinePlot.Series(
                        "ε_D = " + eps + ", H = " + h + " kpc",
                        m.profiles().rKpc(),
                        m.profiles().alpha()));
            }
        }
        double dPar = Double.parseDouble(sc[1]);
        double dPerp = Double.parseDouble(sc[2]);
        double[] r = {0, 20};
        lines.add(new LinePlot.Series(
                String.format(Locale.ROOT, "α_inj + δ∥ = %.2f", alphaInj + dPar),
                r,
                new double[] {alphaInj + dPar, alphaInj + dPar},
                true));
        lines.add(new LinePlot.Series(
                String.format(Locale.ROOT, "α_inj + δ⊥ = %.2f", alphaInj + dPerp),
                r,
                new double[] {alphaInj + dPerp, alphaInj + dPerp},
                true));
        return new PanelFigure.Panel(
                "Fig. 2: ε_B = " + sc[0] + ", (δ∥, δ⊥) = (" + sc[1] + ", " + sc[2] + "), fit 10–1000 GeV",
                "R [kpc]",
                "α = −d ln N/d ln p",
                lines,
                List.of());
    }

    /**
     * Fig. 3 (fig3-realistic-alpha.png): α(R) of the four realistic models, one panel per ε_D; adds their rows and
     * their curves for Fig. 4 ({@code density}) and the γ-ray index figure ({@code gamma}).
     */
    private void writeRealisticAlphaFigure(Path out, PrintWriter log, List<Row> rows, List<RingPoint> indexData,
                                           List<RingPoint> densityData, List<LinePlot.Series> density,
                                           List<LinePlot.Series> gamma) throws IOException {
        List<PanelFigure.Panel> fig3 = new ArrayList<>();
        for (String eps : new String[] {"0.01", "0.1"}) {
            List<LinePlot.Series> lines = new ArrayList<>();
            for (String dperp : new String[] {"0.5", "0.7"}) {
                Solved m = solve(
                        config("realistic-eps" + eps + "-dperp" + dperp + ".toml"),
                        log,
                        rows,
                        indexData,
                        densityData,
                        true);
                Row row = rows.get(rows.size() - 1);
                String label = "δ⊥ = " + dperp + chi2Label(row.chi2Alpha(), row.nAlpha());
                lines.add(new LinePlot.Series(label, m.profiles().rKpc(), m.profiles().alpha()));
                String name = "ε_D = " + eps + ", δ⊥ = " + dperp;
                density.add(new LinePlot.Series(
                        name + chi2Label(row.chi2Density(), row.nDensity()),
                        m.profiles().rKpc(),
                        normalised(m)));
                gamma.add(new LinePlot.Series(name, m.gamma().rKpc(), m.gamma().gammaIndex()));
            }
            fig3.add(new PanelFigure.Panel(
                    "Fig. 3: realistic field, ε_D = " + eps + ", δ∥ = 0.3, H = 4 kpc, fit 10–1000 GeV",
                    "R [kpc]",
                    "proton slope α",
                    lines,
                    List.of(points("Fermi-LAT (Acero et al. 2016)", indexData)),
                    0,
                    20,
                    Double.NaN,
                    Double.NaN,
                    false));
        }
        PanelFigure.write(out.resolve("fig3-realistic-alpha.png"), fig3, 2, W, H);
    }

    /** Solves the isotropic δ = 0.3 model: its row, and its dashed curves for Fig. 4 and the γ-ray index figure. */
    private void addIsotropicModel(PrintWriter log, List<Row> rows, List<RingPoint> indexData,
                                   List<RingPoint> densityData, List<LinePlot.Series> density,
                                   List<LinePlot.Series> gamma) {
        Solved iso = solve(config("isotropic-delta0.3.toml"), log, rows, indexData, densityData, true);
        Row isoRow = rows.get(rows.size() - 1);
        density.add(new LinePlot.Series(
                "isotropic δ = 0.3" + chi2Label(isoRow.chi2Density(), isoRow.nDensity()),
                iso.profiles().rKpc(),
                normalised(iso),
                true));
        gamma.add(new LinePlot.Series("isotropic δ = 0.3", iso.gamma().rKpc(), iso.gamma().gammaIndex(), true));
    }

    /** Fig. 4 (fig4-density.png): proton density above 10 GeV on the plane, normalised at R☉, with the rings. */
    private static void writeDensityFigure(Path out, List<LinePlot.Series> density, List<RingPoint> densityData)
            throws IOException {
        PanelFigure.write(out.resolve("fig4-density.png"), List.of(new PanelFigure.Panel(
                "Fig. 4: protons above 10 GeV on the plane, each model normalised to 1 at R = 8.3 kpc",
                "R [kpc]", "N(p > 10 GeV) / N_R☉(p > 10 GeV)", density, List.of(points("Fermi-LAT rings", densityData)),
                0, 14, Double.NaN, Double.NaN, false)), 1, 1000, 640);
    }

    /** fig5-gamma-index.png: the π⁰-decay γ-ray emissivity index on the plane, with the Fermi-LAT ring indices. */
    private static void writeGammaIndexFigure(Path out, List<LinePlot.Series> gamma, List<RingPoint> gammaData)
            throws IOException {
        GammaSettings gs = GammaSettings.DEFAULT;
        PanelFigure.write(
                out.resolve("fig5-gamma-index.png"),
                List.of(new PanelFigure.Panel(
                        "π⁰-decay γ-ray emissivity index on the plane, fit "
                                + ModelAnalysis.momentumLabel(gs.fitMinGeV()) + "–"
                                + ModelAnalysis.momentumLabel(gs.fitMaxGeV()) + " GeV (Kafexhiu et al. 2014, "
                                + gs.model() + ")",
                        "R [kpc]",
                        "Γ_γ = −d ln q_γ/d ln E_γ",
                        gamma,
                        List.of(points("Fermi-LAT rings", gammaData)),
                        0,
                        20,
                        Double.NaN,
                        Double.NaN,
                        false)),
                1,
                1000,
                640);
    }

    /** figures-summary.csv: one line per model solved, in the order solved. */
    private static void writeSummaryCsv(Path csv, List<Row> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv)) {
            w.write("model,alpha_inner,alpha_sun,alpha_sun_minus_inner,gamma_index_inner,gamma_index_sun,"
                    + "chi2,chi2_points,chi2_density,chi2_density_points,wall_seconds\n");
            for (Row r : rows) {
                w.write(String.join(
                                ",",
                                r.model(),
                                f(r.alphaInner()),
                                f(r.alphaSun()),
                                f(r.alphaSun() - r.alphaInner()),
                                f(r.gammaInner()),
                                f(r.gammaSun()),
                                f(r.chi2Alpha()),
                                Integer.toString(r.nAlpha()),
                                f(r.chi2Density()),
                                Integer.toString(r.nDensity()),
                                String.format(Locale.ROOT, "%.2f", r.wallSeconds()))
                        + "\n");
            }
        }
    }

    private Path config(String name) { return configs.resolve(name); }

    private List<RingPoint> ringData(String file, String column) throws IOException {
        Path p = data.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new ConfigException("data file " + p + " is missing (run from the repository root or give --data)");
        }
        List<RingPoint> points = new ArrayList<>();
        for (RingDataCsv.Row r : RingDataCsv.read(p, column, "error")) {
            try {
                points.add(new RingPoint(r.rMinKpc(), r.rMaxKpc(), r.value(), r.error()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(p + ": " + e.getMessage());
            }
        }
        return points;
    }

    private Solved solve(
            Path cfg,
            PrintWriter log,
            List<Row> rows,
            List<RingPoint> indexData,
            List<RingPoint> densityData,
            boolean withGamma) {
        if (!Files.isRegularFile(cfg)) {
            throw new ConfigException(
                    "figure config " + cfg + " is missing (run from the repository root or give --configs)");
        }
        ModelConfig c = ModelConfig.load(cfg);
        RunResult r = ModelRunner.run(c, threads, null);
        ModelAnalysis.Profiles pr = ModelAnalysis.compute(c.grid(), c.momenta(), r.density(), c.analysis());
        GammaProducts.Result g =
                withGamma ? GammaProducts.compute(c.grid(), c.momenta(), r.density(), GammaSettings.DEFAULT) : null;
        var s = pr.summary();
        RingComparison.Chi2 ca = RingComparison.chi2(pr.rKpc(), pr.alpha(), indexData);
        RingComparison.Chi2 cd = RingComparison.chi2(pr.rKpc(), normalisedDensity(pr), densityData);
        double gInner = g == null ? Double.NaN : g.gammaIndex()[0];
        double gSun = g == null ? Double.NaN : RingComparison.valueAt(g.rKpc(), g.gammaIndex(), R_SUN_KPC);
        log.printf(
                Locale.ROOT,
                "%-45s alpha(0) = %.4f  alpha(%.1f) = %.4f  diff = %.4f%s  %.2f s (%s)%n",
                c.name(),
                s.alphaInner(),
                s.rSunKpc(),
                s.alphaSun(),
                s.alphaSunMinusInner(),
                g == null
                        ? ""
                        : String.format(Locale.ROOT, "  gamma index(0) = %.4f  (%.1f) = %.4f", gInner, R_SUN_KPC, gSun),
                r.wallSeconds(),
                r.mode().key());
        log.flush();
        rows.add(new Row(
                c.name(),
                s.alphaInner(),
                s.alphaSun(),
                gInner,
                gSun,
                ca.chi2(),
                ca.points(),
                cd.chi2(),
                cd.points(),
                r.wallSeconds()));
        return new Solved(c, pr, g, r.wallSeconds());
    }

    /** N(> p_min) on the plane divided by its value at R☉ (the way Fig. 4 and the density χ² are normalised). */
    static double[] normalisedDensity(ModelAnalysis.Profiles pr) {
        double[] d = pr.densityAbovePMin().clone();
        double atSun = RingComparison.valueAt(pr.rKpc(), d, R_SUN_KPC);
        for (int i = 0; i < d.length; i++) {
            d[i] /= atSun;
        }
        return d;
    }

    private static double[] normalised(Solved m) { return normalisedDensity(m.profiles()); }

    private static PanelFigure.Points points(String name, List<RingPoint> data) {
        int n = data.size();
        double[] x = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] y = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            RingPoint p = data.get(i);
            x[i] = p.rMidKpc(); lo[i] = p.rMinKpc(); hi[i] = p.rMaxKpc(); y[i] = p.value(); e[i] = p.error();
        }
        return new PanelFigure.Points(name, x, lo, hi, y, e);
    }

    private static String chi2Label(double chi2, int n) {
        return n == 0 ? " (χ²: no data points)" : String.format(Locale.ROOT, " (χ² = %.1f for %d rings)", chi2, n);
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5f", Math.abs(v) < 5e-6 ? 0.0 : v) : "nan";
    }

    private static double sourceAlpha(ModelConfig c) {
        if (c.source() instanceof PulsarSource p) {
            return p.alphaInj();
        }
        return Double.NaN;
    }
}
