package org.anisocr.solver.gpu;

import org.anisocr.Gpu;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SolverTuning.SteadyKernel;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * GPU steady solve (kernel steady_band_lu) vs the Java direct solve ({@link DirectSteadySolver}) on P3 31×31 and
 * 61×61, the toy model, the realistic field and a two-model family: same fixed point to ≤ 1e-8 relative (max norm;
 * in emulation the agreement is bitwise, kernels/emu), device residual ≤ 1e-10 and equal to the host residual.
 * Skips (JUnit assumption) where no GPU or no CUDA driver is present.
 */
@Gpu
class GpuSteadySolverTest {

    @BeforeEach
    void needGpu() {
        GpuInfo info = GpuDevice.probe();
        Assumptions.assumeTrue(info.available(), "no GPU: " + info.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"p3", "p3-61", "toy", "realistic", "tilted", "random", "family"})
    void matchesTheDirectSolve(String which) {
        check(which, SteadyKernel.AUTO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "random", "family"})
    void globalMemoryKernelToo(String which) {
        check(which, SteadyKernel.GLOBAL);
    }

    private static void check(String which, SteadyKernel kernel) {
        List<TransportProblem> models = SteadyEmulationExport.problems(which);
        GpuSteadySolver.Result r;
        try (GpuSteadySolver gpu = new GpuSteadySolver().kernel(kernel)) {
            r = gpu.solve(models);
        }
        if (kernel == SteadyKernel.GLOBAL) {
            assertEquals("steady_band_lu", r.kernel());
        }
        for (int m = 0; m < models.size(); m++) {
            TransportProblem p = models.get(m);
            double[][] ref = new DirectSteadySolver(p, 0).solve();
            for (int k = 0; k < p.bins(); k++) {
                double d = 0;
                double mag = 0;
                for (int i = 0; i < ref[k].length; i++) {
                    d = Math.max(d, Math.abs(r.density()[m][k][i] - ref[k][i]));
                    mag = Math.max(mag, Math.abs(ref[k][i]));
                }
                assertTrue(d <= 1e-8 * mag, which + " model " + m + " bin " + k + ": max rel diff " + d / mag);
                double host = DiscreteOperator.relativeResidual(p, k, r.density()[m][k]);
                assertTrue(r.residual()[m][k] <= 1e-10, which + " residual " + r.residual()[m][k]);
                assertEquals(host, r.residual()[m][k], 1e-6 * host + 1e-15, which + " device vs host residual");
            }
        }
    }
}
