package org.anisocr.cli;

import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.config.ModelConfig;
import org.anisocr.run.MemoryEstimate;
import org.anisocr.run.ModelJob;
import org.anisocr.run.RunOutput;
import org.anisocr.run.RunResult;
import org.anisocr.run.Solution;
import org.anisocr.run.SolverBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        mixinStandardHelpOptions = true,
        name = "run",
        description = "Solve one model from a TOML config and write N.fits, summary.json and CSV slices.")
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "model config (TOML)")
    Path config;

    @Option(names = "--out", description = "output directory (default: out/<model name>)")
    Path out;

    @Mixin BackendOptions compute;

    @Option(names = {"-q", "--quiet"}, description = "no progress display")
    boolean quiet;

    @CommandLine.Mixin OverwriteOption overwrite;

    @Option(
            names = "--check",
            description = "check the config, the output folder and the memory estimate, then exit without solving")
    boolean check;

    @Override public Integer call() {
        Threads.check(compute.threads);
        ModelConfig c = ModelConfig.load(config);
        SolverBackend backend = SolverBackend.resolve(compute.backend, compute.threadsOr(c.solver().threads()),
                line -> spec.commandLine().getErr().println(line)).withTuning(compute.tuning());
        Path dir = out != null ? out : Path.of("out", c.name());
        if (check) {
            MemoryEstimate m = ModelJob.check(c, dir, overwrite.overwrite(), backend);
            spec.commandLine()
                    .getOut()
                    .println(c.name() + ": config and --out are fine; " + m.describe() + "; nothing was run");
            return Main.EXIT_OK;
        }
        ModelJob.Outcome o;
        // the progress bar is closed before the result lines are printed, so they do not interleave with it
        try (ProgressReporter progress = new ProgressReporter(c.name(), quiet)) {
            o = ModelJob.solveAndWrite(c, dir, overwrite.overwrite(), backend,
                    line -> spec.commandLine().getErr().println(line), progress, null);
        }
        RunResult r = o.run();
        boolean gpu = r.solution() instanceof Solution.GpuSteady;
        String how = switch (r.mode()) {
            case LADDER -> String.format(Locale.ROOT, "%d steps in %d dt rungs", r.steps(), r.rungs());
            case TRANSIENT -> String.format(Locale.ROOT, "%d steps", r.steps());
            case STEADY -> gpu ? "banded LU per momentum bin on the GPU"
                    : String.format(Locale.ROOT, "%d sweeps (max per momentum bin)", r.steps());
            case DIRECT -> gpu ? "banded LU per momentum bin on the GPU" : "banded LU per momentum bin";
        };
        spec.commandLine()
                .getOut()
                .println(String.format(
                        Locale.ROOT,
                        "%s: %s backend, mode %s, %s, residual %.3e, %.2f s -> %s",
                        c.name(),
                        r.backend(),
                        r.mode().key(),
                        how,
                        r.residual(),
                        r.wallSeconds(),
                        o.directory()));
        if (o.analysis() != null) {
            var a = o.analysis();
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "  alpha(R=%.2f kpc) = %.4f, alpha(R=%.2f kpc) = %.4f, difference %.4f (fit %s–%s GeV)",
                    a.rInnerKpc(), a.alphaInner(), a.rSunKpc(), a.alphaSun(), a.alphaSunMinusInner(),
                    ModelAnalysis.momentumLabel(a.pFitMinGeV()), ModelAnalysis.momentumLabel(a.pFitMaxGeV())));
        }
        if (!r.converged()) {
            spec.commandLine().getErr().println("warning: " + RunOutput.convergence(r));
        }
        return Main.EXIT_OK;
    }
}
