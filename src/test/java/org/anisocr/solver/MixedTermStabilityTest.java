package org.anisocr.solver;

import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.source.GreenPulse;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The up-front check must agree with what the scheme actually does on either side of the limit. */
class MixedTermStabilityTest {
    static TransportProblem tilted(double epsD) {
        return new TransportProblem(new SpatialGrid(Geometry.CARTESIAN, 4, 2, 41, 41), new MomentumGrid(1, 1, 1),
                new DiffusionTensor(0.033143, 0.3, 0.5, epsD, 1), new UniformField(10, 0, 10), new GreenPulse(2, 0, 0));
    }

    /** Max |N| after many steps from a random (all-mode) start. */
    static double growth(TransportProblem p, double dt, int steps) {
        try (CpuSplitStepper s = new CpuSplitStepper(p, 1)) {
            double[][] n = p.initialDensity();
            Random rnd = new Random(1);
            for (int j = 1; j < p.grid().nZ() - 1; j++) {
                for (int i = 0; i < p.grid().nR() - 1; i++) {
                    n[0][p.grid().index(i, j)] = rnd.nextDouble() - 0.5;
                }
            }
            s.setState(n);
            s.advance(dt, steps);
            double max = 0;
            for (double v : s.state()[0]) {
                max = Math.max(max, Math.abs(v));
            }
            return max;
        } catch (SolverDivergedException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    @Test void predictedLimitSeparatesDecayFromBlowUp() {
        TransportProblem p = tilted(0.01);
        double limit = MixedTermStability.largestStableDt(p, 100);
        assertTrue(limit > 0 && limit < 100, "limit " + limit);
        assertTrue(MixedTermStability.check(p, 0.9 * limit).stable());
        assertFalse(MixedTermStability.check(p, 1.3 * limit).stable());
        assertTrue(growth(p, 0.9 * limit, 3000) < 1, "stable below the limit");
        assertTrue(growth(p, 1.5 * limit, 3000) > 1e3, "blows up above the limit");
    }

    @Test void refusalNamesKeyValueAndLimit() {
        TransportProblem p = tilted(0.01);
        String m = assertThrows(
                        UnstableTimeStepException.class,
                        () -> MixedTermStability.requireStable(p, 50, "solver.ladder.dt_max_Myr"))
                .getMessage();
        assertTrue(m.contains("solver.ladder.dt_max_Myr = 50") && m.contains("≤"), m);
    }

    @Test void noMixedTermMeansUnconditionallyStable() {
        TransportProblem p = new TransportProblem(
                new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 21, 21),
                new MomentumGrid(1, 1, 1),
                new DiffusionTensor(0.033143, 0.3, 0.5, 0.01, 1),
                new UniformField(0, 0, 10),
                new GreenPulse(2, 0, 0));
        assertTrue(MixedTermStability.check(p, 1e6).stable());
    }
}
