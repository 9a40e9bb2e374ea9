package org.anisocr.cli;

import picocli.CommandLine.Option;

/**
 * {@code --overwrite}, shared by every command that writes an output: the only way to replace an earlier anisocr
 * output.
 */
public final class OverwriteOption {
    @Option(names = "--overwrite", description = "replace an existing output at --out, but only if anisocr wrote it "
            + "(it carries the .anisocr-output marker); a user's own folder or file is never replaced")
    boolean overwrite;

    public boolean overwrite() { return overwrite; }
}
