package org.anisocr.sweep;

import org.anisocr.config.ConfigException;
import org.anisocr.run.BatchFailedException;
import org.anisocr.run.ModelJob;
import org.anisocr.run.ModelRunner;
import org.anisocr.run.RunResult;
import org.anisocr.run.Solution;
import org.anisocr.run.SolverBackend;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the members of one shard of a family into {@code outDir/<folder>}, one after the other (or, for steady
 * multigrid models on the GPU, all in one batched solve, then written one after the other), and keeps
 * {@code outDir/index.csv} up to date after each model. Resumable: a member whose folder already holds a
 * summary.json is complete (folders appear by atomic rename) and is skipped; the staging folder of a model whose
 * process was killed ({@code .<folder>.partial-*}) is removed when the folder is next written (AtomicOutputDir),
 * so nothing half-written survives. Shards may share outDir: see {@link FamilyLock} and {@link FamilyManifest}.
 */
public final class SweepRunner {
    private SweepRunner() {}

    /** What this shard did, and how many models of the whole family are complete in outDir at its end. */
    public record Report(
            int ran, int skipped, int failed, double wallSeconds, List<String> failures, int familyComplete) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    public static Report run(ModelFamily family, int shard, int shards, Path outDir,
                             SolverBackend backend, PrintWriter log) {
        long t0 = System.nanoTime();
        List<ModelFamily.Member> mine = family.shard(shard, shards);
        FamilyManifest manifest = FamilyManifest.of(family);
        // exit 2 here when outDir is not a place to write, holds the user's files or another family; under the
        // family lock it gets its output marker and family.json
        manifest.claim(outDir, true);
        // under the lock, a half-written index can only be a leftover of a killed shard
        FamilyLock.with(outDir, () -> removeIndexLeftovers(outDir));
        Tally t = new Tally();
        List<ModelFamily.Member> pending = new ArrayList<>();
        for (ModelFamily.Member m : mine) {
            if (Files.isRegularFile(outDir.resolve(m.folder()).resolve("summary.json"))) {
                t.skipped++;
                log.printf(
                        Locale.ROOT,
                        "[%d/%d] %s: complete, skipped%n",
                        m.index() + 1,
                        family.members().size(),
                        m.folder());
                log.flush();
            } else {
                pending.add(m);
            }
        }
        if (ModelRunner.batchable(pending.stream().map(ModelFamily.Member::config).toList(), backend)) {
            for (List<ModelFamily.Member> group : groups(pending)) {
                runBatch(family, group, shard, shards, outDir, manifest, backend, log, t);
            }
        } else {
            for (ModelFamily.Member m : pending) {
                runOne(
                        family,
                        m,
                        shard,
                        shards,
                        outDir,
                        manifest,
                        log,
                        t,
                        extra -> ModelJob.solveAndWrite(
                                m.config(), outDir.resolve(m.folder()), false, backend, line -> {}, null, extra));
            }
        }
        int complete = updateIndex(outDir);
        return new Report(t.ran, t.skipped, t.failed, (System.nanoTime() - t0) * 1e-9, t.failures, complete);
    }

    /** What the shard has done so far. */
    private static final class Tally {
        int ran;
        int skipped;
        int failed;
        final List<String> failures = new ArrayList<>();
    }

    /**
     * Steady multigrid models on a batch device (the GPU): the whole group in one batched solve (every bin of every
     * model at once, in waves when the device memory asks for it), then each model written as a sequential sweep
     * would write it. Every folder is checked before the batch runs; if the batch fails, its models are solved one
     * by one, so a failure stays with the model that has it.
     */
    private static void runBatch(ModelFamily family, List<ModelFamily.Member> group, int shard, int shards, Path outDir,
                                 FamilyManifest manifest, SolverBackend backend, PrintWriter log, Tally t) {
        List<RunResult> results = null;
        try {
            for (ModelFamily.Member m : group) {
                ModelJob.check(m.config(), outDir.resolve(m.folder()), false, backend);
            }
            results = ModelRunner.runBatch(group.stream().map(ModelFamily.Member::config).toList(), backend, line -> {
                log.println(line);
                log.flush();
            });
            Solution first = results.get(0).solution();
            log.printf(Locale.ROOT, "batch of %d models: %.2f s (%s)%n", group.size(), results.get(0).wallSeconds(),
                    first.details().getOrDefault("steady_device", first.backend()));
        } catch (BatchFailedException | ConfigException e) {
            // the device or one model failed (or a folder check did): one by one, each failure stays with its model
            log.printf(
                    Locale.ROOT,
                    "batch of %d models failed (%s); solving them one by one%n",
                    group.size(),
                    e.getMessage());
        }
        log.flush();
        for (int q = 0; q < group.size(); q++) {
            ModelFamily.Member m = group.get(q);
            Path dir = outDir.resolve(m.folder());
            RunResult solved = results == null ? null : results.get(q);
            runOne(family, m, shard, shards, outDir, manifest, log, t, extra -> solved != null
                    ? ModelJob.write(solved, dir, false, backend, line -> { }, extra)
                    : ModelJob.solveAndWrite(m.config(), dir, false, backend, line -> { }, null, extra));
        }
    }

    /**
     * Groups of pending models whose densities together take at most a quarter of the free heap (the batch holds them
     * all).
     */
    private static List<List<ModelFamily.Member>> groups(List<ModelFamily.Member> pending) {
        var c = pending.get(0).config();
        // the density, its normalised copy, the writers' maps
        long perModel = 8L * c.momenta().count() * c.grid().size() * 3;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        int size = (int) Math.max(1, Math.min(pending.size(), free / 4 / perModel));
        List<List<ModelFamily.Member>> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i += size) {
            out.add(pending.subList(i, Math.min(pending.size(), i + size)));
        }
        return out;
    }

    /**
     * One model through {@code how} (solve and write, or write a batch's result), logged; a failure is the model's own.
     */
    private static void runOne(
            ModelFamily family,
            ModelFamily.Member m,
            int shard,
            int shards,
            Path outDir,
            FamilyManifest manifest,
            PrintWriter log,
            Tally t,
            Function<Map<String, Object>, ModelJob.Outcome> how) {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("index", m.index());
        sweep.put("count", family.members().size());
        sweep.put("shard", shard + "/" + shards);
        sweep.put("base", family.baseName());
        sweep.put("family", manifest.fingerprint());
        sweep.put("parameters", m.parameters());
        try {
            ModelJob.Outcome o = how.apply(Map.of("sweep", sweep));
            t.ran++;
            var a = o.analysis();
            // its wall time is the batch's
            String when = o.run().solution() instanceof Solution.BatchedSteady ? "solved in the batch"
                    : String.format(Locale.ROOT, "%.2f s", o.run().wallSeconds());
            log.printf(
                    Locale.ROOT,
                    "[%d/%d] %s: %s, alpha_inner=%s alpha_sun=%s%n",
                    m.index() + 1,
                    family.members().size(),
                    m.folder(),
                    when,
                    a == null ? "-" : fmt(a.alphaInner()),
                    a == null ? "-" : fmt(a.alphaSun()));
        } catch (RuntimeException e) {
            // One failed model (e.g. an unstable dt) must not stop the family; it leaves no folder and is re-tried on
            // re-run.
            t.failed++;
            t.failures.add(m.folder() + ": " + e.getMessage());
            log.printf(
                    Locale.ROOT,
                    "[%d/%d] %s: FAILED: %s%n",
                    m.index() + 1,
                    family.members().size(),
                    m.folder(),
                    e.getMessage());
        }
        log.flush();
        updateIndex(outDir);
    }

    /** Rebuilds outDir/index.csv from the model folders under the family lock; returns its row count. */
    static int updateIndex(Path outDir) {
        return FamilyLock.with(outDir, () -> {
            List<SweepIndex.Row> rows = SweepIndex.scan(outDir);
            SweepIndex.write(outDir.resolve("index.csv"), rows);
            return rows.size();
        });
    }

    private static void removeIndexLeftovers(Path outDir) {
        String prefix = ".index.csv.partial-"; // AtomicFile's temporary names
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fmt(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "nan"; }

}
