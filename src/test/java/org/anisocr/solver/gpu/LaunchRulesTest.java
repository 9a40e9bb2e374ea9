package org.anisocr.solver.gpu;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launch geometry of GpuRuntime.launch without a GPU: a launch of no thread is no launch (it used to be one block,
 * which read and wrote past a half-sweep that has no line), and the block sizes the kernels rely on are refused before
 * a launch when wrong.
 */
class LaunchRulesTest {
    @Test
    void noThreadMeansNoBlock() {
        assertEquals(0, LaunchRules.blocks("mg_relax_pcr", 0, 32));
        assertEquals(1, LaunchRules.blocks("mg_stencil", 1, 128));
        assertEquals(2, LaunchRules.blocks("mg_stencil", 129, 128));
        assertEquals(33, LaunchRules.blocks("reduce_columns", 256L * 33, 256));
    }

    /**
     * A 401×3 grid keeps nZ = 3 on every level (z is never halved), so the half-sweep along R of parity 0 has no line:
     * rows 2, 4, … below nZ − 1 = 2. Its launch, as GpuMultigridBatch.relax computes it, has no block.
     */
    @Test
    void zeroLineHalfSweepOfAThreeRowGridLaunchesNothing() {
        int nR = 401;
        int nZ = 3;
        int entries = 33;
        int parity = 0;
        int lines = GpuMultigridBatch.lineCount(1 + ((1 + parity) & 1), nZ - 1);
        assertEquals(0, lines);
        int block = GpuMultigridBatch.pcrBlock(nR - 1);
        assertEquals(0, LaunchRules.blocks("mg_relax_pcr", (long) lines * entries * block, block));
        assertEquals(0, LaunchRules.blocks("mg_relax_r", (long) lines * entries, GpuMultigridBatch.BLOCK));
        assertEquals(1, GpuMultigridBatch.lineCount(1 + ((1 + 1) & 1), nZ - 1), "parity 1 keeps row 1");
    }

    @Test
    void reduceColumnsNeedsExactly256Threads() {
        LaunchRules.blocks("reduce_columns", 256, 256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchRules.blocks("reduce_columns", 128, 128));
        assertTrue(e.getMessage().contains("exactly 256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchRules.blocks("reduce_columns", 512, 512));
    }

    @Test
    void steadyKernelsNeedAPowerOfTwoBlockOfAtMost256() {
        for (String k : List.of("steady_band_lu", "steady_band_lu_shm")) {
            for (int ok : new int[] {1, 16, 64, 256}) {
                LaunchRules.blocks(k, ok, ok);
            }
            for (int bad : new int[] {96, 192, 512}) {
                IllegalArgumentException e =
                        assertThrows(IllegalArgumentException.class, () -> LaunchRules.blocks(k, bad, bad));
                assertTrue(e.getMessage().contains(k) && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
            }
        }
        assertEquals(
                GpuSteadySolver.BLOCK,
                Integer.highestOneBit(GpuSteadySolver.BLOCK),
                "the production block is a power of two");
        assertTrue(GpuSteadySolver.BLOCK <= LaunchRules.STEADY_MAX_BLOCK);
    }

    @Test
    void refusesNegativeCountsAndImpossibleBlocks() {
        assertThrows(IllegalArgumentException.class, () -> LaunchRules.blocks("mg_scale", -1, 128));
        assertThrows(IllegalArgumentException.class, () -> LaunchRules.blocks("mg_scale", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LaunchRules.blocks("mg_scale", 1, 2048));
        // more blocks than a grid may have is a device limit: auto falls back to the CPU for it
        assertThrows(GpuLimitException.class, () -> LaunchRules.blocks("mg_scale", 1L << 40, 32));
    }

    /** A failed open gives back the module, then the context; a failing unload does not keep the context retained. */
    @Test
    void failedOpenReleasesInReverseOrderAndKeepsGoing() {
        List<String> order = new ArrayList<>();
        Release release = new Release();
        GpuRuntime.releaseInReverse(GpuRuntime.Acquired.MODULE, release, () -> {
            order.add("module");
            throw new IllegalStateException("unload failed");
        }, () -> order.add("context"));
        assertEquals(List.of("module", "context"), order);
        RuntimeException e = assertThrows(RuntimeException.class, release::throwIfFailed);
        assertTrue(e.getMessage().contains("kernel module"), e.getMessage());

        order.clear();
        Release second = new Release();
        GpuRuntime.releaseInReverse(
                GpuRuntime.Acquired.CONTEXT, second, () -> order.add("module"), () -> order.add("context"));
        assertEquals(List.of("context"), order, "no module was loaded");
        second.throwIfFailed();
    }

    /** The capture's cleanup errors join the launch error; the launch error stays the one thrown. */
    @Test
    void cleanupErrorsAreSuppressedNotThrownInstead() {
        IllegalStateException launch = new IllegalStateException("launch failed");
        Release release = new Release();
        release.run("ending the failed capture", () -> {
            throw new IllegalStateException("CUDA_ERROR_STREAM_CAPTURE_INVALIDATED");
        });
        GpuBatchStepper.suppressInto(launch, release);
        assertEquals(1, launch.getSuppressed().length);
        assertTrue(launch.getSuppressed()[0].getMessage().contains("CAPTURE_INVALIDATED"));
    }
}
