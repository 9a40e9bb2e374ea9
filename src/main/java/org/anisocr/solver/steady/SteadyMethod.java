package org.anisocr.solver.steady;

import java.util.Locale;

/** [solver.steady] method: how the steady solver reaches L N + S = 0 (bench/STEADY.md). */
public enum SteadyMethod {
    /** lu-gmres on grids whose banded LU is narrow, mg-gmres beyond (SteadySolver.choose; the default). */
    AUTO,
    /** Flexible GMRES preconditioned by a recycled banded LU of a reference bin. */
    LU_GMRES,
    /** Flexible GMRES preconditioned by one geometric multigrid W-cycle (work and memory linear in the grid). */
    MG_GMRES,
    /** Flexible GMRES preconditioned by one ADI double sweep. */
    ADI_GMRES,
    /** One banded LU per bin (the reference fixed point). */
    DIRECT;

    /** The model-file spelling, e.g. "lu-gmres". */
    public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
