package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.run.SolverBackend;
import org.anisocr.sweep.FamilyManifest;
import org.anisocr.sweep.ModelFamily;
import org.anisocr.sweep.ParameterAxis;
import org.anisocr.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "sweep", description = {
        "Run a family of models: the cartesian product of --vary axes applied to a base config.",
        "Writes one folder per model (as `run` would) and index.csv of parameters and headline results.",
        "Re-running skips complete models; --shard i/n runs only every n-th model starting at i (1-based)."})
public final class SweepCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "base model config (TOML)")
    Path config;

    @Option(
            names = "--vary",
            required = true,
            description = "KEY=v1,v2,… or KEY=start:stop:count (inclusive), e.g. eps_D=0.1,0.03,0.01 or"
                    + " delta_perp=0.5:0.7:5; repeatable")
    List<String> vary = new ArrayList<>();

    @Option(names = "--out", description = "family directory (default: out/<base name>-sweep)")
    Path out;

    @Option(
            names = "--shard",
            defaultValue = "1/1",
            description = "i/n: run only the models with index mod n = i−1 (default: ${DEFAULT-VALUE})")
    String shard;

    @Mixin BackendOptions compute;

    @Option(names = "--dry-run", description = "list the models (and which are already complete) without running")
    boolean dryRun;

    @Override public Integer call() {
        Threads.check(compute.threads);
        int[] sh = parseShard(shard);
        List<ParameterAxis> axes = new ArrayList<>();
        for (String v : vary) {
            axes.add(ParameterAxis.parse(v));
        }
        ModelFamily family = new ModelFamily(config, axes); // validates every member before anything runs
        Path dir = out != null ? out : Path.of("out", family.baseName() + "-sweep");
        FamilyManifest.of(family).claim(dir, false); // another family or the user's files there: exit 2 before anything
        PrintWriter log = spec.commandLine().getOut();
        var mine = family.shard(sh[0], sh[1]);
        log.printf(
                Locale.ROOT,
                "%s: %d models, shard %d/%d runs %d of them -> %s%n",
                family.baseName(),
                family.members().size(),
                sh[0],
                sh[1],
                mine.size(),
                dir.toAbsolutePath().normalize());
        if (dryRun) {
            for (var m : mine) {
                boolean done = Files.isRegularFile(dir.resolve(m.folder()).resolve("summary.json"));
                log.println("  " + m.folder() + " " + m.parameters() + (done ? "  (complete)" : ""));
            }
            return Main.EXIT_OK;
        }
        // resolved once for the whole family: --backend gpu without a GPU is refused here, before any model runs,
        // and auto's fallback line is said once per sweep, not per model
        SolverBackend backend = SolverBackend.resolve(compute.backend,
                compute.threadsOr(family.members().get(0).config().solver().threads()),
                line -> spec.commandLine().getErr().println(line)).withTuning(compute.tuning());
        SweepRunner.Report r = SweepRunner.run(family, sh[0], sh[1], dir, backend, log);
        log.printf(
                Locale.ROOT,
                "shard %d/%d: ran %d, skipped %d complete, failed %d, %.1f s; family: %d of %d models complete; index:"
                        + " %s%n",
                sh[0],
                sh[1],
                r.ran(),
                r.skipped(),
                r.failed(),
                r.wallSeconds(),
                r.familyComplete(),
                family.members().size(),
                dir.resolve("index.csv").toAbsolutePath().normalize());
        for (String f : r.failures()) {
            spec.commandLine().getErr().println("failed: " + f);
        }
        return r.failed() == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    static int[] parseShard(String s) {
        String[] p = s.split("/");
        try {
            if (p.length == 2) {
                int i = Integer.parseInt(p[0].trim());
                int n = Integer.parseInt(p[1].trim());
                if (n >= 1 && i >= 1 && i <= n) {
                    return new int[]{i, n};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ConfigException.outOfRange("--shard", s, "i/n with 1 ≤ i ≤ n, e.g. 1/4");
    }
}
