package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.operator.TransportProblem;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.run.ModelJob;
import org.anisocr.run.RunResult;
import org.anisocr.solver.SplitStepper;
import org.anisocr.solver.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(mixinStandardHelpOptions = true, name = "run", description = "Solve one model from a TOML config and write N.fits, summary.json and CSV slices.")
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "model config (TOML)")
    Path config;

    @Option(names = "--out", description = "output directory (default: out/<model name>)")
    Path out;

    @Option(names = "--backend", defaultValue = "auto", description = "auto | cpu | gpu (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads, 0 = all cores (overrides solver.threads)")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress display")
    boolean quiet;

    @picocli.CommandLine.Mixin OverwriteOption overwrite;

    @Override public Integer call() {
        Threads.check(threads);
        ModelConfig c = ModelConfig.load(config);
        int nThreads = threads > 0 ? threads : c.solver().threads();
        Function<TransportProblem, SplitStepper> open = stepperFactory(backend, nThreads);
        Path dir = out != null ? out : Path.of("out", c.name());
        try (ProgressReporter progress = new ProgressReporter(c.name(), quiet)) {
            ModelJob.Outcome o = ModelJob.solveAndWrite(c, dir, overwrite.overwrite(), open, backend, line -> spec.commandLine().getErr().println(line),
                    nThreads, progress, null);
            progress.close();
            RunResult r = o.run();
            String how = switch (r.mode()) {
                case "ladder" -> String.format(Locale.ROOT, "%d steps in %d dt rungs", r.steps(), r.rungs());
                case "transient" -> String.format(Locale.ROOT, "%d steps", r.steps());
                case "steady" -> r.backend().equals("gpu") ? "banded LU per momentum bin on the GPU"
                        : String.format(Locale.ROOT, "%d sweeps (max per momentum bin)", r.steps());
                default -> r.backend().equals("gpu") ? "banded LU per momentum bin on the GPU" : "banded LU per momentum bin";
            };
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: %s backend, mode %s, %s, residual %.3e, %.2f s -> %s",
                    c.name(), r.backend(), r.mode(), how, r.residual(), r.wallSeconds(), o.directory()));
            if (o.analysis() != null) {
                var a = o.analysis();
                spec.commandLine().getOut().println(String.format(Locale.ROOT,
                        "  alpha(R=%.2f kpc) = %.4f, alpha(R=%.2f kpc) = %.4f, difference %.4f (fit %s-%s GeV)",
                        a.rInnerKpc(), a.alphaInner(), a.rSunKpc(), a.alphaSun(), a.alphaSunMinusInner(),
                        ModelAnalysis.momentumLabel(a.pFitMinGeV()), ModelAnalysis.momentumLabel(a.pFitMaxGeV())));
            }
            if (!r.converged()) {
                spec.commandLine().getErr().println("warning: the dt ladder stopped at max_steps before the change per step fell below the tolerance");
            }
        }
        return Main.EXIT_OK;
    }


    /** Opens the split stepper of the requested backend; auto says in one line when it falls back to the CPU. */
    Function<TransportProblem, SplitStepper> stepperFactory(String name, int nThreads) {
        if (!List.of("auto", "cpu", "gpu").contains(name))
            throw ConfigException.outOfRange("--backend", name, "one of [auto, cpu, gpu]");
        return p -> Backends.open(p, name, nThreads, line -> spec.commandLine().getErr().println(line));
    }
}
