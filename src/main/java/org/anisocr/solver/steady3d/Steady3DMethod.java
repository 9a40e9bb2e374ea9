package org.anisocr.solver.steady3d;

import java.util.Locale;

/** How {@link SteadySolver3D} iterates. */
public enum Steady3DMethod {
    /** Conjugate gradients preconditioned by one multigrid V-cycle per iteration (the default). */
    MULTIGRID_CG,
    /** Unpreconditioned conjugate gradients: a reference, its iterations grow like 1/h and with the anisotropy. */
    CG;

    /** The file spelling: the lower-case name with '-'. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
