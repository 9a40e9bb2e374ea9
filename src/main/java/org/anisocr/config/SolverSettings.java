package org.anisocr.config;

import org.anisocr.operator.Scheme;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.SolverTuning.SteadyKernel;
import org.anisocr.solver.steady.LadderSettings;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;

/**
 * [solver]: how to reach the answer ({@link Mode}), in which spatial discretisation ({@link Scheme}); the
 * non-paper schemes have no split time step and are available in the steady-state modes only.
 * [solver.ladder], [solver.transient] (dt_Myr, t_end_Myr) and [solver.steady] (plus picard_max_iterations for the
 * limited scheme) hold the controls of each mode; [solver.tuning] how the steady solvers run ({@link SolverTuning}).
 */
public record SolverSettings(Mode mode, Scheme scheme, int threads, LadderSettings ladder,
                             double transientDtMyr, double transientEndMyr,
                             SteadySettings steady, int picardMaxIterations, SolverTuning tuning) {

    /** auto: lu-gmres on narrow grids (the paper's 201×81), mg-gmres beyond (SteadySolver.choose, bench/HIGHRES.md). */
    public static final SteadyMethod DEFAULT_STEADY_METHOD = SteadyMethod.AUTO;
    public static final int DEFAULT_PICARD_MAX_ITERATIONS = 100;
    /**
     * The ladder's step budget: the paper's toy model converges in about 13 000 steps; a ladder that has not met its
     * tolerance after 50 000 (minutes on the paper's grid) is reported "not converged" rather than left to run for
     * hours (DRAGON-like settings with dt_min = 1e-5 Myr otherwise spend the whole budget on the smallest rung).
     */
    public static final int DEFAULT_LADDER_MAX_STEPS = 50_000;

    static SolverSettings read(TableReader t) {
        Mode mode = t.optEnum("mode", Mode.STEADY, Mode.values(), Mode::key);
        Scheme scheme = t.optEnum("scheme", Scheme.PAPER, Scheme.values(), Scheme::key);
        if (!scheme.hasSplitStep() && !mode.isSteadyState()) {
            throw ConfigException.outOfRange(
                    t.key("scheme"),
                    "\"" + scheme.key() + "\"",
                    "\"paper\" with mode \"" + mode.key()
                            + "\" (the other schemes have no split time step; use mode \"steady\" or \"direct\")");
        }
        int threads = t.optInt("threads", 0, 0, 4096);
        TableReader l = t.table("ladder", false);
        double dtMax = l.optDouble("dt_max_Myr", 10, 1e-9, 1e6);
        double dtMin = l.optDouble("dt_min_Myr", 0.01, 1e-9, dtMax);
        LadderSettings ladder = new LadderSettings(dtMax, dtMin,
                l.optDouble("factor", 0.5, 1e-3, 0.999), l.optInt("steps_per_rung", 200, 1, 100_000_000),
                l.optDouble("tolerance", 1e-8, 1e-16, 1), l.optInt("check_every", 20, 1, 1_000_000),
                l.optInt("max_steps", DEFAULT_LADDER_MAX_STEPS, 1, 100_000_000));
        l.rejectUnknown();
        TableReader tr = t.table("transient", false);
        double dt = tr.optDouble("dt_Myr", 0.001, 1e-12, 1e6);
        double end = tr.optDouble("t_end_Myr", 1, dt, 1e9);
        tr.rejectUnknown();
        TableReader st = t.table("steady", false);
        SteadySettings d = SteadySettings.defaults(DEFAULT_STEADY_METHOD);
        SteadySettings steady = new SteadySettings(
                st.optEnum("method", DEFAULT_STEADY_METHOD, SteadyMethod.values(), SteadyMethod::key),
                st.optDouble("tolerance", d.tolerance(), 1e-15, 1e-2), st.optInt("restart", d.restart(), 2, 1000),
                st.optInt("max_iterations", d.maxIterations(), 1, 10_000_000),
                st.optInt("refactor_after", d.refactorAfter(), 1, 1000), st.optInt("adi_cycle", d.adiCycle(), 1, 64));
        int picard = st.optInt("picard_max_iterations", DEFAULT_PICARD_MAX_ITERATIONS, 1, 10_000);
        st.rejectUnknown();
        SolverTuning tuning = readTuning(t.table("tuning", false));
        t.rejectUnknown();
        return new SolverSettings(mode, scheme, threads, ladder, dt, end, steady, picard, tuning);
    }

    /** [solver.tuning]: every key optional, the defaults of {@link SolverTuning#defaults()}. */
    private static SolverTuning readTuning(TableReader tu) {
        SolverTuning d = SolverTuning.defaults();
        SolverTuning tuning = new SolverTuning(
                tu.optEnum("multigrid_setup", d.multigridSetup(), MultigridSetupPlace.values(),
                        MultigridSetupPlace::key),
                tu.optEnum("line_relaxation", d.lineRelaxation(), LineRelaxation.values(), LineRelaxation::key),
                tu.optEnum("steady_kernel", d.steadyKernel(), SteadyKernel.values(), SteadyKernel::key),
                tu.optInt("multigrid_sweeps", d.multigridSweeps(), 1, SolverTuning.MAX_MULTIGRID_SWEEPS));
        tu.rejectUnknown();
        return tuning;
    }

    /** The same settings with {@code t} (the command line's tuning over the model file's). */
    public SolverSettings withTuning(SolverTuning t) {
        return new SolverSettings(mode, scheme, threads, ladder, transientDtMyr, transientEndMyr, steady,
                picardMaxIterations, t);
    }
}
