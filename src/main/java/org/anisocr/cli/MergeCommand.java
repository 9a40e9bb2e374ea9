package org.anisocr.cli;

import org.anisocr.sweep.SweepIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "merge", description = "Join the model folders of sweep parts (e.g. shards run on different machines) into one index.csv.")
public final class MergeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", description = "sweep directories")
    List<Path> dirs;

    @Option(names = "--out", description = "merged index file (default: <first DIR>/../<first DIR name>-merged-index.csv)")
    Path out;

    @picocli.CommandLine.Mixin OverwriteOption overwrite = new OverwriteOption();

    @Override public Integer call() {
        List<SweepIndex.Row> rows = SweepIndex.join(dirs);
        Path first = dirs.get(0).toAbsolutePath().normalize();
        Path file = out != null ? out : first.resolveSibling(first.getFileName() + "-merged-index.csv");
        org.anisocr.io.OutputLocation.checkFile(file, overwrite.overwrite(), "--out", org.anisocr.io.AtomicFile::isAnisocrJsonOrCsv);
        SweepIndex.write(file, rows);
        List<Integer> missing = SweepIndex.missing(rows);
        int size = rows.isEmpty() ? 0 : rows.get(0).familySize();
        spec.commandLine().getOut().println("merged " + rows.size() + " of " + size + " models from " + dirs.size() + " director"
                + (dirs.size() == 1 ? "y" : "ies") + " -> " + file.toAbsolutePath().normalize());
        if (!missing.isEmpty()) {
            spec.commandLine().getErr().println("incomplete family: missing model indices " + missing);
            return Main.EXIT_FAILURE;
        }
        return Main.EXIT_OK;
    }
}
