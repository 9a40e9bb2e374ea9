package org.anisocr.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Code version recorded in every output: the release from the Maven build, the git commit it was built from and
 * whether tracked files differed from that commit ("dirty"), e.g. {@code 0.2.0+g1a2b3c4} or
 * {@code 0.2.0+g1a2b3c4.dirty}. A build without git (a source tarball) says {@code 0.2.0+unknown}: two outputs with
 * the same version then come from the same code only if neither says unknown or dirty.
 */
public final class Version {
    private Version() {}

    /** The commit when the build could not ask git for one. */
    public static final String UNKNOWN_COMMIT = "unknown";

    private static final String RESOURCE = "/org/anisocr/version.properties";
    /** What git prints for {@code rev-parse --short}: hex digits, at least 7. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    private static final Properties BUILD = load();

    /** "anisocr 0.2.0+g1a2b3c4": the name and {@link #number()}, as FITS CREATOR and {@code --version} show it. */
    public static String get() {
        return "anisocr " + number();
    }

    /** The release, then the commit and the dirty flag as semantic-version build metadata. */
    public static String number() {
        String release = BUILD.getProperty("version", UNKNOWN_COMMIT);
        String commit = commit();
        if (commit.equals(UNKNOWN_COMMIT)) {
            return release + "+" + UNKNOWN_COMMIT;
        }
        return release + "+g" + commit + (dirty() ? ".dirty" : "");
    }

    /** The short commit hash the build was made from, or {@value #UNKNOWN_COMMIT}. */
    public static String commit() {
        String c = BUILD.getProperty("git.commit", "").trim();
        // an unfiltered "${...}" (a build that skipped the git step) or an empty value both mean: not known
        return COMMIT.matcher(c).matches() ? c : UNKNOWN_COMMIT;
    }

    /** True when tracked files differed from {@link #commit()} at build time (untracked files do not count). */
    public static boolean dirty() {
        return Boolean.parseBoolean(BUILD.getProperty("git.dirty", "false").trim());
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar whose resource cannot be read still runs; its outputs then say "unknown"
            p.clear();
        }
        return p;
    }
}
