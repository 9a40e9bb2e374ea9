package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.OutputLocation;
import org.anisocr.run.TuningOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code anisocr bench}: the benchmarks, one subcommand each ({@code split}, {@code steady}, {@code methods}).
 * Without a subcommand it runs {@code bench split}, the spelling of earlier releases, and says so on stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchSplitCommand.class, BenchSteadyCommand.class, BenchMethodsCommand.class},
        description = {"Benchmarks: split (the split step: GPU per kernel and whole step, CPU, copy bandwidth, "
                + "cuSPARSE), steady (batched multigrid on the GPU vs the CPU's mg-gmres), methods (the steady methods "
                + "x eps_D).",
                "Without a subcommand: bench split (deprecated spelling; its options are listed below)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BenchSplitOptions split;

    /**
     * Standalone entry point (java -cp anisocr.jar org.anisocr.cli.BenchCommand ...), the same as {@code anisocr
     * bench}.
     */
    public static void main(String[] args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "bench";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        System.exit(Main.commandLine().execute(withCommand));
    }

    @Override
    public Integer call() throws Exception {
        Deprecation.say(spec, "anisocr bench", "anisocr bench split");
        return split.run(spec.commandLine().getOut());
    }

    /**
     * Refuses the solver tuning options ({@code --mg-setup}, {@code --line-relaxation}, {@code --steady-kernel},
     * {@code --mg-sweeps}) that the shared mixin offers but the benchmarks do not take: they time the default tuning
     * (bench steady compares the setup places and relaxation kernels itself), and an option must not be ignored.
     */
    static void refuseTuning(BackendOptions compute, String command) {
        if (!compute.tuning().equals(TuningOptions.none())) {
            throw new ConfigException(command + " times the default solver tuning: it takes no --mg-setup, "
                    + "--line-relaxation, --steady-kernel or --mg-sweeps");
        }
    }

    /**
     * Checks a results file named by {@code --out} before any work (null: the bench picks its default name): only an
     * anisocr JSON or CSV file may be replaced, and only with --overwrite.
     */
    static void checkResultsFile(Path out, OverwriteOption overwrite) {
        if (out != null) {
            OutputLocation.checkFile(out, overwrite.overwrite(), "--out", AtomicFile::isAnisocrJsonOrCsv);
        }
    }

    /** The bench's progress lines on standard output, each flushed at once (a run can take minutes). */
    static Consumer<String> progressLines(PrintWriter stdout) {
        return line -> {
            stdout.println(line);
            stdout.flush();
        };
    }

    /** The one line an old spelling prints on stderr, naming the new one (the old ones go in a later release). */
    static final class Deprecation {
        private Deprecation() {}

        static void say(CommandSpec spec, String old, String now) {
            CommandLine cl = spec.commandLine();
            cl.getErr().println("note: '" + old + "' is deprecated and will be removed; use '" + now + "'");
            cl.getErr().flush();
        }
    }
}
