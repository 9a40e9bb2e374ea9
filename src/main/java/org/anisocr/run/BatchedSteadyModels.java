package org.anisocr.run;

import org.anisocr.config.SolverSettings;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.SchemeSteadySolver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Steady models solved together: every bin of every model in one batched mg-gmres ({@link BatchedSteadySolver}) on
 * the GPU (or, for tests, on its Java reference), for models whose {@link SteadyPlan} says so ({@link SteadyPlanner}).
 */
final class BatchedSteadyModels {
    private BatchedSteadyModels() {}

    /**
     * Solves the problems (one grid size, the same steady settings) in one batch; one {@link Solution} per problem.
     * {@code log} gets the batch plan (systems, bytes each, waves) before anything is solved.
     * @throws RuntimeException whatever the device or the solver throws (the caller decides about falling back)
     */
    static List<Solution> solve(
            List<TransportProblem> problems,
            SolverSettings s,
            SteadyPlan plan,
            SolverBackend backend,
            Consumer<String> log) {
        List<SteadyOperator> ops = new ArrayList<>();
        for (TransportProblem p : problems) {
            ops.add(SchemeSteadySolver.operator(p, s.scheme()));
        }
        BatchedSteadySolver.Result r;
        String device;
        SolverTuning tuning = plan.tuning();
        try (MultigridDevice d = backend.openMultigridDevice(tuning)) {
            device = d == null ? "Java reference (" + backend.threads() + " threads)" : d.describe();
            // the memory estimate up front: how many systems each device pass takes
            String where = d == null ? "the Java heap" : d.describe();
            log.accept("batch plan: " + BatchedSteadySolver.plan(ops, s.steady(), tuning, d).describe(where));
            r = BatchedSteadySolver.solve(ops, s.steady(), tuning, backend.threads(), d);
        }
        String reason = plan.reason();
        int systems = 0;
        for (TransportProblem p : problems) {
            systems += p.bins();
        }
        List<Solution> out = new ArrayList<>();
        for (int m = 0; m < problems.size(); m++) {
            double[][] n = r.density()[m];
            ModelRunner.requireFinite(n);
            int max = 0;
            long total = 0;
            double worst = 0;
            for (int k = 0; k < n.length; k++) {
                max = Math.max(max, r.iterations()[m][k]);
                total += r.iterations()[m][k];
                worst = Math.max(worst, r.residual()[m][k]);
            }
            out.add(new Solution.BatchedSteady(n, backend.batchDeviceKind(), device, reason, max, total,
                    worst <= s.steady().tolerance(), worst, DiscreteOperator.maxRelativeResidual(problems.get(m), n),
                    problems.size(), systems, r.waves(), r.systemsPerWave(), r.hierarchy(), r.setup(), r.setupSeconds(),
                    r.solveSeconds(), plan));
        }
        return out;
    }
}
