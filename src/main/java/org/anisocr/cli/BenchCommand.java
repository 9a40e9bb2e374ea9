package org.anisocr.cli;

import org.anisocr.bench.Benchmark;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.gpu.GpuUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code anisocr bench}: times one split step on the GPU and the CPU on the same problem and writes
 * bench/results/&lt;device&gt;-&lt;date&gt;.json (see bench/README.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchSteadyCommand.class,
        description = "Benchmark the split step: GPU (per kernel, whole step), CPU reference, copy bandwidth, cuSPARSE (merged).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--grid", defaultValue = "201x81", description = "NRxNz on Rmax=20 kpc, H=4 kpc (default ${DEFAULT-VALUE})")
    String grid;

    @Option(names = "--momenta", defaultValue = "33", description = "momentum bins (default ${DEFAULT-VALUE})")
    int momenta;

    @Option(names = "--models", defaultValue = "1", description = "models batched in one GPU run (default ${DEFAULT-VALUE})")
    int models;

    @Mixin BackendOptions compute;

    @Option(names = "--cpu-reps", defaultValue = "9", description = "timed CPU repetitions (median taken; default ${DEFAULT-VALUE})")
    int cpuReps;

    @Option(names = "--cpu-steps", defaultValue = "3", description = "CPU steps per timed repetition (default ${DEFAULT-VALUE})")
    int cpuSteps;

    @Option(names = "--gpu-reps", defaultValue = "200", description = "GPU steps averaged per timing (default ${DEFAULT-VALUE})")
    int gpuReps;

    @Option(names = "--out", description = "JSON file (default bench/results/<device>-<date>.json)")
    Path out;

    @picocli.CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(names = "--cusparse-json", description = "timings from bench/cusparse/gtsv_bench to merge")
    Path cusparseJson;

    @Option(names = "--export-systems", description = "only write model 0's tridiagonal systems for gtsv_bench to this file, then exit")
    Path exportSystems;

    @Option(names = "--merge-into", description = "with --cusparse-json: only merge those timings into this existing bench JSON, then exit")
    Path mergeInto;

    /** Standalone entry point (java -cp anisocr.jar org.anisocr.cli.BenchCommand ...), the same as {@code anisocr bench}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchCommand()).execute(args));
    }

    @Override public Integer call() throws Exception {
        if (mergeInto != null) {
            if (cusparseJson == null) {
                System.err.println("--merge-into needs --cusparse-json FILE (the timings to merge)");
                return 2;
            }
            if (!java.nio.file.Files.isRegularFile(mergeInto)) {
                System.err.println("--merge-into " + mergeInto + ": no such file (the bench JSON to add the cuSPARSE timings to)");
                return 2;
            }
            org.anisocr.io.OutputLocation.checkFile(mergeInto, true, "--merge-into", org.anisocr.io.AtomicFile::isAnisocrJsonOrCsv);
            Benchmark.mergeCusparseInto(mergeInto, cusparseJson);
            System.out.println("merged " + cusparseJson + " into " + mergeInto);
            return 0;
        }
        String[] nm = grid.toLowerCase().split("x");
        int nR, nZ;
        try {
            nR = Integer.parseInt(nm[0].trim());
            nZ = Integer.parseInt(nm[1].trim());
        } catch (RuntimeException e) {
            System.err.println("--grid must look like 201x81, got '" + grid + "'");
            return 2;
        }
        if (nR < 3 || nZ < 3 || momenta < 1 || models < 1 || cpuReps < 1 || cpuSteps < 1 || gpuReps < 1) {
            System.err.println("--grid needs at least 3x3; --momenta, --models, --cpu-reps, --cpu-steps, --gpu-reps at least 1");
            return 2;
        }
        Threads.check(compute.threads);
        if (out != null) org.anisocr.io.OutputLocation.checkFile(out, overwrite.overwrite(), "--out",
                org.anisocr.io.AtomicFile::isAnisocrJsonOrCsv);
        if (exportSystems != null) {
            long bytes = Benchmark.exportBytes(nR, nZ, momenta);
            if (bytes > Benchmark.MAX_SYSTEMS_BYTES) {
                System.err.printf(java.util.Locale.ROOT, "--export-systems: --grid %s with --momenta %d would write %.1f GB; "
                        + "at most %.1f GB (use fewer momenta or a smaller grid)%n", grid, momenta, bytes / 1e9, Benchmark.MAX_SYSTEMS_BYTES / 1e9);
                return 2;
            }
            org.anisocr.io.OutputLocation.checkFile(exportSystems, overwrite.overwrite(), "--export-systems", f -> true);
            TransportProblem p = Benchmark.family(nR, nZ, momenta, 1).get(0);
            Benchmark.exportSystems(p, Benchmark.benchDtMyr(p), exportSystems);
            System.out.println("wrote " + exportSystems);
            return 0;
        }
        try {
            Benchmark.run(new Benchmark.Options(nR, nZ, momenta, models, compute.backend, compute.threads, 10, cpuReps, cpuSteps, gpuReps,
                    out, cusparseJson, System.out::println));
            return 0;
        } catch (GpuUnavailableException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
