package org.anisocr.solver.gpu;

import org.anisocr.Gpu;
import org.anisocr.field.RealisticField;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.SingularSystemException;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.CpuMultigridBatch;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The device multigrid setup ({@link GpuMultigridSetup}, kernels/multigrid_setup.cu) vs the CPU setup of the same
 * systems ({@link CpuMultigridBatch#pack}): every level's operator and line factors, the coarsest band and pivots, on
 * the realistic model (201×81, 33 bins), the cases of {@link MultigridSetupEmulationExport} (a 2-model family from
 * inside a model, both semi-coarsenings, random tables with row interchanges) and a singular system; and a batched
 * solve with either setup (the same densities). Expected bitwise (as in
 * emulation); asserted to 1e-15 relative of each array's largest value, the count of values not bitwise equal in the
 * message. Skips (JUnit assumption) where no GPU or no CUDA driver is present.
 */
@Gpu
class GpuMultigridSetupTest {

    @BeforeEach
    void needGpu() {
        GpuInfo info = GpuDevice.probe();
        Assumptions.assumeTrue(info.available(), "no GPU: " + info.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"family", "semi-z", "semi-r", "random"})
    void equalsTheCpuSetup(String which) {
        check(which, MultigridSetupEmulationExport.of(which));
    }

    @Test void realisticModel() {
        TransportProblem p = MultigridSetupEmulationExport.galaxy(RealisticField.standard(), 0.01, 201, 81, 33);
        check(
                "realistic 201x81x33",
                new MultigridSetupEmulationExport.Case(List.of(p), MultigridSetupEmulationExport.all(List.of(p))));
    }

    @Test void zeroPivotNamesTheModelAndBin() {
        TransportProblem p = MultigridSetupEmulationExport.galaxy(RealisticField.standard(), 0.01, 41, 21, 3);
        for (double[][] table : List.of(p.coefficients().isotropicTable(), p.coefficients().anisotropicTable())) {
            for (double[] row : table) {
                Arrays.fill(row, 0);
            }
        }
        List<int[]> systems = List.of(new int[] {0, 2}, new int[] {0, 1});
        try (GpuRuntime rt = GpuRuntime.open()) {
            SingularSystemException e = assertThrows(SingularSystemException.class,
                    () -> GpuMultigridSetup.build(rt, CpuMultigridBatch.shape(p.grid(), 2), List.of(p), systems));
            assertEquals(0, e.model());
            assertEquals(2, e.bin(), e.getMessage());
        }
    }

    /**
     * The whole batched solve with the device's own setup and with the CPU's (packed and uploaded): the same answer.
     */
    @Test void batchedSolveIsTheSameWithEitherSetup() {
        List<SteadyOperator> family = new ArrayList<>();
        for (TransportProblem p : MultigridSetupEmulationExport.of("family").models()) {
            family.add(new PaperSteadyOperator(p));
        }
        SteadySettings tight = SteadySettings.defaults(SteadyMethod.MG_GMRES).withTolerance(1e-12);
        BatchedSteadySolver.Result device;
        BatchedSteadySolver.Result cpu;
        try (GpuMultigridDevice d = GpuMultigridDevice.open()) {
            device = BatchedSteadySolver.solve(family, tight, 0, d);
        }
        SolverTuning onCpu = SolverTuning.defaults().withMultigridSetup(MultigridSetupPlace.CPU);
        try (GpuMultigridDevice d = GpuMultigridDevice.open()) {
            cpu = BatchedSteadySolver.solve(family, tight, onCpu, 0, d);
        }
        assertEquals("device", device.setup());
        assertEquals("cpu", cpu.setup());
        System.out.printf("batched solve, family 81x33 (%d systems): setup on the device %.4f s, on the CPU %.4f s%n",
                12, device.setupSeconds(), cpu.setupSeconds());
        for (int m = 0; m < family.size(); m++) {
            for (int k = 0; k < family.get(m).bins(); k++) {
                same("model " + m + " bin " + k + " density", cpu.density()[m][k], device.density()[m][k]);
            }
        }
        assertTrue(device.maxResidual() <= 1e-12, "residual " + device.maxResidual());
    }

    private static void check(String which, MultigridSetupEmulationExport.Case c) {
        int e = c.entries();
        PackedMultigrid ref;
        try (CpuMultigridBatch cpu = new CpuMultigridBatch(c.matrices(), 0)) {
            ref = cpu.pack();
        }
        PackedMultigrid got;
        try (GpuRuntime rt = GpuRuntime.open()) {
            GpuMultigridSetup.Hierarchy h = GpuMultigridSetup.build(
                    rt, CpuMultigridBatch.shape(c.models().get(0).grid(), e), c.models(), c.systems());
            assertEquals(ref.bytes(), h.bytes(), which + ": device bytes of the hierarchy");
            got = h.download(rt);
            h.free(rt);
        }
        assertEquals(ref.levels().size(), got.levels().size(), which + ": levels");
        for (int k = 0; k < ref.levels().size(); k++) {
            PackedMultigrid.Level r = ref.levels().get(k);
            PackedMultigrid.Level g = got.levels().get(k);
            assertEquals(
                    List.of(r.nR(), r.nZ(), r.coarsenR(), r.coarsenZ()),
                    List.of(g.nR(), g.nZ(), g.coarsenR(), g.coarsenZ()),
                    which + " level " + k + " shape");
            same(which + " level " + k + " operator", r.coefficients(), g.coefficients());
            same(which + " level " + k + " line factors", r.lineFactors(), g.lineFactors());
        }
        PackedMultigrid.Coarsest r = ref.coarsest();
        PackedMultigrid.Coarsest g = got.coarsest();
        assertEquals(
                List.of(r.n(), r.kl(), r.ku(), r.radialFastest()),
                List.of(g.n(), g.kl(), g.ku(), g.radialFastest()),
                which + " coarsest");
        same(which + " coarsest band", r.band(), g.band());
        assertArrayEquals(r.pivot(), g.pivot(), which + " coarsest pivots");
    }

    private static void same(String what, double[] ref, double[] got) {
        assertEquals(ref.length, got.length, what + ": length");
        double d = 0;
        double m = 0;
        long unequal = 0;
        for (int q = 0; q < ref.length; q++) {
            d = Math.max(d, Math.abs(ref[q] - got[q]));
            m = Math.max(m, Math.abs(ref[q]));
            if (Double.doubleToRawLongBits(ref[q]) != Double.doubleToRawLongBits(got[q])) {
                unequal++;
            }
        }
        assertTrue(
                d <= 1e-15 * m,
                what + ": max rel diff " + d / m + ", " + unequal + " of " + ref.length + " values not bitwise equal");
    }
}
