package org.anisocr.solver;

import java.util.Locale;

/** {@code --backend}: where the solvers run. */
public enum Backend {
    /** The GPU when one is usable, else the CPU, saying so in one line. */
    AUTO,
    /** The pure-Java reference. */
    CPU,
    /** The GPU, or a clear error saying why there is none. */
    GPU;

    /** The command-line spelling, e.g. "auto". */
    public String key() { return name().toLowerCase(Locale.ROOT); }
}
