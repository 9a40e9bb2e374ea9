package org.anisocr.run;

import org.anisocr.analysis.AnalysisSummary;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.gamma.Dragon2Protons;
import org.anisocr.analysis.gamma.GammaProducts;
import org.anisocr.analysis.gamma.GammaSettings;
import org.anisocr.analysis.sky.SkyMaps;
import org.anisocr.analysis.sky.SkyProducts;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.GasModels;
import org.anisocr.io.Dragon2Fits;
import org.anisocr.io.OutputLocation;
import org.anisocr.io.OutputMarker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One model from config to a complete output directory: solve, analyse (α(R), densities, maps), write N.fits,
 * CSVs and summary.json into a staging directory, then rename it into place. `run` and `sweep` both go through
 * here, so a sweep folder is exactly what `anisocr run` would have written.
 */
public final class ModelJob {
    private ModelJob() {}

    public record Outcome(RunResult run, AnalysisSummary analysis, Path directory) {}

    /**
     * @param overwrite    replace an earlier anisocr output in {@code dir} (never anything else; see {@link
     * AtomicOutputDir})
     * @param backend      the resolved backend (opens the stepper, picks the steady solver)
     * @param log          receives the output folder's notes (e.g. a stale staging folder removed)
     * @param extraSummary entries added to summary.json (e.g. the sweep parameters); may be null
     */
    public static Outcome solveAndWrite(ModelConfig c, Path dir, boolean overwrite, SolverBackend backend,
                                        Consumer<String> log, ModelRunner.Progress progress,
                                        Map<String, Object> extraSummary) {
        MemoryEstimate memory = check(c, dir, overwrite, backend);
        try (AtomicOutputDir target = new AtomicOutputDir(dir, overwrite, log)) {
            RunResult r = ModelRunner.run(c, backend, progress);
            return target.writing(() -> write(r, target, memory, extraSummary, backend.threads(), log));
        }
    }

    /**
     * Writes an already solved model (one of {@link ModelRunner#runBatch}'s results) into {@code dir} exactly as
     * {@link #solveAndWrite} would; the folder check is {@link #check}'s.
     */
    public static Outcome write(RunResult r, Path dir, boolean overwrite, SolverBackend backend, Consumer<String> log,
                                Map<String, Object> extraSummary) {
        MemoryEstimate memory = check(r.config(), dir, overwrite, backend);
        try (AtomicOutputDir target = new AtomicOutputDir(dir, overwrite, log)) {
            return target.writing(() -> write(r, target, memory, extraSummary, backend.threads(), log));
        }
    }

    private static Outcome write(RunResult r, AtomicOutputDir target, MemoryEstimate memory,
                                 Map<String, Object> extraSummary, int threads, Consumer<String> log)
            throws IOException {
        ModelConfig c = r.config();
        Map<String, Object> extra = new LinkedHashMap<>();
        AnalysisSummary a = null;
        String misfit = c.analysis().problemWith(c.momenta());
        if (misfit == null) {
            a = ModelAnalysis.writeAll(r.problem().grid(), r.problem().momenta(), r.density(), c.analysis(),
                    RunOutput.normalisation(c.output()), target.path(""));
            extra.put("analysis", a.toJson());
        } else {
            extra.put("analysis", Map.of("skipped", misfit));
        }
        extra.put("gamma", gammaProducts(r, target.path("")));
        if (c.output().dragon2()) {
            extra.put("dragon2", dragon2File(r, target.path("")));
        }
        if (c.sky().enabled()) {
            extra.put("sky", skyProducts(r, target.path(""), threads, log));
        }
        extra.put("memory_estimate_GB", memory.bytes() / (double) (1L << 30));
        extra.put("java_max_heap_GB", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        if (extraSummary != null) {
            extra.putAll(extraSummary);
        }
        RunOutput.write(r, target, extra);
        target.commit(OutputMarker.now("run", c.text()));
        return new Outcome(r, a, target.target());
    }

    /**
     * What every solve does first and {@code run --check} does alone: the output folder ({@link OutputLocation}) and
     * the memory estimate against the heap, both refused (exit 2) before any work.
     */
    public static MemoryEstimate check(ModelConfig c, Path dir, boolean overwrite, SolverBackend backend) {
        ModelRunner.require2d(c);
        OutputLocation.checkFolder(dir, overwrite, "--out");
        checkDragon2(c);
        MemoryEstimate memory = MemoryEstimate.of(c, backend.threads());
        memory.requireFitsHeap();
        if (c.sky().enabled()) {
            SkyMaps.check(c.sky(), c.grid(), c.analysis().rSunKpc());
            GasModels.resolve(c.gas(), null);
        }
        return memory;
    }

    /**
     * The [sky] maps (sky_*.fits, PNGs, profile; the summary block). The gas is the model's [gas] (a relative table
     * path already taken from the model file's folder by {@code ModelConfig.load}).
     */
    private static Map<String, Object> skyProducts(RunResult r, Path dir, int threads, Consumer<String> log)
            throws IOException {
        ModelConfig c = r.config();
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SkyMaps.Result sky = SkyMaps.compute(r.problem().grid(), r.problem().momenta(), r.density(),
                GasModels.resolve(c.gas(), null), c.sky(), c.analysis().rSunKpc(), workers, log);
        return SkyProducts.writeAll(sky, c.name(), dir);
    }

    /**
     * [output] dragon2 = true: J_p is normalised at R☉ of the γ-ray products, which must lie on the grid (the
     * geometry and the momenta were checked with the model file).
     */
    private static void checkDragon2(ModelConfig c) {
        double rSun = GammaSettings.DEFAULT.rSunKpc();
        if (c.output().dragon2() && rSun > c.grid().rMaxKpc()) {
            throw new ConfigException("[output] dragon2 = true: the protons are normalised to the local AMS-02 flux "
                    + "at R = " + rSun + " kpc, outside this grid ([grid] r_max_kpc = " + c.grid().rMaxKpc() + ")");
        }
    }

    /** dragon2.fits (the protons for HERMES, docs/hermes.md); its summary entry, or why it was skipped. */
    private static Map<String, Object> dragon2File(RunResult r, Path dir) throws IOException {
        MomentumGrid m = r.problem().momenta();
        byte[] bytes;
        try {
            bytes = Dragon2Protons.fileBytes(r.problem().grid(), m, r.density(), GammaSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            return Map.of("skipped", e.getMessage());
        }
        Files.write(dir.resolve(Dragon2Protons.FILE_NAME), bytes);
        Dragon2Fits.EnergyAxis e = Dragon2Protons.energyAxis(m);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", Dragon2Protons.FILE_NAME);
        s.put("dimE", e.count());
        s.put("Ekmin_GeV", e.ekMinGeV());
        s.put("Ekin_fac", e.ekinFactor());
        return s;
    }

    /** gamma_emissivity.fits, gamma_index.csv (the γ-ray observable the model is compared with) with the default
     * settings; a summary entry either way. */
    private static Map<String, Object> gammaProducts(RunResult r, Path dir) throws IOException {
        try {
            return GammaProducts.writeAll(
                            r.problem().grid(), r.problem().momenta(), r.density(), GammaSettings.DEFAULT, dir)
                    .toJson();
        } catch (IllegalArgumentException e) {
            return Map.of("skipped", e.getMessage());
        }
    }
}
