package org.anisocr.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RichardsonExtrapolationTest {
    /** q(h) = 3 + 0.7 h² exactly: order 2 observed, the limit recovered to rounding. */
    @Test void recoversOrderAndLimitOfAnExactPowerLaw() {
        double[] h = {0.1, 0.05, 0.025, 0.0125};
        double[] q = new double[4];
        for (int k = 0; k < 4; k++) {
            q[k] = 3 + 0.7 * h[k] * h[k];
        }
        RichardsonExtrapolation r = RichardsonExtrapolation.of(q, 2, 2);
        assertEquals(2, r.observed(), 1e-9);
        assertEquals(3, r.extrapolated(), 1e-12);
        assertEquals(0.7 * 0.0125 * 0.0125, r.errorEstimate(), 1e-12);
        // first order: 1 − 2h
        for (int k = 0; k < 4; k++) {
            q[k] = 1 - 2 * h[k];
        }
        r = RichardsonExtrapolation.of(q, 2, 2);
        assertEquals(1, r.observed(), 1e-9);
        assertEquals(1, r.extrapolated(), 1e-12);
    }

    @Test void fallsBackToTheFormalOrderWhenNoOrderCanBeObserved() {
        RichardsonExtrapolation two = RichardsonExtrapolation.of(new double[]{1.04, 1.01}, 2, 2);
        assertTrue(Double.isNaN(two.observed()));
        assertEquals(1.0, two.extrapolated(), 1e-12);
        RichardsonExtrapolation growing = RichardsonExtrapolation.of(new double[]{1.0, 1.01, 1.03}, 2, 2);
        assertTrue(Double.isNaN(growing.observed()));
        assertEquals(2, growing.orderUsed());
    }
}
