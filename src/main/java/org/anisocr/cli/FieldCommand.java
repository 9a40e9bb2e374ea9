package org.anisocr.cli;

import org.anisocr.analysis.FieldMaps;
import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.OutputMarker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        mixinStandardHelpOptions = true,
        name = "field",
        description = "Write the model's field b(R,z), |B| and the tensor components D_RR, D_zz, D_Rz "
                + "at a reference momentum as field.fits plus PNG maps (Fig. 3 style). Solves nothing.")
public final class FieldCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "model config (TOML)")
    Path config;

    @Option(names = "--out", description = "output directory (default: out/<model name>-field)")
    Path out;

    @Option(
            names = "--p-ref",
            defaultValue = "10",
            description = "momentum of the tensor maps in GeV (default: ${DEFAULT-VALUE})")
    double pRefGeV;

    @CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Override public Integer call() {
        ModelConfig c = ModelConfig.load(config).require2d("field");
        if (!(pRefGeV > 0) || !Double.isFinite(pRefGeV)) {
            throw ConfigException.outOfRange("--p-ref", pRefGeV, "a momentum > 0 GeV");
        }
        Path dir = out != null ? out : Path.of("out", c.name() + "-field");
        Path written;
        try (AtomicOutputDir target = new AtomicOutputDir(
                dir, overwrite.overwrite(), spec.commandLine().getErr()::println)) {
            written = target.writing(() -> {
                FieldMaps.writeAll(c.grid(), c.field(), c.diffusion(), pRefGeV, target.path(""));
                target.commit(OutputMarker.now("field", c.text()));
                return target.target();
            });
        }
        spec.commandLine().getOut().println(c.name() + ": field maps (" + c.field().name() + ") -> " + written);
        return Main.EXIT_OK;
    }
}
