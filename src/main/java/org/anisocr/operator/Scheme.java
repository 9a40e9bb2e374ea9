package org.anisocr.operator;

import java.util.Locale;

/** [solver] scheme: the spatial discretisation. */
public enum Scheme {
    /** The paper's scheme (docs/physics.md §3); the only one with a split time step. */
    PAPER,
    /** Conservative Günter et al. 2005 scheme (linear). */
    SYMMETRIC,
    /** The symmetric scheme with the Sharma–Hammett limiter (nonlinear: Picard iteration). */
    SYMMETRIC_LIMITED;

    /** The model-file spelling, e.g. "symmetric-limited". */
    public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** Whether the scheme has the paper's operator-split time step (ladder and transient modes). */
    public boolean hasSplitStep() { return this == PAPER; }
}
