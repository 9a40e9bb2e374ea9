package org.anisocr.solver;

import java.util.Locale;

/**
 * How the steady solvers run, not what they answer: where batched multigrid builds its hierarchies, which kernel
 * solves the zebra line relaxation on a device, which banded-LU kernel the GPU steady solver uses, and how many
 * smoothing sweeps each multigrid level takes. Set once per run (model file [solver.tuning], command-line options)
 * and passed down; {@link #defaults()} is what a run without either gets. Only {@link #multigridSweeps} changes the
 * iterations; the other three change where and how fast the same arithmetic runs.
 *
 * @param multigridSetup  where a device wave's hierarchies are built
 * @param lineRelaxation  the device kernel of a zebra half-sweep
 * @param steadyKernel    the factor kernel of the GPU banded LU
 * @param multigridSweeps pre- and post-smoothing sweeps per level of a multigrid cycle (ν in V(ν,ν), W(ν,ν))
 */
public record SolverTuning(MultigridSetupPlace multigridSetup, LineRelaxation lineRelaxation, SteadyKernel steadyKernel,
                           int multigridSweeps) {
    /** The largest ν accepted: beyond a few sweeps a cycle costs more without converging in fewer iterations. */
    public static final int MAX_MULTIGRID_SWEEPS = 8;

    /** Where the hierarchies of a device wave are built (the Java reference always builds its own on the CPU). */
    public enum MultigridSetupPlace {
        /** On the device when every operator of the batch is the paper's and the device can, else on the CPU. */
        AUTO,
        /** On the CPU, packed and uploaded. */
        CPU,
        /** On the device, or fail. */
        DEVICE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kernel of one zebra half-sweep on a device. */
    public enum LineRelaxation {
        /** Parallel cyclic reduction where the Thomas launch has too few threads and the line fits a block. */
        AUTO,
        /** One thread per line and system (bitwise the Java reference). */
        THOMAS,
        /** One block per line and system (equal to rounding); Thomas on lines too long for a block. */
        PCR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The factor kernel of the GPU banded LU. */
    public enum SteadyKernel {
        /** The shared-memory window when it fits the device, else the global-memory kernel. */
        AUTO,
        /** The global-memory kernel. */
        GLOBAL,
        /** The shared-memory window, or fail when it does not fit. */
        SHARED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SolverTuning {
        if (multigridSetup == null || lineRelaxation == null || steadyKernel == null) {
            throw new IllegalArgumentException("every solver tuning choice needs a value");
        }
        if (multigridSweeps < 1 || multigridSweeps > MAX_MULTIGRID_SWEEPS) {
            throw new IllegalArgumentException("multigrid sweeps = " + multigridSweeps + ": expected 1 to "
                    + MAX_MULTIGRID_SWEEPS);
        }
    }

    /** auto, auto, auto, one sweep: the measured defaults. */
    public static SolverTuning defaults() {
        return new SolverTuning(MultigridSetupPlace.AUTO, LineRelaxation.AUTO, SteadyKernel.AUTO, 1);
    }

    public SolverTuning withMultigridSetup(MultigridSetupPlace place) {
        return new SolverTuning(place, lineRelaxation, steadyKernel, multigridSweeps);
    }

    public SolverTuning withLineRelaxation(LineRelaxation relaxation) {
        return new SolverTuning(multigridSetup, relaxation, steadyKernel, multigridSweeps);
    }

    public SolverTuning withSteadyKernel(SteadyKernel kernel) {
        return new SolverTuning(multigridSetup, lineRelaxation, kernel, multigridSweeps);
    }

    public SolverTuning withMultigridSweeps(int sweeps) {
        return new SolverTuning(multigridSetup, lineRelaxation, steadyKernel, sweeps);
    }
}
