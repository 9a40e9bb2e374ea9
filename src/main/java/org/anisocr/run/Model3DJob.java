package org.anisocr.run;

import org.anisocr.analysis.sky.SkyMaps;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.FitsCubeWriter;
import org.anisocr.io.GasModels;
import org.anisocr.io.OutputLocation;
import org.anisocr.io.OutputMarker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One 3D model from config to an output directory, as {@link ModelJob} is for 2D: the folder and the memory checked
 * before any work, the bins solved ({@link Steady3DRunner}), then either the whole run's files ({@link Run3DOutput})
 * or, for {@code --bins i/n}, a partial result ({@link Model3DParts}); both written atomically. And {@link #merge}:
 * parts joined into the files of the whole run. The [sky] maps need every bin, so a part has none and its merge
 * makes them.
 */
public final class Model3DJob {
    private Model3DJob() {}

    /**
     * The folder and the memory estimate against the heap, refused (exit 2) before any work; {@code run --check}
     * does this alone. A part does not write the full cube (its merge does).
     */
    public static MemoryEstimate check(ModelConfig c, Path dir, boolean overwrite, int threads, BinSelection bins,
                                       boolean fullCube) {
        if (fullCube && !bins.isWhole()) {
            throw new ConfigException("--full-cube with --bins " + bins.label() + ": a part holds only its bins;"
                    + " give --full-cube to merge instead");
        }
        OutputLocation.checkFolder(dir, overwrite, "--out");
        int held = bins.bins(c.momenta().count()).length;
        MemoryEstimate memory = MemoryEstimate.of3d(c, threads, held, bins.blocks(c.momenta().count()).size(),
                fullCube);
        memory.requireFitsHeap3d();
        checkSky(c);
        return memory;
    }

    /** The line printed before any work when the full cube is asked for: its size. */
    public static String fullCubeLine(ModelConfig c) {
        long bytes = FitsCubeWriter.cube3DBytes(c.model3d().grid(), c.momenta());
        return String.format(Locale.ROOT, "%s: --full-cube: N.fits will hold %d bytes (%.2f GB) of float32 data",
                c.name(), bytes, bytes / (double) (1L << 30));
    }

    /**
     * Solves the selected bins and writes the output folder.
     *
     * @param notes    the output folder's notes (e.g. a stale staging folder removed)
     * @param progress one line per solved bin
     */
    public static Run3DResult solveAndWrite(ModelConfig c, Path dir, boolean overwrite, int threads,
                                            BinSelection bins, boolean fullCube, Consumer<String> notes,
                                            Consumer<String> progress) {
        MemoryEstimate memory = check(c, dir, overwrite, threads, bins, fullCube);
        try (AtomicOutputDir target = new AtomicOutputDir(dir, overwrite, notes)) {
            Run3DResult r = Steady3DRunner.solve(c, bins, threads, progress);
            return target.writing(() -> {
                if (bins.isWhole()) {
                    Run3DOutput.write(r, target, memory, fullCube, null);
                    target.commit(OutputMarker.now("run", c.text()));
                } else {
                    Model3DParts.write(r, target);
                }
                return r;
            });
        }
    }

    /** [sky]: the observer, the fit window and the gas, refused (exit 2) before any work. */
    private static void checkSky(ModelConfig c) {
        if (c.sky().enabled()) {
            SkyMaps.check(c.sky(), c.model3d().grid(), c.analysis().rSunKpc());
            GasModels.resolve(c.gas(), null);
        }
    }

    /** Joins the parts in {@code partDirs} into {@code dir}: the files a single run of the model writes. */
    public static Run3DResult merge(List<Path> partDirs, Path dir, boolean overwrite, boolean fullCube,
                                    Consumer<String> notes) {
        ModelConfig c = Model3DParts.model(partDirs.get(0));
        OutputLocation.checkFolder(dir, overwrite, "--out");
        MemoryEstimate memory = MemoryEstimate.of3d(c, 1, c.momenta().count(), 0, fullCube);
        memory.requireFitsHeap3d();
        checkSky(c);
        Run3DResult r = Model3DParts.join(partDirs);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("merged_from", Model3DParts.describe(partDirs));
        try (AtomicOutputDir target = new AtomicOutputDir(dir, overwrite, notes)) {
            return target.writing(() -> {
                Run3DOutput.write(r, target, memory, fullCube, extra);
                target.commit(OutputMarker.now("run", c.text()));
                return r;
            });
        }
    }
}
