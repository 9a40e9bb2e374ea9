package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.OutputLocation;
import org.anisocr.run.Model3DJob;
import org.anisocr.run.Model3DParts;
import org.anisocr.run.Run3DResult;
import org.anisocr.sweep.FamilyManifest;
import org.anisocr.sweep.SweepIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "merge", description = {
        "Join the model folders of sweep parts (e.g. shards run on different machines) into one index.csv.",
        "Exits 1, naming the missing models, unless every member of the family (family.json) is complete.",
        "Given the parts of one 3D model (run --bins i/n), joins them into the output folder a single run writes"
                + " (--out: that folder, default <first part's folder>/../<model name>), N bit for bit."})
public final class MergeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", description = "sweep directories, or the part folders of one 3D model")
    List<Path> dirs;

    @Option(
            names = "--out",
            description = "merged index file (default: <first DIR>/../<first DIR name>-merged-index.csv); for 3D"
                    + " parts, the output folder")
    Path out;

    @Option(names = "--full-cube", description = "3D parts: also write N.fits, the whole N(x, y, z, p) in float32")
    boolean fullCube;

    @CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    /** Missing members named one by one up to this many; the rest are counted. */
    static final int NAMED = 20;

    @Override public Integer call() {
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new ConfigException("not a directory: " + d);
            }
        }
        long parts = dirs.stream().filter(Model3DParts::isPart).count();
        if (parts > 0) {
            if (parts < dirs.size()) {
                throw new ConfigException("mixed input: " + parts + " of the " + dirs.size() + " folders are parts of"
                        + " a 3D run (" + Model3DParts.PART_FILE + "), the others are not; merge either sweep folders"
                        + " or the parts of one 3D model");
            }
            return merge3d();
        }
        if (fullCube) {
            throw new ConfigException("--full-cube is for the parts of a 3D model (run --bins i/n)");
        }
        FamilyManifest manifest = commonManifest();
        Path first = dirs.get(0).toAbsolutePath().normalize();
        Path file = OutputLocation.checkFile(
                out != null ? out : first.resolveSibling(first.getFileName() + "-merged-index.csv"),
                overwrite.overwrite(),
                "--out",
                AtomicFile::isAnisocrJsonOrCsv);
        List<SweepIndex.Row> rows = SweepIndex.join(dirs);
        String where = dirs.size() == 1 ? first.toString() : dirs.size() + " directories";
        if (manifest != null) {
            checkMembers(manifest, rows);
        }
        int size = manifest != null ? manifest.count() : rows.isEmpty() ? 0 : rows.get(0).familySize();
        var err = spec.commandLine().getErr();
        if (rows.isEmpty()) {
            err.println(manifest == null
                    ? "no finished model and no " + FamilyManifest.FILE + " in " + where + ": nothing to merge"
                    : "no finished model in " + where + ": all " + size + " models of family " + manifest.base() + " ("
                      + manifest.fingerprint() + ") are missing; nothing written");
            return Main.EXIT_FAILURE;
        }
        SweepIndex.write(file, rows);
        spec.commandLine()
                .getOut()
                .println("merged " + rows.size() + " of " + size + " models from " + where + " -> " + file);
        List<Integer> missing = SweepIndex.missing(rows, size);
        if (!missing.isEmpty()) {
            StringBuilder m = new StringBuilder(
                    "incomplete family: " + missing.size() + " of " + size + " models missing, indices "
                            + (missing.size() <= NAMED ? missing.toString() : missing.subList(0, NAMED) + " …"));
            if (manifest != null) {
                List<String> names = manifest.missing(SweepIndex.indices(rows));
                m.append(": ").append(String.join(", ", names.subList(0, Math.min(NAMED, names.size()))));
                if (names.size() > NAMED) {
                    m.append(", … (").append(names.size() - NAMED).append(" more)");
                }
            }
            err.println(m);
            return Main.EXIT_FAILURE;
        }
        return Main.EXIT_OK;
    }

    /** The parts of one 3D model joined into the output folder of a single run. */
    private Integer merge3d() {
        Path first = dirs.get(0).toAbsolutePath().normalize();
        String name = Model3DParts.model(first).name();
        Path dir = out != null ? out : first.resolveSibling(name);
        if (fullCube) {
            spec.commandLine().getOut().println(Model3DJob.fullCubeLine(Model3DParts.model(first)));
        }
        Run3DResult r = Model3DJob.merge(dirs, dir, overwrite.overwrite(), fullCube,
                line -> spec.commandLine().getErr().println(line));
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "merged %d parts of %s (%d bins, residual"
                + " %.3e) -> %s", dirs.size(), name, r.bins().size(), r.residual(), dir));
        return Main.EXIT_OK;
    }

    /** The family manifest the directories share (null when none has one); different ones are bad input. */
    private FamilyManifest commonManifest() {
        Map<String, Path> byFingerprint = new LinkedHashMap<>();
        FamilyManifest found = null;
        for (Path d : dirs) {
            Optional<FamilyManifest> m = FamilyManifest.read(d);
            if (m.isEmpty()) {
                continue;
            }
            if (found == null) {
                found = m.get();
            } else if (!byFingerprint.containsKey(m.get().fingerprint())) {
                throw new ConfigException("not parts of one family: "
                        + byFingerprint.values().iterator().next() + " holds family " + found.fingerprint() + ", " + d
                        + " family " + m.get().fingerprint() + " (" + found.differences(m.get()) + ")");
            }
            byFingerprint.putIfAbsent(m.get().fingerprint(), d);
        }
        return found;
    }

    /** Every model found must be the manifest's member of that index (same folder name and family). */
    private static void checkMembers(FamilyManifest manifest, List<SweepIndex.Row> rows) {
        List<String> wrong = new ArrayList<>();
        for (SweepIndex.Row r : rows) {
            boolean ok = r.index() < manifest.count()
                    && manifest.members()
                            .get(r.index())
                            .equals(r.folder().getFileName().toString())
                    && (r.family() == null || r.family().equals(manifest.fingerprint()));
            if (!ok) {
                wrong.add(r.folder().toString());
            }
        }
        if (!wrong.isEmpty()) {
            throw new ConfigException(
                    "not models of family " + manifest.fingerprint() + " (" + FamilyManifest.FILE + "): " + wrong);
        }
    }
}
