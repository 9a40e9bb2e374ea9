package org.anisocr.config;

import org.anisocr.solver.steady.DtLadder;
import org.anisocr.solver.steady.SteadySolver;

import java.util.List;

/**
 * [solver]: how to reach the answer.
 * mode = "steady" (fast iterative steady state of the discrete operator, see bench/STEADY.md), "ladder" (the
 * paper's dt ladder to steady state), "direct" (exact steady state, banded LU) or "transient" (fixed dt up to
 * t_end, snapshots on the way).
 * scheme = "paper" (SPEC §3), "symmetric" (conservative Günter et al. 2005 scheme) or "symmetric-limited" (the
 * same with the Sharma–Hammett limiter, solved by Picard iteration). The non-paper schemes have no split time
 * step and are available in the steady modes ("steady", "direct") only.
 * [solver.steady]: method = "auto" (banded LU on narrow grids, multigrid beyond; see SteadySolver.choose) | "lu-gmres" | "mg-gmres" | "adi-gmres" | "direct", tolerance (relative residual), restart,
 * max_iterations (per bin), picard_max_iterations (limited scheme).
 */
public record SolverSettings(String mode, String scheme, int threads, DtLadder.Settings ladder,
                             double transientDtMyr, double transientEndMyr, double[] snapshotsMyr,
                             SteadySolver.Settings steady, int picardMaxIterations) {

    public static final List<String> MODES = List.of("steady", "ladder", "direct", "transient");
    public static final List<String> SCHEMES = List.of("paper", "symmetric", "symmetric-limited");
    public static final String DEFAULT_STEADY_METHOD = "auto";

    static SolverSettings read(TableReader t) {
        String mode = t.optString("mode", "steady", MODES);
        String scheme = t.optString("scheme", "paper", SCHEMES);
        if (!scheme.equals("paper") && !(mode.equals("steady") || mode.equals("direct")))
            throw ConfigException.outOfRange(t.key("scheme"), scheme,
                    "\"paper\" with mode \"" + mode + "\" (the other schemes have no split time step; use mode \"steady\" or \"direct\")");
        int threads = t.optInt("threads", 0, 0, 4096);
        TableReader l = t.table("ladder", false);
        double dtMax = l.optDouble("dt_max_Myr", 10, 1e-9, 1e6);
        double dtMin = l.optDouble("dt_min_Myr", 0.01, 1e-9, dtMax);
        DtLadder.Settings ladder = new DtLadder.Settings(dtMax, dtMin,
                l.optDouble("factor", 0.5, 1e-3, 0.999), l.optInt("steps_per_rung", 200, 1, 100_000_000),
                l.optDouble("tolerance", 1e-8, 1e-16, 1), l.optInt("check_every", 20, 1, 1_000_000),
                l.optInt("max_steps", 1_000_000, 1, Integer.MAX_VALUE));
        l.rejectUnknown();
        TableReader tr = t.table("transient", false);
        double dt = tr.optDouble("dt_Myr", 0.001, 1e-12, 1e6);
        double end = tr.optDouble("t_end_Myr", 1, dt, 1e9);
        double[] snaps = tr.optDoubleArray("snapshots_Myr", new double[]{end}, 0, end);
        tr.rejectUnknown();
        TableReader st = t.table("steady", false);
        SteadySolver.Settings d = SteadySolver.Settings.defaults(DEFAULT_STEADY_METHOD);
        SteadySolver.Settings steady = new SteadySolver.Settings(
                st.optString("method", DEFAULT_STEADY_METHOD, SteadySolver.METHODS),
                st.optDouble("tolerance", d.tolerance(), 1e-15, 1e-2), st.optInt("restart", d.restart(), 2, 1000),
                st.optInt("max_iterations", d.maxIterations(), 1, 10_000_000),
                st.optInt("refactor_after", d.refactorAfter(), 1, 1000), st.optInt("adi_cycle", d.adiCycle(), 1, 64));
        int picard = st.optInt("picard_max_iterations", 100, 1, 10_000);
        st.rejectUnknown();
        t.rejectUnknown();
        return new SolverSettings(mode, scheme, threads, ladder, dt, end, snaps, steady, picard);
    }
}
