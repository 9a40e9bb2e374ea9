package org.anisocr.config;

import org.anisocr.solver.steady.DtLadder;

import java.util.List;

/**
 * [solver]: how to reach the answer.
 * mode = "ladder" (the paper's dt ladder to steady state), "direct" (exact steady state of the discrete
 * operator, banded LU) or "transient" (fixed dt up to t_end, snapshots on the way).
 */
public record SolverSettings(String mode, String scheme, int threads, DtLadder.Settings ladder,
                             double transientDtMyr, double transientEndMyr, double[] snapshotsMyr) {

    public static final List<String> MODES = List.of("ladder", "direct", "transient");
    public static final List<String> SCHEMES = List.of("paper");

    static SolverSettings read(TableReader t) {
        String mode = t.optString("mode", "ladder", MODES);
        String scheme = t.optString("scheme", "paper", SCHEMES);
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
        t.rejectUnknown();
        return new SolverSettings(mode, scheme, threads, ladder, dt, end, snaps);
    }
}
