package org.anisocr.cli;

import org.anisocr.analysis.gamma.Dragon2Protons;
import org.anisocr.analysis.gamma.GammaSettings;
import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.FitsCubeReader;
import org.anisocr.io.OutputLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code anisocr export --format dragon2 RUN_DIR}: a finished run's protons in another code's format, from its N.fits
 * alone (nothing is solved again); the same file {@code [output] dragon2 = true} writes during the run.
 */
@Command(mixinStandardHelpOptions = true, name = "export", description = {
        "Write a finished run's protons in another code's format (solves nothing).",
        "dragon2: DRAGON2's 2D FITS layout, c/(4 pi) dN/dE_k in GeV-1 m-2 s-1 sr-1 normalised to the local AMS-02 "
                + "flux, as HERMES's Dragon2D reads it (docs/hermes.md)."})
public final class ExportCommand implements Callable<Integer> {
    /** The formats {@code --format} names. */
    enum Format { DRAGON2 }

    @Spec CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "dragon2", converter = FormatConverter.class,
            description = "output format: dragon2")
    Format format;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a folder 'anisocr run' (or a sweep) wrote")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: RUN_DIR/dragon2.fits)")
    Path out;

    @CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Override public Integer call() throws IOException {
        Path cubeFile = runDir.resolve("N.fits");
        if (!Files.isRegularFile(cubeFile)) {
            throw new ConfigException("RUN_DIR " + runDir + " holds no N.fits: give a folder that 'anisocr run' or a "
                    + "sweep wrote");
        }
        Path target = OutputLocation.checkFile(out != null ? out : runDir.resolve(Dragon2Protons.FILE_NAME),
                overwrite.overwrite(), "--out", AtomicFile::isAnisocrFits);
        FitsCubeReader.Cube cube;
        try {
            cube = FitsCubeReader.read(cubeFile);
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = Dragon2Protons.fileBytes(cube.grid(), cube.momenta(), cube.density(), GammaSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(runDir + " cannot be exported to DRAGON2's format: " + e.getMessage());
        }
        AtomicFile.write(target, overwrite.overwrite(), "--out", AtomicFile::isAnisocrFits, bytes);
        spec.commandLine().getOut().println(runDir + ": protons in DRAGON2's 2D format (Z = 1, A = 1, "
                + Dragon2Protons.energyAxis(cube.momenta()).count() + " kinetic energies) -> " + target);
        return Main.EXIT_OK;
    }

    /** dragon2, any case; anything else is a parameter error listing the formats. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override public Format convert(String value) {
            return BackendOptions.parse(value, Format.values());
        }
    }
}
