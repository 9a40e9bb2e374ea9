package org.anisocr.solver.steady;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.SymmetricOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MultigridBatchOps;
import org.anisocr.solver.MultigridDevice;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where batched mg-gmres builds a device wave's hierarchies ({@link SolverTuning#multigridSetup}), with a stand-in
 * device that runs both paths on the Java reference: the device's own setup for the paper's operator (auto), the CPU
 * setup + upload when told (cpu) or for another scheme, the same answer either way, and clear errors; and the shape the
 * device is told ({@link CpuMultigridBatch#shape}) against the packed hierarchies.
 */
class MultigridSetupPlaceTest {
    /**
     * A device that works on the Java reference: setUpPaper builds the systems' hierarchies, upload rebuilds the next
     * wave's.
     */
    static final class StandIn implements MultigridDevice {
        final List<? extends SteadyOperator> models;
        final List<int[]> order = new ArrayList<>();
        int cursor;
        int setUps;
        int uploads;
        PackedMultigrid lastShape;

        StandIn(List<? extends SteadyOperator> models) {
            this.models = models;
            for (int m = 0; m < models.size(); m++) {
                for (int k = 0; k < models.get(m).bins(); k++) {
                    order.add(new int[]{m, k});
                }
            }
        }

        @Override public MultigridBatchOps<?> upload(PackedMultigrid packed) {
            uploads++;
            List<int[]> wave = order.subList(cursor, cursor + packed.entries());
            cursor += packed.entries();
            return batch(wave);
        }

        @Override
        public MultigridBatchOps<?> setUpPaper(
                PackedMultigrid shape, List<TransportProblem> problems, List<int[]> systems) {
            setUps++;
            lastShape = shape;
            assertEquals(systems.size(), shape.entries());
            for (int b = 0; b < systems.size(); b++) {
                assertArrayEquals(order.get(cursor + b), systems.get(b), "system " + b + " of the wave");
                assertSame(
                        ((PaperSteadyOperator) models.get(systems.get(b)[0])).problem(),
                        problems.get(systems.get(b)[0]));
            }
            cursor += systems.size();
            return batch(systems);
        }

        private CpuMultigridBatch batch(List<int[]> systems) {
            List<NinePointMatrix> m = new ArrayList<>();
            for (int[] mk : systems) {
                m.add(models.get(mk[0]).matrix(mk[1]));
            }
            return new CpuMultigridBatch(m, 1);
        }

        @Override public long memoryBudgetBytes() { return Long.MAX_VALUE / 4; }
        @Override public String describe() { return "stand-in device (Java reference)"; }
        @Override public void close() {}
    }

    private static List<SteadyOperator> paperFamily() {
        return List.of(new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.001, 81, 33)),
                new PaperSteadyOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.01, 81, 33)));
    }

    @Test void paperOperatorIsSetUpOnTheDeviceUnlessToldOtherwise() {
        List<SteadyOperator> family = paperFamily();
        long per = BatchedSteadySolver.bytesPerSystem(family.get(0).grid(), BatchedSteadySolver.MAX_RESTART);
        StandIn device = new StandIn(family);
        BatchedSteadySolver.Result onDevice =
                BatchedSteadySolver.solve(family, BatchedMgGmresTest.TIGHT, 1, device, 4 * per);
        assertEquals("device", onDevice.setup());
        assertEquals(3, onDevice.waves());   // 10 systems in waves of 4: 4, 4, 2
        assertEquals(3, device.setUps);
        assertEquals(0, device.uploads);
        assertEquals(2, device.lastShape.entries());

        StandIn cpuDevice = new StandIn(family);
        BatchedSteadySolver.Result onCpu = BatchedSteadySolver.solve(family, BatchedMgGmresTest.TIGHT,
                SolverTuning.defaults().withMultigridSetup(MultigridSetupPlace.CPU), 1, cpuDevice, 4 * per);
        assertEquals("cpu", onCpu.setup());
        assertEquals(0, cpuDevice.setUps);
        assertEquals(3, cpuDevice.uploads);
        for (int m = 0; m < family.size(); m++) {
            for (int k = 0; k < family.get(m).bins(); k++) {
                assertArrayEquals(onCpu.density()[m][k], onDevice.density()[m][k], "model " + m + " bin " + k);
            }
        }
        assertEquals(onCpu.hierarchy(), onDevice.hierarchy());
        assertEquals("cpu", BatchedSteadySolver.solve(family, BatchedMgGmresTest.TIGHT, 1, null).setup());
    }

    @Test void anotherSchemeIsSetUpOnTheCpuAndDeviceSetupThenFails() {
        List<SteadyOperator> mixed = List.of(paperFamily().get(0),
                new SymmetricOperator(SteadySolverTest.galaxy(SteadySolverTest.X, 0.01, 81, 33)));
        StandIn device = new StandIn(mixed);
        assertEquals("cpu", BatchedSteadySolver.solve(mixed, BatchedMgGmresTest.TIGHT, 1, device).setup());
        assertEquals(0, device.setUps);

        SolverTuning onDevice = SolverTuning.defaults().withMultigridSetup(MultigridSetupPlace.DEVICE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchedSteadySolver.solve(mixed, BatchedMgGmresTest.TIGHT, onDevice, 1, new StandIn(mixed)));
        assertTrue(e.getMessage().contains("solver.tuning.multigrid_setup = device"), e.getMessage());
    }

    @Test void shapeIsThatOfThePackedHierarchies() {
        int[][] grids = {{81, 33}, {65, 30}, {40, 65}, {41, 21}, {201, 81}, {25, 21}};
        for (int[] g : grids) {
            SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, g[0], g[1]);
            PackedMultigrid shape = CpuMultigridBatch.shape(grid, 2);
            PackedMultigrid packed;
            try (CpuMultigridBatch cpu = new CpuMultigridBatch(
                    List.of(MultigridSetupPlaceTest.laplacian(grid), MultigridSetupPlaceTest.laplacian(grid)), 1)) {
                packed = cpu.pack();
            }
            String at = g[0] + "x" + g[1];
            assertEquals(packed.levels().size(), shape.levels().size(), at);
            for (int k = 0; k < packed.levels().size(); k++) {
                PackedMultigrid.Level p = packed.levels().get(k);
                PackedMultigrid.Level s = shape.levels().get(k);
                assertEquals(
                        List.of(p.nR(), p.nZ(), p.coarsenR(), p.coarsenZ()),
                        List.of(s.nR(), s.nZ(), s.coarsenR(), s.coarsenZ()),
                        at + " level " + k);
                assertEquals(0, s.coefficients().length + s.lineFactors().length);
            }
            PackedMultigrid.Coarsest p = packed.coarsest();
            PackedMultigrid.Coarsest s = shape.coarsest();
            assertEquals(List.of(p.n(), p.kl(), p.ku(), p.radialFastest(), p.band().length / 2),
                    List.of(s.n(), s.kl(), s.ku(), s.radialFastest(), s.ld() * s.n()), at + " coarsest");
        }
    }

    /** A 5-point Laplacian-like operator with the boundary structure of the real ones (diagonally dominant). */
    static NinePointMatrix laplacian(SpatialGrid g) {
        NinePointMatrix m = new NinePointMatrix(g);
        for (int j = 1; j < g.nZ() - 1; j++) {
            for (int i = 0; i < g.nR() - 1; i++) {
                int idx = g.index(i, j);
                m.add(0, 0, idx, -4.5);
                m.add(1, 0, idx, 1);
                m.add(0, 1, idx, 1);
                m.add(0, -1, idx, 1);
                if (i > 0) {
                    m.add(-1, 0, idx, 1);
                }
            }
        }
        m.clearBoundaries();
        return m;
    }
}
