package org.anisocr.solver.steady;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.SymmetricOperator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.anisocr.bench.Measurements.maxRelDiff;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Batched mg-gmres (every bin of every model of a family in one lockstep batch, on the Java reference backend)
 * against the direct solve of each bin, for both schemes and a two-model family; the waves of a small memory
 * budget give the same answer as one wave; and the memory estimate against the arrays the setup really holds.
 */
class BatchedMgGmresTest {
    static final SteadySettings TIGHT = SteadySettings.defaults(SteadyMethod.MG_GMRES).withTolerance(1e-12);

    private static double[][] direct(SteadyOperator op) {
        return new SteadySolver(SteadySettings.defaults(SteadyMethod.DIRECT), 2).solve(op, null).density();
    }


    @Test void familyOfTwoModelsAndBothSchemesMatchTheDirectSolve() {
        List<SteadyOperator> family = List.of(
                new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.001, 81, 33)),
                new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.01, 81, 33)),
                new SymmetricOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.001, 81, 33)));
        BatchedSteadySolver.Result r = BatchedSteadySolver.solve(family, TIGHT, 2, null);
        assertEquals(1, r.waves());
        for (int m = 0; m < family.size(); m++) {
            double diff = maxRelDiff(r.density()[m], direct(family.get(m)));
            System.out.printf("model %d (%s): max rel diff vs direct %.2e, iterations max %d, residual max %.2e%n", m,
                    family.get(m).scheme(), diff, Arrays.stream(r.iterations()[m]).max().orElse(0),
                    Arrays.stream(r.residual()[m]).max().orElse(0));
            assertTrue(diff <= 1e-8, "model " + m + ": batched mg-gmres vs direct " + diff);
            for (int k = 0; k < family.get(m).bins(); k++) {
                assertTrue(
                        r.residual()[m][k] <= 1e-12,
                        "residual of model " + m + " bin " + k + ": " + r.residual()[m][k]);
                // the residual the batch reports is the true one
                double own = new PaperOrSymmetricResidual(family.get(m)).of(k, r.density()[m][k]);
                assertEquals(own, r.residual()[m][k], 1e-3 * own + 1e-15);
            }
        }
        assertTrue(r.maxIterations() <= 30, "iterations " + r.maxIterations());
        assertEquals("81×33 → 41×17 → 21×9 (banded LU)", r.hierarchy());
    }

    /** ‖L N + S‖/‖S‖ of one bin, recomputed from the matrix. */
    private record PaperOrSymmetricResidual(SteadyOperator op) {
        double of(int k, double[] n) { return op.matrix(k).relativeResidual(n, op.source(k)); }
    }

    @Test void wavesGiveTheSameAnswerAsOneBatch() {
        List<SteadyOperator> family = List.of(
                new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.001, 81, 33)),
                new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.003, 81, 33)));
        SpatialGrid g = family.get(0).grid();
        long per = BatchedSteadySolver.bytesPerSystem(g, BatchedSteadySolver.MAX_RESTART);
        BatchedSteadySolver.Result one = BatchedSteadySolver.solve(family, TIGHT, 2, null, 1000 * per);
        BatchedSteadySolver.Result waves = BatchedSteadySolver.solve(family, TIGHT, 2, null, 7 * per + per / 2);
        int systems = family.get(0).bins() + family.get(1).bins();
        assertEquals(1, one.waves());
        assertEquals(7, waves.systemsPerWave());
        assertEquals((systems + 6) / 7, waves.waves());
        for (int m = 0; m < 2; m++) {
            // each system's iterations see only its own data: the split cannot change the answer
            assertArrayEquals(one.iterations()[m], waves.iterations()[m]);
            for (int k = 0; k < family.get(m).bins(); k++) {
                assertArrayEquals(one.density()[m][k], waves.density()[m][k], 0.0);
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BatchedSteadySolver.solve(family, TIGHT, 2, null, per - 1));
        assertTrue(e.getMessage().contains("one multigrid system of the 81x33 grid needs"), e.getMessage());
    }

    @Test void memoryEstimateCoversWhatTheSetupHolds() {
        SteadyOperator op = new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.01, 201, 81));
        List<NinePointMatrix> one = new ArrayList<>(List.of(op.matrix(0)));
        try (CpuMultigridBatch setup = new CpuMultigridBatch(one, 1)) {
            var packed = setup.pack();
            int restart = BatchedSteadySolver.MAX_RESTART;
            long krylov = 8L * (2 * restart + 2) * op.grid().size();
            long vectors = 0;
            for (var l : packed.levels()) {
                vectors += 8L * 3 * l.nodes();
            }
            long estimate = BatchedSteadySolver.bytesPerSystem(op.grid(), restart);
            long held = packed.bytes() + krylov + vectors;
            System.out.printf("201x81: estimate %d B per system, packed hierarchy %d B + vectors %d B = %d B%n",
                    estimate, packed.bytes(), krylov + vectors, held);
            assertTrue(estimate >= held, "estimate " + estimate + " < held " + held);
            assertTrue(estimate <= 1.1 * held, "estimate " + estimate + " far above held " + held);
        }
    }

    @Test void aSystemWithoutSourceHasTheZeroSolution() {
        SteadyOperator op = new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.01, 81, 33));
        List<NinePointMatrix> m = List.of(op.matrix(0), op.matrix(1));
        try (CpuMultigridBatch ops = new CpuMultigridBatch(m, 2)) {
            double[][] s = {op.source(0), new double[op.grid().size()]};
            double[][] x = ops.vector(0);
            double[][] src = ops.vector(0);
            ops.upload(s, src);
            Arrays.fill(x[1], 3.0); // a start guess that must not survive
            BatchedMgGmres.Outcome o = BatchedMgGmres.solve(ops, src, x, 1e-10, 100, 20, 2);
            assertTrue(o.allConverged());
            assertEquals(0, o.iterations()[1]);
            for (double v : x[1]) {
                assertEquals(0.0, v);
            }
            assertTrue(o.iterations()[0] > 0 && o.relativeResidual()[0] <= 1e-10);
        }
    }
}
