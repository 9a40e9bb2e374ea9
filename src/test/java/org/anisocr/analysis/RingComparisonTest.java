package org.anisocr.analysis;

import org.anisocr.analysis.RingComparison.RingPoint;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ring averages and χ² on synthetic points (the real Fermi-LAT files of data/ are empty, see data/README.md). */
class RingComparisonTest {
    private static final double[] R = new double[201];

    static {
        for (int i = 0; i < R.length; i++) {
            R[i] = 0.1 * i;
        }
    }

    @Test void ringAverageIsAreaWeighted() {
        // y = R: ⟨R⟩ over [a, b] with weight R is (2/3)(b³ − a³)/(b² − a²); [2, 4]: (2/3)·56/12 = 3.111…
        // (midpoint rule, 400 subintervals: error h²/24·(b − a)·2/∫R dR ≈ 7e-7)
        double[] y = R.clone();
        assertEquals(2.0 / 3 * 56 / 12, RingComparison.ringAverage(R, y, 2, 4), 2e-6);
        // a constant is its own average
        double[] c = new double[R.length];
        Arrays.fill(c, 2.7);
        assertEquals(2.7, RingComparison.ringAverage(R, c, 0, 1.5), 1e-12);
        assertTrue(Double.isNaN(RingComparison.ringAverage(R, c, 15, 25)), "ring beyond the grid");
    }

    @Test void chi2CountsStandardisedResiduals() {
        double[] y = new double[R.length];
        Arrays.fill(y, 2.7);
        List<RingPoint> data = List.of(new RingPoint(0, 2, 2.7, 0.05), new RingPoint(2, 4, 2.8, 0.05),
                new RingPoint(4, 6, 2.6, 0.1), new RingPoint(18, 24, 2.0, 0.1));
        RingComparison.Chi2 c = RingComparison.chi2(R, y, data);
        assertEquals(3, c.points(), "the ring beyond 20 kpc is not used");
        assertEquals(0 + 4 + 1, c.chi2(), 1e-9);
        assertTrue(Double.isNaN(RingComparison.chi2(R, y, List.of()).chi2()), "no data: no χ²");
    }
}
