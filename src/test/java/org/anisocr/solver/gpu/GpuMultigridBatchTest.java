package org.anisocr.solver.gpu;

import org.anisocr.Gpu;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.PaperSteadyOperator;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.steady.BatchedSteadySolver;
import org.anisocr.solver.steady.CpuMultigridBatch;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every operation of {@link GpuMultigridBatch} (the mg_* kernels through their host class) against the Java reference
 * {@link CpuMultigridBatch} on the problems of {@link MultigridEmulationExport} (three levels with full and semi-
 * coarsening in either direction, 37 systems, a two-model family, a randomised operator whose coarsest LU interchanges
 * rows): ≤ 1e-13 relative (in emulation the kernels are bitwise equal), dot products ≤ 1e-12; the relaxation with
 * either kernel (LineRelaxation thomas, pcr: mg_relax_pcr, equal to rounding), and a batched solve with either
 * giving the same densities (≤ 1e-10). Skips (JUnit assumption) where no GPU or no CUDA driver is present.
 */
@Gpu
class GpuMultigridBatchTest {
    static final double TOL = 1e-13;
    static final double DOT_TOL = 1e-12;

    @BeforeEach
    void needGpu() {
        GpuInfo info = GpuDevice.probe();
        Assumptions.assumeTrue(info.available(), "no GPU: " + info.reason());
    }

    @ParameterizedTest
    @CsvSource({"realistic, thomas", "semi-z, thomas", "semi-r, thomas", "random, thomas",
                "realistic, pcr", "semi-z, pcr", "semi-r, pcr"})
    void everyOperationMatchesTheJavaReference(String which, String relax) {
        List<NinePointMatrix> systems = MultigridEmulationExport.systems(which);
        LineRelaxation relaxation = LineRelaxation.valueOf(relax.toUpperCase(Locale.ROOT));
        try (CpuMultigridBatch cpu = new CpuMultigridBatch(systems, 0);
             GpuRuntime rt = GpuRuntime.open()) {
            PackedMultigrid packed = cpu.pack();
            try (GpuMultigridBatch gpu = new GpuMultigridBatch(rt, packed, relaxation)) {
                // the kernel asked for is the one run (every line of these cases fits a PCR block)
                for (int k = 0; k < gpu.levels() - 1; k++) {
                    for (boolean alongR : new boolean[]{true, false}) {
                        assertEquals(relax, gpu.relaxKernel(k, alongR, 0).name().toLowerCase(), which + " level " + k);
                    }
                }
                compare(which + " (" + relax + ")", cpu, gpu, packed);
            }
        }
    }

    /**
     * A batched solve of a family (12 systems) with mg_relax_pcr and with mg_relax_r/z: the same densities to 1e-10.
     */
    @Test void batchedSolveIsTheSameWithEitherRelaxationKernel() {
        List<SteadyOperator> family = new ArrayList<>();
        for (TransportProblem p : MultigridSetupEmulationExport.of("family").models()) {
            family.add(new PaperSteadyOperator(p));
        }
        SteadySettings tight = SteadySettings.defaults(SteadyMethod.MG_GMRES).withTolerance(1e-12);
        BatchedSteadySolver.Result pcr;
        BatchedSteadySolver.Result thomas;
        try (GpuMultigridDevice d = GpuMultigridDevice.open(LineRelaxation.PCR)) {
            pcr = BatchedSteadySolver.solve(family, tight, 0, d);
        }
        try (GpuMultigridDevice d = GpuMultigridDevice.open(LineRelaxation.THOMAS)) {
            thomas = BatchedSteadySolver.solve(family, tight, 0, d);
        }
        System.out.printf("batched solve, family (%d models): solve phase with PCR relaxation %.4f s, Thomas %.4f s%n",
                family.size(), pcr.solveSeconds(), thomas.solveSeconds());
        for (int m = 0; m < family.size(); m++) {
            assertSame(thomas.density()[m], pcr.density()[m], 1e-10, "model " + m + " density (pcr vs thomas)");
        }
        assertTrue(pcr.maxResidual() <= 1e-12, "residual " + pcr.maxResidual());
    }

    // Long on purpose: one GPU-vs-Java comparison per multigrid operation, in the order the kernels run, each a few
    // asserts on the same inputs; split, the inputs would have to be passed around or rebuilt per operation.
    @SuppressWarnings("checkstyle:MethodLength")
    private static void compare(String which, CpuMultigridBatch cpu, GpuMultigridBatch gpu, PackedMultigrid packed) {
        int restart = 4;
        int e = cpu.entries();
        int levels = cpu.levels();
        int[][] shapes = packed.levels().stream().map(l -> new int[] {l.nR(), l.nZ()}).toArray(int[][]::new);
        assertEquals(GpuMultigridBatch.hierarchyBytes(shapes, e) + 8L * packed.coarsest().n() * e, gpu.deviceBytes(),
                which + ": device memory after setup = hierarchy + coarsest work");
        assertEquals(e, gpu.entries());
        assertEquals(levels, gpu.levels());
        Random rnd = new Random(17);
        double[][][] f = new double[levels][][];
        double[][][] x = new double[levels][][];
        GpuMultigridBatch.Vector[] gf = new GpuMultigridBatch.Vector[levels];
        GpuMultigridBatch.Vector[] gx = new GpuMultigridBatch.Vector[levels];
        for (int k = 0; k < levels; k++) {
            PackedMultigrid.Level l = packed.levels().get(k);
            assertEquals(cpu.nodes(k), gpu.nodes(k));
            f[k] = MultigridEmulationExport.randomVector(rnd, e, l.nR(), l.nZ());
            x[k] = MultigridEmulationExport.randomVector(rnd, e, l.nR(), l.nZ());
            gf[k] = gpu.vector(k);
            gx[k] = gpu.vector(k);
            gpu.upload(f[k], gf[k]);
            gpu.upload(x[k], gx[k]);
            assertSame(f[k], gpu.download(gf[k]), 0, which + " upload/download round trip, level " + k);
        }
        for (int k = 0; k < levels; k++) {
            String at = which + " level " + k + ": ";
            if (k < levels - 1) {
                for (boolean alongR : new boolean[]{true, false}) {
                    for (int parity = 0; parity < 2; parity++) {
                        double[][] y = MultigridEmulationExport.copy(x[k]);
                        cpu.relax(k, alongR, parity, f[k], y);
                        GpuMultigridBatch.Vector gy = gpu.vector(k);
                        gpu.copy(gx[k], gy);
                        gpu.relax(k, alongR, parity, gf[k], gy);
                        assertSame(
                                y,
                                gpu.download(gy),
                                TOL,
                                at + "relax " + (alongR ? "along R" : "along z") + ", parity " + parity);
                    }
                }
                double[][] r = cpu.vector(k);
                cpu.residual(k, f[k], x[k], r);
                GpuMultigridBatch.Vector gr = gpu.vector(k);
                gpu.residual(k, gf[k], gx[k], gr);
                assertSame(r, gpu.download(gr), TOL, at + "residual");
                double[][] fc = cpu.vector(k + 1);
                cpu.restrict(k, f[k], fc);
                GpuMultigridBatch.Vector gfc = gpu.vector(k + 1);
                gpu.restrict(k, gf[k], gfc);
                assertSame(fc, gpu.download(gfc), TOL, at + "restrict");
                double[][] xf = MultigridEmulationExport.copy(x[k]);
                cpu.prolongAdd(k, x[k + 1], xf);
                GpuMultigridBatch.Vector gxf = gpu.vector(k);
                gpu.copy(gx[k], gxf);
                gpu.prolongAdd(k, gx[k + 1], gxf);
                assertSame(xf, gpu.download(gxf), TOL, at + "prolongAdd");
            } else {
                double[][] y = cpu.vector(k);
                cpu.coarsestSolve(f[k], y);
                GpuMultigridBatch.Vector gy = gpu.vector(k);
                gpu.coarsestSolve(gf[k], gy);
                assertSame(y, gpu.download(gy), TOL, at + "coarsest solve");
            }
        }
        PackedMultigrid.Level fine = packed.finest();
        double[][] w = cpu.vector(0);
        cpu.applyA(x[0], w);
        GpuMultigridBatch.Vector gw = gpu.vector(0);
        gpu.applyA(gx[0], gw);
        assertSame(w, gpu.download(gw), TOL, which + ": A z");

        int count = restart + 1;
        double[][] basis = cpu.block(count);
        GpuMultigridBatch.Vector gBasis = gpu.block(count);
        for (int i = 0; i < count; i++) {
            double[][] v = MultigridEmulationExport.randomVector(rnd, e, fine.nR(), fine.nZ());
            for (int b = 0; b < e; b++) {
                for (int q = 0; q < v[b].length; q++) {
                    v[b][q] += 0.5 * x[0][b][q];
                }
            }
            cpu.upload(v, cpu.member(basis, i));
            gpu.upload(v, gpu.member(gBasis, i));
        }
        for (int c : new int[] {1, count}) {
            double[][] d = cpu.dots(basis, c, x[0]);
            double[][] gd = gpu.dots(gBasis, c, gx[0]);
            for (int i = 0; i < c; i++) {
                for (int b = 0; b < e; b++) {
                    assertEquals(
                            d[i][b],
                            gd[i][b],
                            DOT_TOL * Math.abs(d[i][b]),
                            which + ": dot " + i + " of " + c + ", system " + b);
                }
            }
        }
        double[][] coefficients = new double[count][e];
        for (double[] row : coefficients) {
            for (int b = 0; b < e; b++) {
                row[b] = rnd.nextGaussian();
            }
        }
        for (int c : new int[] {1, count}) {   // twice in a row: the second coefficient copy waits for the first
            double[][] y = MultigridEmulationExport.copy(x[0]);
            cpu.combine(basis, c, coefficients, y);
            GpuMultigridBatch.Vector gy = gpu.vector(0);
            gpu.copy(gx[0], gy);
            gpu.combine(gBasis, c, coefficients, gy);
            assertSame(y, gpu.download(gy), TOL, which + ": combine of " + c);
        }
        double[] factors = new double[e];
        for (int b = 0; b < e; b++) {
            factors[b] = 1 / (1 + rnd.nextDouble());
        }
        double[][] s = MultigridEmulationExport.copy(x[0]);
        cpu.scale(s, factors);
        GpuMultigridBatch.Vector gs = gpu.vector(0);
        gpu.copy(gx[0], gs);
        gpu.scale(gs, factors);
        assertSame(s, gpu.download(gs), TOL, which + ": scale");
        gpu.zero(gs);
        assertSame(cpu.vector(0), gpu.download(gs), 0, which + ": zero");
        gpu.finish();
    }

    /** max |got − want| ≤ tol · max |want| per system. */
    static void assertSame(double[][] want, double[][] got, double tol, String what) {
        assertEquals(want.length, got.length, what + ": systems");
        for (int b = 0; b < want.length; b++) {
            double d = 0;
            double m = 0;
            for (int q = 0; q < want[b].length; q++) {
                d = Math.max(d, Math.abs(got[b][q] - want[b][q]));
                m = Math.max(m, Math.abs(want[b][q]));
            }
            assertTrue(d <= tol * m, what + ", system " + b + ": max rel diff " + (m > 0 ? d / m : d));
        }
    }
}
