package org.anisocr.cli;

import org.anisocr.bench.SteadyMethodsBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code anisocr bench methods}: the steady methods × εD on given model files against the direct solve and the dt
 * ladder ({@link SteadyMethodsBench}, bench/STEADY.md). {@code anisocr steady-bench} is its old spelling.
 */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "Benchmark the steady solvers (methods × eps_D) against the direct solve and the dt ladder.")
public class BenchMethodsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", description = "model configs (TOML); eps_D is overridden")
    List<Path> configs;

    @Option(names = "--eps", split = ",", defaultValue = "0.1,0.01,0.001",
            description = "eps_D values (default: ${DEFAULT-VALUE})")
    List<Double> eps;

    @Option(names = "--methods", split = ",", defaultValue = "lu-gmres,adi-gmres,direct,ladder",
            description = "steady methods (auto, lu-gmres, mg-gmres, adi-gmres, direct) and ladder; "
                    + "default: ${DEFAULT-VALUE}")
    List<String> methods;

    @Option(names = "--scheme", defaultValue = "paper", description = "paper | symmetric | symmetric-limited")
    String schemeName;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--tolerance", defaultValue = "1e-10")
    double tolerance;

    @Option(names = "--ladder-max-steps", defaultValue = "2000", description = "cap on the ladder's split steps")
    int ladderMaxSteps;

    @Option(names = "--max-iterations", defaultValue = "1000",
            description = "cap on Krylov iterations per bin (ADI stalls at small eps_D on tilted fields)")
    int maxIterations;

    @Option(names = "--repeats", defaultValue = "3",
            description = "timed repetitions per row; the fastest is kept (shared machines are noisy)")
    int repeats;

    @Option(names = "--out", description = "JSON results file (default: bench/results/steady-cpu-<date>.json)")
    Path out;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Override
    public Integer call() throws Exception {
        SteadyMethodsBench.Options o = options();
        Threads.check(threads);
        BenchCommand.checkResultsFile(out, overwrite);
        SteadyMethodsBench.run(o, BenchCommand.progressLines(spec.commandLine().getOut()));
        return Main.EXIT_OK;
    }

    /** The benchmark these options ask for; an unknown method or scheme is a ConfigException listing the known ones. */
    SteadyMethodsBench.Options options() {
        List<SteadyMethodsBench.MethodUnderTest> chosen = new ArrayList<>();
        for (String m : methods) {
            chosen.add(SteadyMethodsBench.MethodUnderTest.parse("--methods", m));
        }
        return new SteadyMethodsBench.Options(configs, eps, chosen, SteadyMethodsBench.scheme("--scheme", schemeName),
                threads, tolerance, ladderMaxSteps, maxIterations, repeats, out);
    }
}
