package org.anisocr.run;

import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.SolverTuning.SteadyKernel;

/**
 * The command line's solver tuning: each choice given (non-null) overrides the model file's [solver.tuning] value
 * of the same name; the others keep the file's.
 */
public record TuningOptions(MultigridSetupPlace multigridSetup, LineRelaxation lineRelaxation,
                            SteadyKernel steadyKernel, Integer multigridSweeps) {
    /** Nothing given: the model file decides. */
    public static TuningOptions none() {
        return new TuningOptions(null, null, null, null);
    }

    /** {@code file} with the choices given here put over it. */
    public SolverTuning over(SolverTuning file) {
        SolverTuning t = file;
        if (multigridSetup != null) {
            t = t.withMultigridSetup(multigridSetup);
        }
        if (lineRelaxation != null) {
            t = t.withLineRelaxation(lineRelaxation);
        }
        if (steadyKernel != null) {
            t = t.withSteadyKernel(steadyKernel);
        }
        if (multigridSweeps != null) {
            t = t.withMultigridSweeps(multigridSweeps);
        }
        return t;
    }
}
