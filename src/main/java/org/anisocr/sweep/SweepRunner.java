package org.anisocr.sweep;

import org.anisocr.run.ModelJob;
import org.anisocr.run.SolverBackend;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.anisocr.io.OutputLocation;
import org.anisocr.io.OutputMarker;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * Runs the members of one shard of a family into {@code outDir/<folder>}, one after the other, and keeps
 * {@code outDir/index.csv} up to date after each model. Resumable: a member whose folder already holds a
 * summary.json is complete (folders appear by atomic rename) and is skipped; staging leftovers of this shard's
 * members from an interrupted run ({@code .<folder>.partial-*}) are deleted first, so nothing half-written survives.
 */
public final class SweepRunner {
    private SweepRunner() {}

    public record Report(int ran, int skipped, int failed, double wallSeconds, List<String> failures) {}

    public static Report run(ModelFamily family, int shard, int shards, Path outDir,
                             SolverBackend backend, PrintWriter log) {
        long t0 = System.nanoTime();
        List<ModelFamily.Member> mine = family.shard(shard, shards);
        OutputLocation.Checked folder = OutputLocation.checkFamilyFolder(outDir, "--out");
        try {
            Files.createDirectories(folder.path());
            if (folder.marker().isEmpty())
                OutputMarker.now(OutputLocation.FAMILY_KIND, null).writeInto(folder.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
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
            SweepIndex.write(outDir.resolve("index.csv"), SweepIndex.scan(outDir));
        }
        SweepIndex.write(outDir.resolve("index.csv"), SweepIndex.scan(outDir));
        return new Report(ran, skipped, failed, (System.nanoTime() - t0) * 1e-9, failures);
    }

    private static String fmt(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "nan"; }

}
