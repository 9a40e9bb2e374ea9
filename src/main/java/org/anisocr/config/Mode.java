package org.anisocr.config;

import java.util.Locale;

/** [solver] mode: how the answer is reached. */
public enum Mode {
    /** Fast iterative steady state of the discrete operator (bench/STEADY.md). */
    STEADY,
    /** The paper's dt ladder of split steps to the steady state. */
    LADDER,
    /** Exact steady state: one banded LU per momentum bin. */
    DIRECT,
    /** Fixed dt up to t_end. */
    TRANSIENT;

    /** The model-file spelling, e.g. "steady". */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Whether the mode solves L N + S = 0 directly (no time stepping). */
    public boolean isSteadyState() { return this == STEADY || this == DIRECT; }
}
