package org.anisocr.solver.gpu;

import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.junit.jupiter.api.Test;

import static org.anisocr.solver.gpu.GpuBatchStepper.LineSolver.AUTO;
import static org.anisocr.solver.gpu.GpuBatchStepper.LineSolver.PCR;
import static org.anisocr.solver.gpu.GpuBatchStepper.LineSolver.THOMAS;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Which relaxation kernel {@link GpuMultigridBatch#relax} takes (no GPU needed): the rule of
 * {@link GpuMultigridBatch#relaxKernel(GpuBatchStepper.LineSolver, int, int, int)}, the PCR block size, and the
 * system property {@value GpuMultigridBatch#RELAX_PROPERTY}.
 */
class GpuMultigridRelaxRuleTest {

    @Test void autoTakesPcrForOneModelAndThomasForAFamily() {
        // one model, 201×81, 33 bins: 40 rows of a parity × 33 = 1,320 Thomas threads, lines of 200 unknowns
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(AUTO, 40, 33, 200));
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(AUTO, 100, 33, 79));
        // 801×321 one model: 160 rows × 33 and 400 columns × 33, both below the threshold, lines ≤ 1024
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(AUTO, 160, 33, 800));
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(AUTO, 400, 33, 319));
        // a family of 64 models (E = 2112) on 201×81: ~84,000 Thomas threads
        assertEquals(THOMAS, GpuMultigridBatch.relaxKernel(AUTO, 40, 2112, 200));
        // just at the threshold: Thomas
        long t = GpuMultigridBatch.PCR_BELOW_THOMAS_THREADS;
        assertEquals(THOMAS, GpuMultigridBatch.relaxKernel(AUTO, (int) (t / 32), 32, 100));
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(AUTO, (int) (t / 32) - 1, 32, 100));
        // 1601-wide rows (1600 unknowns) never fit a block, even when asked for
        assertEquals(THOMAS, GpuMultigridBatch.relaxKernel(AUTO, 320, 33, 1600));
        assertEquals(THOMAS, GpuMultigridBatch.relaxKernel(PCR, 320, 33, 1600));
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(PCR, 320, 33, 1024));
        assertEquals(PCR, GpuMultigridBatch.relaxKernel(PCR, 40, 2112, 200));
        assertEquals(THOMAS, GpuMultigridBatch.relaxKernel(THOMAS, 40, 33, 200));
    }

    @Test void pcrBlockIsTheNextPowerOfTwoAtLeastAWarp() {
        assertEquals(32, GpuMultigridBatch.pcrBlock(7));
        assertEquals(32, GpuMultigridBatch.pcrBlock(32));
        assertEquals(64, GpuMultigridBatch.pcrBlock(33));
        assertEquals(256, GpuMultigridBatch.pcrBlock(200));
        assertEquals(1024, GpuMultigridBatch.pcrBlock(800));
        assertEquals(1024, GpuMultigridBatch.pcrBlock(1024));
    }

    @Test void eachLineRelaxationIsTheLineSolverOfTheSameName() {
        assertEquals(AUTO, GpuMultigridBatch.lineSolver(LineRelaxation.AUTO));
        assertEquals(THOMAS, GpuMultigridBatch.lineSolver(LineRelaxation.THOMAS));
        assertEquals(PCR, GpuMultigridBatch.lineSolver(LineRelaxation.PCR));
    }
}
