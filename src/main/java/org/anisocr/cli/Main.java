package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.io.NoSpaceLeftException;
import org.anisocr.io.Version;
import org.anisocr.solver.GpuFailure;
import org.anisocr.solver.UnstableTimeStepException;
import org.anisocr.run.SolverBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Locale;

/** Entry point. Exit codes: 0 success, 2 bad input (config, arguments, unstable dt), 1 failure. */
@Command(
        name = "anisocr",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Anisotropic cosmic-ray diffusion in the Galaxy (Cerri et al. 2017 scheme) on CPU and GPU.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            FieldCommand.class,
            ExportCommand.class,
            SweepCommand.class,
            MergeCommand.class,
            FiguresCommand.class,
            InfoCommand.class,
            BenchCommand.class,
            SteadyBenchCommand.class,
            GridStudyCommand.class,
            SkyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SolverBackend.applyGpuEnvironment(System.getenv("ANISOCR_GPU"));
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) { // thrown past picocli's handlers: Errors are not Exceptions
            System.err.println(outOfMemoryMessage());
            code = EXIT_FAILURE;
        } catch (Error e) { // e.g. a jar replaced while running: one line, the trace only with ANISOCR_DEBUG
            System.err.println("failed: internal error: " + e + (e.getCause() != null ? " (" + e.getCause() + ")" : "")
                    + "; set ANISOCR_DEBUG=1 for the stack trace");
            if (System.getenv("ANISOCR_DEBUG") != null) {
                e.printStackTrace();
            }
            code = EXIT_FAILURE;
        }
        System.exit(code);
    }

    /** A model file or option the user must change: exit 2 with the message alone. */
    private static boolean isBadInput(Throwable e) {
        return e instanceof ConfigException || e instanceof UnstableTimeStepException;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> isBadInput(e) ? EXIT_BAD_INPUT : EXIT_FAILURE);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (isBadInput(e)) {
                cmd.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof GpuFailure f && f.noDevice()) { // --backend gpu where none is usable: an argument error
                cmd.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OutOfMemoryError) {
                    cmd.getErr().println(outOfMemoryMessage());
                    return EXIT_FAILURE;
                }
            }
            // a full disk: the message says which file and that nothing was written; the class name adds nothing
            cmd.getErr().println("failed: " + (e instanceof NoSpaceLeftException ? e.getMessage() : e));
            if (System.getenv("ANISOCR_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** A late out-of-memory (the up-front estimate was too low): one line with the ways out, no stack trace. */
    static String outOfMemoryMessage() {
        return String.format(
                Locale.ROOT,
                "failed: ran out of memory (Java heap %.1f GB); nothing was written. Ways out: "
                        + "a coarser grid, --threads 1, solver.steady.method = \"adi-gmres\", or a larger heap "
                        + "(ANISOCR_JAVA_OPTS=-Xmx<size>g)",
                Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{Version.get()}; }
    }
}
