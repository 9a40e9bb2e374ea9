package org.anisocr.run;

import org.anisocr.config.Mode;
import org.anisocr.config.SolverSettings;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.SchemeSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySolver;

import java.util.ArrayList;
import java.util.List;

/**
 * Steady models solved together: every bin of every model in one batched mg-gmres ({@link BatchedSteadySolver}) on
 * the GPU (or, for tests, on its Java reference). It applies to mode steady with the paper's scheme where the
 * steady method resolves to mg-gmres ({@code auto} on grids above the LU crossover), and only when the backend puts
 * steady solves on a batch device ({@link SolverBackend#batchesSteady}).
 */
final class BatchedSteadyModels {
    private BatchedSteadyModels() {}

    /** Whether a model with these settings on this grid is solved by the batched multigrid on this backend. */
    static boolean applies(SolverSettings s, SpatialGrid grid, SolverBackend backend) {
        return s.mode() == Mode.STEADY && s.scheme() == Scheme.PAPER
                && SteadySolver.choose(s.steady().method(), grid).method() == SteadyMethod.MG_GMRES
                && backend.batchesSteady(s.scheme());
    }

    /**
     * Solves the problems (one grid size, the same steady settings) in one batch; one {@link Solution} per problem.
     * {@code log} gets the batch plan (systems, bytes each, waves) before anything is solved.
     * @throws RuntimeException whatever the device or the solver throws (the caller decides about falling back)
     */
    static List<Solution> solve(List<TransportProblem> problems, SolverSettings s, SolverBackend backend, java.util.function.Consumer<String> log) {
        List<SteadyOperator> ops = new ArrayList<>();
        for (TransportProblem p : problems) ops.add(SchemeSteadySolver.operator(p, s.scheme()));
        BatchedSteadySolver.Result r;
        String device;
        try (MultigridDevice d = backend.openMultigridDevice()) {
            device = d == null ? "Java reference (" + backend.threads() + " threads)" : d.describe();
            // the memory estimate up front: how many systems each device pass takes
            log.accept("batch plan: " + BatchedSteadySolver.plan(ops, s.steady(), d).describe(d == null ? "the Java heap" : d.describe()));
            r = BatchedSteadySolver.solve(ops, s.steady(), backend.threads(), d);
        }
        String reason = SteadySolver.choose(s.steady().method(), problems.get(0).grid()).reason();
        int systems = 0;
        for (TransportProblem p : problems) systems += p.bins();
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
                    problems.size(), systems, r.waves(), r.systemsPerWave(), r.hierarchy(), r.setup(), r.setupSeconds(), r.solveSeconds()));
        }
        return out;
    }
}
