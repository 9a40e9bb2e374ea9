package org.anisocr.cli;

import org.anisocr.analysis.sky.SkyMaps;
import org.anisocr.analysis.sky.SkyProducts;
import org.anisocr.config.ConfigException;
import org.anisocr.config.Model3D;
import org.anisocr.config.ModelConfig;
import org.anisocr.config.SkySettings;
import org.anisocr.gas.GasModel;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.ConfigHistory;
import org.anisocr.io.FitsCubeReader;
import org.anisocr.io.GasModels;
import org.anisocr.io.JsonFiles;
import org.anisocr.io.OutputLocation;
import org.anisocr.io.OutputMarker;
import org.anisocr.io.Version;
import org.anisocr.run.Model3DParts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

@Command(
        mixinStandardHelpOptions = true,
        name = "sky",
        description = "γ-ray sky maps of a finished run: the line-of-sight integral of the π⁰-decay emissivity times "
                + "the model's gas from the observer at (R☉, 0, z☉) to the model's boundary. Writes HEALPix FITS "
                + "(RING, Galactic; cm-2 s-1 sr-1 MeV-1), the spectral-index map, optional CAR FITS, Mollweide PNGs "
                + "and the |b| < 5° longitude profile. Options override the run's [sky] table.")
public final class SkyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "a finished run's folder (holds N.fits; a 3D run's is written by run "
            + "--full-cube)")
    Path runDir;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--nside", description = "HEALPix nside, a power of two (default: [sky] nside, else 128)")
    Integer nside;

    @Option(names = "--car", description = "also write plate carrée (CAR) maps (default: [sky] car, else off)")
    Boolean car;

    @Option(names = "--fit-min-GeV", description = "index fit window, lower end (default: [sky], else 10)")
    Double fitMinGeV;

    @Option(names = "--fit-max-GeV", description = "index fit window, upper end (default: [sky], else 100)")
    Double fitMaxGeV;

    @Option(names = "--energies", split = ",", description = "photon energies in GeV, comma-separated, increasing "
            + "(default: [sky] energies_GeV, else the emissivity's 19 from 1 GeV to 1 TeV)")
    double[] energies;

    @Option(names = "--z-sun-kpc", description = "the observer's height above the plane (default: [sky], else 0)")
    Double zSunKpc;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads; 0 = all cores (default)")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines")
    boolean quiet;

    @CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Override public Integer call() throws IOException {
        Threads.check(threads);
        if (nside != null && (nside < 1 || nside > SkySettings.MAX_NSIDE || Integer.bitCount(nside) != 1)) {
            throw ConfigException.outOfRange("--nside", nside, "a power of two from 1 to " + SkySettings.MAX_NSIDE);
        }
        Path source = runDir.toAbsolutePath().normalize();
        if (source.startsWith(out.toAbsolutePath().normalize())) {
            throw new ConfigException("--out " + out + " holds the run the maps are made from (" + runDir
                    + "); replacing it would delete that run. Give a new folder, e.g. --out " + runDir + "-sky");
        }
        String configText = readConfigText();
        ModelConfig c = ModelConfig.parse(source.getFileName().toString(), configText);
        SkySettings s = c.sky().with(nside, car, fitMinGeV, fitMaxGeV, energies, zSunKpc);
        double rSun = c.analysis().rSunKpc();
        Path file = runDir.resolve("N.fits");
        // the grid is the file's (a grid study writes refined grids under an unchanged model file)
        FitsCubeReader.Cube cube = c.is3d() ? null : read(() -> FitsCubeReader.read(file));
        FitsCubeReader.Cube3D cube3d = c.is3d()
                ? read(() -> FitsCubeReader.read3D(file, c.model3d().grid().cylindricalBoundary())) : null;
        if (cube3d != null) {
            SkyMaps.check(s, cube3d.grid(), rSun);
        } else {
            SkyMaps.check(s, cube.grid(), rSun);
        }
        GasModel gas = GasModels.resolve(c.gas(), null);
        OutputLocation.checkFolder(out, overwrite.overwrite(), "--out");
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        var err = spec.commandLine().getErr();
        Consumer<String> progress = quiet ? null : line -> { err.println(line); err.flush(); };
        Path written;
        SkyMaps.Result[] result = new SkyMaps.Result[1];
        AtomicReference<Map<String, Object>> block = new AtomicReference<>();
        try (AtomicOutputDir target = new AtomicOutputDir(out, overwrite.overwrite(), err::println)) {
            written = target.writing(() -> {
                result[0] = cube3d != null
                        ? SkyMaps.compute(cube3d.grid(), cube3d.momenta(), cube3d.density(), gas, s, rSun, workers,
                                progress)
                        : SkyMaps.compute(cube.grid(), cube.momenta(), cube.density(), gas, s, rSun, workers,
                                progress);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("model", c.name());
                summary.put("run_dir", runDir.toAbsolutePath().normalize().toString());
                summary.put("code_version", Version.get());
                summary.put("threads", workers);
                block.set(SkyProducts.writeAll(result[0], c.name(), target.path("")));
                summary.put("sky", block.get());
                JsonFiles.write(target.path("summary.json"), summary);
                target.commit(OutputMarker.now("sky", c.text()));
                return target.target();
            });
        }
        printResult(c.name(), result[0], block.get(), written, workers);
        return Main.EXIT_OK;
    }

    /** A reader of N.fits. */
    @FunctionalInterface
    private interface CubeRead<T> {
        T read() throws IOException;
    }

    private static <T> T read(CubeRead<T> reader) {
        try {
            return reader.read();
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The run's model file, from N.fits's HISTORY cards. A 3D run without N.fits (written without --full-cube) is
     * told how to get its sky: the maps need the whole density, which only N.fits keeps.
     */
    private String readConfigText() {
        Path file = runDir.resolve("N.fits");
        if (!Files.isRegularFile(file)) {
            if (Model3DParts.isPart(runDir)) {
                throw new ConfigException(runDir + " is one part of a 3D run (run --bins): the sky maps need every"
                        + " bin. Merge the parts with merge --full-cube and make the maps of the merged folder, or"
                        + " put a [sky] table in the model file so that merge makes them");
            }
            if (is3dRun()) {
                throw new ConfigException(runDir + " is a 3D run written without its full density (no N.fits): the"
                        + " sky maps need N(x, y, z, p) everywhere. Rerun the model with run --full-cube (or merge"
                        + " its parts with --full-cube), or put a [sky] table in the model file so that run makes"
                        + " the maps itself");
            }
            throw new ConfigException(runDir + " holds no N.fits: not a finished anisocr run folder");
        }
        try {
            return ConfigHistory.read(file).orElseThrow(() -> new ConfigException(file
                    + " carries no model file in its HISTORY cards: it was not written by anisocr"));
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Whether the folder's summary.json describes a 3D run (its grid's geometry is cartesian3d). */
    private boolean is3dRun() {
        Path summary = runDir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try {
            JsonNode geometry = new ObjectMapper().readTree(summary.toFile()).path("grid").path("geometry");
            return Model3D.GEOMETRY.equals(geometry.asText());
        } catch (IOException e) {
            return false; // not a readable summary: the plain "no N.fits" message
        }
    }

    private void printResult(String name, SkyMaps.Result r, Map<String, Object> block, Path written, int workers) {
        var o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "%s: sky maps, nside %d, %d energies%s, %.2f s on %d threads -> %s",
                name, r.ring().nside(), r.energiesGeV().length, r.car() != null ? " (+ CAR)" : "", r.seconds(),
                workers, written));
        StringBuilder b = new StringBuilder("  γ-ray index (fit " + r.settings().fitMinGeV() + "–"
                + r.settings().fitMaxGeV() + " GeV):");
        Map<?, ?> regions = (Map<?, ?>) block.get("regions");
        for (var e : regions.entrySet()) {
            Object g = ((Map<?, ?>) e.getValue()).get("gamma_index");
            b.append(" ").append(e.getKey()).append(" ")
                    .append(g instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : "nan");
        }
        o.println(b);
    }
}
