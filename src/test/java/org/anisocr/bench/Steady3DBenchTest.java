package org.anisocr.bench;

import org.anisocr.solver.steady3d.Steady3DSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Steady3DBenchTest {

    @Test
    void timesEveryAskedBinOfTheIssuesModelOnACoarseGrid() throws InterruptedException {
        Steady3DBench.Options o = Steady3DBench.Options.realistic(1.0, 0.01, Steady3DSettings.defaults())
                .withBins(new int[] {0, 1, 2, 32}, true, 2);
        Steady3DBench.Result r = Steady3DBench.run(o);
        assertEquals("41x41x9", r.grid());
        assertEquals(41L * 41 * 9, r.nodes());
        assertEquals(4, r.bins().size());
        for (Steady3DBench.BinTiming b : r.bins()) {
            assertTrue(b.converged() && b.relativeResidual() <= 1e-10, b.toString());
        }
        assertEquals(1.0, r.bins().get(0).pGeV(), 1e-12);
        assertEquals(1e4, r.bins().get(3).pGeV(), 1e-8);
        assertTrue(r.estimatedBytes() > 0 && r.runSeconds() >= r.setupSeconds());
    }

    @Test
    void binsSplitIntoContiguousChains() {
        assertEquals(List.of(List.of(0, 1), List.of(2, 3, 4)), Steady3DBench.chains(new int[] {0, 1, 2, 3, 4}, 2));
        assertEquals(List.of(List.of(7)), Steady3DBench.chains(new int[] {7}, 4));
    }
}
