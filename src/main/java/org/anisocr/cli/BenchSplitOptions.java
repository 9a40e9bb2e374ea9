package org.anisocr.cli;

import org.anisocr.bench.Benchmark;
import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.OutputLocation;
import org.anisocr.operator.TransportProblem;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options of {@code bench split} (also taken by plain {@code bench}, its old spelling): grid, batch, repetitions,
 * and the two side jobs of the device script (export model 0's systems, merge cuSPARSE timings into a result).
 */
final class BenchSplitOptions {

    @Option(names = "--grid", defaultValue = "201x81",
            description = "NRxNz on Rmax=20 kpc, H=4 kpc (default ${DEFAULT-VALUE})")
    String grid;

    @Option(names = "--momenta", defaultValue = "33", description = "momentum bins (default ${DEFAULT-VALUE})")
    int momenta;

    @Option(names = "--models", defaultValue = "1",
            description = "models batched in one GPU run (default ${DEFAULT-VALUE})")
    int models;

    @Mixin BackendOptions compute;

    @Option(names = "--cpu-reps", defaultValue = "9",
            description = "timed CPU repetitions (median taken; default ${DEFAULT-VALUE})")
    int cpuReps;

    @Option(names = "--cpu-steps", defaultValue = "3",
            description = "CPU steps per timed repetition (default ${DEFAULT-VALUE})")
    int cpuSteps;

    @Option(names = "--gpu-reps", defaultValue = "200",
            description = "GPU steps averaged per timing (default ${DEFAULT-VALUE})")
    int gpuReps;

    @Option(names = "--out", description = "JSON file (default bench/results/<device>-<date>.json)")
    Path out;

    @Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--cusparse-json", description = "timings from bench/cusparse/gtsv_bench to merge")
    Path cusparseJson;

    @Option(names = "--export-systems",
            description = "only write model 0's tridiagonal systems for gtsv_bench to this file, then exit")
    Path exportSystems;

    @Option(names = "--merge-into",
            description = "with --cusparse-json: only merge those timings into this existing bench JSON, then exit")
    Path mergeInto;

    /** CPU warm-up steps after the comparison steps, before the timed repetitions. */
    private static final int CPU_WARMUP_STEPS = 10;

    /** The benchmark these options ask for; a bad value is a ConfigException naming the option. */
    Benchmark.Options options() {
        BenchCommand.refuseTuning(compute, "bench split");
        String[] nm = grid.toLowerCase(Locale.ROOT).split("x");
        int nR;
        int nZ;
        try {
            nR = Integer.parseInt(nm[0].trim());
            nZ = Integer.parseInt(nm[1].trim());
        } catch (RuntimeException e) {
            throw ConfigException.outOfRange("--grid", "'" + grid + "'", "NRxNz, e.g. 201x81");
        }
        if (nR < 3 || nZ < 3 || momenta < 1 || models < 1 || cpuReps < 1 || cpuSteps < 1 || gpuReps < 1) {
            throw new ConfigException("--grid needs at least 3x3; --momenta, --models, --cpu-reps, --cpu-steps, "
                    + "--gpu-reps at least 1");
        }
        return new Benchmark.Options(nR, nZ, momenta, models, compute.backend, compute.threads, CPU_WARMUP_STEPS,
                cpuReps, cpuSteps, gpuReps, out, cusparseJson);
    }

    /** Runs what the options ask for: a merge, an export, or the benchmark. */
    int run(PrintWriter stdout) throws IOException {
        if (mergeInto != null) {
            return merge(stdout);
        }
        Benchmark.Options o = options();
        Threads.check(compute.threads);
        BenchCommand.checkResultsFile(out, overwrite);
        if (exportSystems != null) {
            return export(o, stdout);
        }
        Benchmark.run(o, BenchCommand.progressLines(stdout));
        return Main.EXIT_OK;
    }

    private int merge(PrintWriter stdout) throws IOException {
        if (cusparseJson == null) {
            throw new ConfigException("--merge-into needs --cusparse-json FILE (the timings to merge)");
        }
        if (!Files.isRegularFile(mergeInto)) {
            throw new ConfigException("--merge-into " + mergeInto
                    + ": no such file (the bench JSON to add the cuSPARSE timings to)");
        }
        OutputLocation.checkFile(mergeInto, true, "--merge-into", AtomicFile::isAnisocrJsonOrCsv);
        Benchmark.mergeCusparseInto(mergeInto, cusparseJson);
        stdout.println("merged " + cusparseJson + " into " + mergeInto);
        return Main.EXIT_OK;
    }

    private int export(Benchmark.Options o, PrintWriter stdout) throws IOException {
        long bytes = Benchmark.exportBytes(o.nR(), o.nZ(), o.momenta());
        if (bytes > Benchmark.MAX_SYSTEMS_BYTES) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "--export-systems: --grid %s with --momenta %d would write %.1f GB; at most"
                    + " %.1f GB (use fewer momenta or a smaller grid)", grid, momenta, bytes / 1e9,
                    Benchmark.MAX_SYSTEMS_BYTES / 1e9));
        }
        OutputLocation.checkFile(exportSystems, overwrite.overwrite(), "--export-systems", f -> true);
        TransportProblem p = Benchmark.family(o.nR(), o.nZ(), o.momenta(), 1).get(0);
        Benchmark.exportSystems(p, Benchmark.benchDtMyr(p), exportSystems);
        stdout.println("wrote " + exportSystems);
        return Main.EXIT_OK;
    }
}
