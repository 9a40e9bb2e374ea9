package org.anisocr.sweep;

import org.anisocr.run.ModelJob;
import org.anisocr.run.SolverBackend;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * Runs the members of one shard of a family into {@code outDir/<folder>}, one after the other, and keeps
 * {@code outDir/index.csv} up to date after each model. Resumable: a member whose folder already holds a
 * summary.json is complete (folders appear by atomic rename) and is skipped; the staging folder of a model whose
 * process was killed ({@code .<folder>.partial-*}) is removed when the folder is next written (AtomicOutputDir),
 * so nothing half-written survives. Shards may share outDir: see {@link FamilyLock} and {@link FamilyManifest}.
 */
public final class SweepRunner {
    private SweepRunner() {}

    /** What this shard did, and how many models of the whole family are complete in outDir at its end. */
    public record Report(int ran, int skipped, int failed, double wallSeconds, List<String> failures, int familyComplete) {}

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
        int ran = 0, skipped = 0, failed = 0;
        List<String> failures = new ArrayList<>();
        for (ModelFamily.Member m : mine) {
            Path dir = outDir.resolve(m.folder());
            if (Files.isRegularFile(dir.resolve("summary.json"))) {
                skipped++;
                log.printf(Locale.ROOT, "[%d/%d] %s: complete, skipped%n", m.index() + 1, family.members().size(), m.folder());
                log.flush();
                continue;
            }
            Map<String, Object> sweep = new LinkedHashMap<>();
            sweep.put("index", m.index());
            sweep.put("count", family.members().size());
            sweep.put("shard", shard + "/" + shards);
            sweep.put("base", family.baseName());
            sweep.put("family", manifest.fingerprint());
            sweep.put("parameters", m.parameters());
            try {
                ModelJob.Outcome o = ModelJob.solveAndWrite(m.config(), dir, false, backend, line -> { }, null, Map.of("sweep", sweep));
                ran++;
                var a = o.analysis();
                log.printf(Locale.ROOT, "[%d/%d] %s: %.2f s, alpha_inner=%s alpha_sun=%s%n", m.index() + 1, family.members().size(),
                        m.folder(), o.run().wallSeconds(), a == null ? "-" : fmt(a.alphaInner()), a == null ? "-" : fmt(a.alphaSun()));
            } catch (RuntimeException e) {
                // One failed model (e.g. an unstable dt) must not stop the family; it leaves no folder and is re-tried on re-run.
                failed++;
                failures.add(m.folder() + ": " + e.getMessage());
                log.printf(Locale.ROOT, "[%d/%d] %s: FAILED: %s%n", m.index() + 1, family.members().size(), m.folder(), e.getMessage());
            }
            log.flush();
            updateIndex(outDir);
        }
        int complete = updateIndex(outDir);
        return new Report(ran, skipped, failed, (System.nanoTime() - t0) * 1e-9, failures, complete);
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
                if (n.startsWith(prefix) && Files.isRegularFile(p)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fmt(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "nan"; }

}
