package org.anisocr.io;

import org.anisocr.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The checks every command makes on where it was told to write, before it does any work. They exist because an
 * output that replaces its target can otherwise delete what a user owns: {@code --out .} once deleted the working
 * directory. The rules:
 * <ul>
 *   <li>never an empty path, the file-system root, the home folder, the current folder or one of its ancestors,
 *       a symbolic link, or an existing file where a folder is wanted;</li>
 *   <li>an existing empty folder is fine (it is replaced atomically, nothing is lost);</li>
 *   <li>an existing non-empty folder is replaced only when it carries an {@link OutputMarker} <b>and</b> the user
 *       asked for it ({@code --overwrite}); otherwise the message names the folder and what is in it.</li>
 * </ul>
 * Violations are {@link ConfigException}s (exit code 2).
 */
public final class OutputLocation {
    private OutputLocation() {}

    /** What an existing target holds. */
    public enum State { ABSENT, EMPTY, ANISOCR_OUTPUT }

    /**
     * Checks a folder target; returns its absolute normal form and what is there now.
     *
     * @param option the option that named it, e.g. "--out", for the message
     */
    public static Checked checkFolder(Path out, boolean overwrite, String option) {
        Path abs = checkPlace(out, option);
        List<String> entries = folderEntries(abs, option);
        if (entries == null) {
            return new Checked(abs, State.ABSENT, Optional.empty());
        }
        if (entries.isEmpty()) {
            return new Checked(abs, State.EMPTY, Optional.empty());
        }
        Optional<OutputMarker> marker = OutputMarker.readFrom(abs);
        if (marker.isEmpty()) {
            throw new ConfigException(
                    option + " " + abs + " is not an anisocr output folder (it holds " + describe(entries)
                            + "); nothing was written and nothing there was touched. Give a new or empty folder.");
        }
        if (!overwrite) {
            throw new ConfigException(option + " " + abs + " already holds an anisocr output ("
                    + marker.get().kind() + ", "
                    + marker.get().version() + ", " + marker.get().createdUtc() + "; " + describe(entries)
                    + "); add --overwrite to replace it, or give another folder.");
        }
        return new Checked(abs, State.ANISOCR_OUTPUT, marker);
    }

    /**
     * Checks a sweep's family folder, which several runs (shards, resumptions) fill together: absent, empty, or an
     * earlier family folder (marker kind {@value #FAMILY_KIND}) are fine; anything else is refused.
     */
    public static Checked checkFamilyFolder(Path out, String option) {
        Path abs = checkPlace(out, option);
        List<String> entries = folderEntries(abs, option);
        if (entries == null) {
            return new Checked(abs, State.ABSENT, Optional.empty());
        }
        entries.remove(FAMILY_LOCK); // the first shard holds the family lock while it writes the marker
        if (entries.isEmpty()) {
            return new Checked(abs, State.EMPTY, Optional.empty());
        }
        Optional<OutputMarker> marker = OutputMarker.readFrom(abs);
        if (marker.isEmpty() || !marker.get().kind().equals(FAMILY_KIND)) {
            throw new ConfigException(
                    option + " " + abs + " is not an anisocr sweep folder (it holds " + describe(entries)
                            + "); nothing was written and nothing there was touched. Give a new or empty folder.");
        }
        return new Checked(abs, State.ANISOCR_OUTPUT, marker);
    }

    /** The marker kind of a sweep's family folder. */
    public static final String FAMILY_KIND = "sweep-family";

    /** The lock file that the shards sharing a family folder take (org.anisocr.sweep.FamilyLock). */
    public static final String FAMILY_LOCK = ".anisocr-family.lock";

    /** A checked folder target. */
    public record Checked(Path path, State state, Optional<OutputMarker> marker) {}

    /**
     * Checks a single-file target (a JSON or CSV result): not a folder, not a link; an existing file is replaced
     * only with {@code overwrite} and only when {@code ours} says anisocr wrote it.
     */
    public static Path checkFile(Path out, boolean overwrite, String option, Predicate<Path> ours) {
        Path abs = checkPlace(out, option);
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigException(option + " " + abs + " is a folder; give a file name. Nothing was written.");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!ours.test(abs)) {
                throw new ConfigException(option + " " + abs
                        + " exists and was not written by anisocr; nothing was written. " + "Give a new file name.");
            }
            if (!overwrite) {
                throw new ConfigException(
                        option + " " + abs + " exists (an earlier anisocr result); add --overwrite to "
                                + "replace it, or give another file name.");
            }
        }
        return abs;
    }

    /** The rules every target obeys, folder or file. */
    private static Path checkPlace(Path out, String option) {
        if (out == null || out.toString().isBlank()) {
            throw new ConfigException(
                    option + " is empty: give a new folder or file name, e.g. " + option + " out/model");
        }
        Path abs = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            throw new ConfigException(
                    option + " " + abs + " is a symbolic link; give the real location. Nothing was written.");
        }
        Path real = realOfExistingPrefix(abs);
        if (real.getParent() == null) {
            throw new ConfigException(option + " " + out + " is the file-system root; give a new folder inside it.");
        }
        Path home = realOfExistingPrefix(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize());
        if (real.equals(home)) {
            throw new ConfigException(option + " " + out + " is your home folder; give a new folder inside it.");
        }
        Path cwd = realOfExistingPrefix(Path.of("").toAbsolutePath().normalize());
        if (cwd.startsWith(real)) {
            throw new ConfigException(option + " " + out + " is "
                    + (cwd.equals(real) ? "the current folder" : "an ancestor of the current folder (" + cwd + ")")
                    + "; give a new folder inside it, e.g. " + option + " out/model");
        }
        return abs;
    }

    /**
     * The real path of the longest existing prefix of {@code p}, with the rest appended (links resolved where they
     * exist).
     */
    static Path realOfExistingPrefix(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    /** The entries of an existing folder target, sorted; null when nothing is there; refused when it is a file. */
    private static List<String> folderEntries(Path abs, String option) {
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigException(option + " " + abs + " is an existing file, not a folder; nothing was written. "
                    + "Give a new folder name.");
        }
        return list(abs);
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + dir + ": " + e.getMessage());
        }
    }

    private static String describe(List<String> entries) {
        int shown = Math.min(5, entries.size());
        String s = String.join(", ", entries.subList(0, shown));
        return entries.size()
                + (entries.size() == 1 ? " entry: " : " entries: ")
                + s
                + (entries.size() > shown ? ", …" : "");
    }
}
