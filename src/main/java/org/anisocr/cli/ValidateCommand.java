package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.OutputLocation;
import org.anisocr.io.Version;
import org.anisocr.validation.ValidationSuite;
import org.anisocr.validation.ValidationSuite.TestReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `anisocr validate`: the §5 tests (manufactured, Green functions, exact checks; in 2D and 3D) with their acceptance
 * criteria.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "validate",
        description = "Run the validation suite (docs/physics.md §5): P1–P3, G1–G3, G1-cyl, isotropy, symmetry,"
                + " zero source, mass balance, D0 scaling, wind and losses (slab, continuity in p, balance, terms off);"
                + " in 3D M3D, G3D, axisym-3d, mirror-3d, jf12-field."
                + " Exit 1 if any acceptance criterion fails.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "write the measured numbers per test as JSON")
    Path json;

    @CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Option(
            names = "--quick",
            description = "skip the 241² manufactured grids, the finest Green-function grid, the smallest dt and the"
                    + " 0.25 kpc grid of axisym-3d")
    boolean quick;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "NAME",
            description = "run only these tests (comma-separated names)")
    List<String> only;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads, 0 = all cores")
    int threads;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = only == null || only.isEmpty() ? ValidationSuite.NAMES : only;
        for (String n : names) {
            if (!ValidationSuite.NAMES.contains(n)) {
                throw new ConfigException("--only: unknown test '" + n + "'; expected one of " + ValidationSuite.NAMES);
            }
        }
        Threads.check(threads);
        if (json != null) {
            OutputLocation.checkFile(json, overwrite.overwrite(), "--json", AtomicFile::isAnisocrJsonOrCsv);
        }
        int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        List<TestReport> reports = new ArrayList<>();
        for (String n : names) {
            TestReport r = ValidationSuite.run(n, quick, nThreads);
            reports.add(r);
            out.printf(Locale.ROOT, "%-13s %s  (%.1f s)%n", r.name(), r.passed() ? "PASS" : "FAIL", r.seconds());
            for (var c : r.criteria()) {
                if (!c.passed() || System.getenv("ANISOCR_VERBOSE") != null) {
                    out.println("    " + c);
                }
            }
            out.flush();
        }
        boolean ok = reports.stream().allMatch(TestReport::passed);
        double total = (System.nanoTime() - t0) * 1e-9;
        if (json != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("version", Version.get());
            meta.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            meta.put("available_processors", Runtime.getRuntime().availableProcessors());
            meta.put("threads", nThreads);
            meta.put("quick", quick);
            meta.put("total_seconds", total);
            meta.put("passed", ok);
            ValidationSuite.writeJson(reports, meta, json);
            out.println("wrote " + json);
        }
        out.printf(Locale.ROOT, "validation %s: %d/%d tests passed in %.1f s%n", ok ? "passed" : "FAILED",
                reports.stream().filter(TestReport::passed).count(), reports.size(), total);
        return ok ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
