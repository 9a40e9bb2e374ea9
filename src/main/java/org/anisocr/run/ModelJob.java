package org.anisocr.run;

import org.anisocr.analysis.AnalysisSummary;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.gamma.GammaProducts;
import org.anisocr.analysis.gamma.GammaSettings;
import org.anisocr.config.ModelConfig;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.OutputMarker;
import org.anisocr.io.RunOutput;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SplitStepper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One model from config to a complete output directory: solve, analyse (α(R), densities, maps), write N.fits,
 * CSVs and summary.json into a staging directory, then rename it into place. `run` and `sweep` both go through
 * here, so a sweep folder is exactly what `anisocr run` would have written.
 */
public final class ModelJob {
    private ModelJob() {}

    public record Outcome(RunResult run, AnalysisSummary analysis, Path directory) {}

    /**
     * @param extraSummary entries added to summary.json (e.g. the sweep parameters); may be null
     */
    public static Outcome solveAndWrite(ModelConfig c, Path dir, Function<TransportProblem, SplitStepper> openStepper,
                                        int threads, ModelRunner.Progress progress, Map<String, Object> extraSummary) {
        return solveAndWrite(c, dir, false, openStepper, "cpu", line -> { }, threads, progress, extraSummary);
    }

    /**
     * As above; {@code steadyBackend} / {@code log}: see {@link ModelRunner#run(ModelConfig, Function, String, java.util.function.Consumer, int, ModelRunner.Progress)}.
     *
     * @param overwrite replace an earlier anisocr output in {@code dir} (never anything else; see {@link AtomicOutputDir})
     */
    public static Outcome solveAndWrite(ModelConfig c, Path dir, boolean overwrite, Function<TransportProblem, SplitStepper> openStepper,
                                        String steadyBackend, java.util.function.Consumer<String> log,
                                        int threads, ModelRunner.Progress progress, Map<String, Object> extraSummary) {
        MemoryEstimate memory = MemoryEstimate.of(c, threads);
        memory.requireFitsHeap();
        try (AtomicOutputDir target = new AtomicOutputDir(dir, overwrite, log)) {
            RunResult r = ModelRunner.run(c, openStepper, steadyBackend, log, threads, progress);
            Map<String, Object> extra = new LinkedHashMap<>();
            AnalysisSummary a = null;
            String misfit = c.analysis().problemWith(c.momenta());
            if (misfit == null) {
                a = ModelAnalysis.writeAll(r.problem().grid(), r.problem().momenta(), r.density(), c.analysis(), target.path(""));
                extra.put("analysis", a.toJson());
            } else {
                extra.put("analysis", Map.of("skipped", misfit));
            }
            extra.put("gamma", gammaProducts(r, target.path("")));
            extra.put("memory_estimate_GB", memory.bytes() / (double) (1L << 30));
            extra.put("java_max_heap_GB", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
            if (extraSummary != null) extra.putAll(extraSummary);
            RunOutput.write(r, target, extra);
            target.commit(OutputMarker.now("run", c.text()));
            return new Outcome(r, a, target.target());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** gamma_emissivity.fits, gamma_index.csv (issue 14) with the default settings; a summary entry either way. */
    private static Map<String, Object> gammaProducts(RunResult r, Path dir) throws IOException {
        GammaSettings s = GammaSettings.DEFAULT;
        try {
            GammaProducts.Result g = GammaProducts.writeAll(r.problem().grid(), r.problem().momenta(), r.density(), s, dir);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cross_section", "Kafexhiu et al. 2014, PRD 90, 123014; " + s.model()
                    + (s.model().aboveGeV() < Double.POSITIVE_INFINITY ? " above " + s.model().aboveGeV() + " GeV, Geant4 below" : ""));
            m.put("nuclear_enhancement", "K14 eq. 24 (eps_c = 1.37, eps_1 = 0.29, eps_2 = 0.1)");
            m.put("local_flux", s.localFlux().reference() + String.format(java.util.Locale.ROOT, ": J(T = %g GeV) = %g m-2 sr-1 s-1 GeV-1 at R = %g kpc, z = 0",
                    s.localFlux().kineticEnergyGeV(), s.localFlux().intensityPerM2SrSGeV(), s.rSunKpc()));
            m.put("fit_min_GeV", s.fitMinGeV());
            m.put("fit_max_GeV", s.fitMaxGeV());
            m.put("gamma_index_inner", finiteOrNull(g.gammaIndex()[0]));
            m.put("gamma_index_sun", finiteOrNull(interpolate(g.rKpc(), g.gammaIndex(), s.rSunKpc())));
            return m;
        } catch (IllegalArgumentException e) {
            return Map.of("skipped", e.getMessage());
        }
    }

    private static Object finiteOrNull(double v) { return Double.isFinite(v) ? v : null; }

    private static double interpolate(double[] x, double[] y, double at) {
        int i = 0;
        while (i < x.length - 2 && x[i + 1] < at) i++;
        double t = Math.min(1, Math.max(0, (at - x[i]) / (x[i + 1] - x[i])));
        return y[i] + t * (y[i + 1] - y[i]);
    }
}
