package org.anisocr.cli;

import org.anisocr.bench.MultigridSteadyBench;
import org.anisocr.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code anisocr bench steady}: the steady state by batched mg-gmres on the GPU against the CPU solver on the same
 * runs (one model, a 64-model family, high-resolution grids) in one call; writes
 * bench/results/&lt;device&gt;-steady-&lt;date&gt;.json (see {@link MultigridSteadyBench}, bench/README.md).
 */
@Command(
        name = "steady",
        mixinStandardHelpOptions = true,
        description =
                "Benchmark the steady solve: batched multigrid on the GPU vs the CPU's mg-gmres (model, family, high"
                        + " resolution).")
public final class BenchSteadyCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "configs/realistic-eps0.01-dperp0.7.toml",
            description = "the model (its grid is the one-model grid; default ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--momenta", defaultValue = "33", description = "momentum bins (default ${DEFAULT-VALUE})")
    int momenta;

    @Option(
            names = "--family",
            defaultValue = "64",
            description = "models of the eps_D x delta_perp x delta_par family, 1..64 (default ${DEFAULT-VALUE})")
    int family;

    @Option(
            names = "--highres",
            split = ",",
            defaultValue = "801x321",
            description =
                    "high-resolution grids NRxNz on the model's domain, comma-separated (default ${DEFAULT-VALUE};"
                            + " 'none' for none)")
    List<String> highres;

    @Option(
            names = "--reps",
            defaultValue = "3",
            description = "timed repetitions of the one-model runs after a warm-up (default ${DEFAULT-VALUE})")
    int reps;

    @Option(
            names = "--cpu-family-sample",
            defaultValue = "8",
            description =
                    "family models the CPU solves (its family time is scaled from them; default ${DEFAULT-VALUE})")
    int cpuFamilySample;

    @Option(
            names = "--tolerance",
            defaultValue = "1e-10",
            description = "relative residual of every solve (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(
            names = "--rehearse",
            description =
                    "without a GPU, run the GPU part on the Java reference of the batched solver (checks the bench)")
    boolean rehearse;

    @Mixin BackendOptions compute;

    @Option(names = "--out", description = "JSON file (default bench/results/<device>-steady-<date>.json)")
    Path out;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MultigridSteadyBench.Options o = options();
        Threads.check(compute.threads);
        BenchCommand.checkResultsFile(out, overwrite);
        MultigridSteadyBench.run(o, BenchCommand.progressLines(spec.commandLine().getOut()));
        return Main.EXIT_OK;
    }

    /** The benchmark these options ask for; a bad value is a ConfigException naming the option and its range. */
    MultigridSteadyBench.Options options() {
        BenchCommand.refuseTuning(compute, "bench steady");
        if (!Files.isRegularFile(config)) {
            throw ConfigException.outOfRange("--config", config.toString(), "an existing model file");
        }
        if (momenta < 1 || momenta > 1000) {
            throw ConfigException.outOfRange("--momenta", Integer.toString(momenta), "[1, 1000]");
        }
        if (family < 1 || family > 64) {
            throw ConfigException.outOfRange("--family", Integer.toString(family), "[1, 64]");
        }
        if (reps < 1 || reps > 100) {
            throw ConfigException.outOfRange("--reps", Integer.toString(reps), "[1, 100]");
        }
        if (cpuFamilySample < 1) {
            throw ConfigException.outOfRange("--cpu-family-sample", Integer.toString(cpuFamilySample), "at least 1");
        }
        if (!(tolerance >= 1e-14 && tolerance <= 1e-4)) {
            throw ConfigException.outOfRange("--tolerance", Double.toString(tolerance), "[1e-14, 1e-4]");
        }
        List<MultigridSteadyBench.GridSize> grids = new ArrayList<>();
        for (String h : highres) {
            if (!h.equalsIgnoreCase("none")) {
                grids.add(highresGrid(h));
            }
        }
        return new MultigridSteadyBench.Options(config, momenta, family, grids, compute.backend, compute.threads, reps,
                cpuFamilySample, tolerance, rehearse, out);
    }

    private static MultigridSteadyBench.GridSize highresGrid(String h) {
        String[] nm = h.toLowerCase(Locale.ROOT).split("x");
        try {
            int nR = Integer.parseInt(nm[0].trim());
            int nZ = Integer.parseInt(nm[1].trim());
            if (nR >= 9 && nZ >= 9 && nR <= 20001 && nZ <= 20001) {
                return new MultigridSteadyBench.GridSize(nR, nZ);
            }
        } catch (RuntimeException e) {
            // not NRxNz: the same message as a grid out of range
        }
        throw ConfigException.outOfRange("--highres", h, "NRxNz with 9 <= NR, Nz <= 20001, e.g. 801x321");
    }
}
