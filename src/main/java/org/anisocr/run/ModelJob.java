package org.anisocr.run;

import org.anisocr.analysis.AnalysisSummary;
import org.anisocr.analysis.ModelAnalysis;
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
        MemoryEstimate.of(c, threads).requireFitsHeap();
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
            if (extraSummary != null) extra.putAll(extraSummary);
            RunOutput.write(r, target, extra);
            target.commit(OutputMarker.now("run", c.text()));
            return new Outcome(r, a, target.target());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
