package org.anisocr.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BesselI0Test {
    /** e^(−x) I0(x) from mpmath (30 digits), on both sides of the series/asymptotic switch at x = 30. */
    private static final double[][] KNOWN = {
            {0, 1.0}, {0.5, 0.645035270449150068}, {1, 0.465759607593640437}, {5, 0.183540812609328353},
            {10, 0.127833337163428607}, {20, 0.0897803118848260216}, {29.9, 0.0732692190460019077},
            {30.1, 0.0730232941310609419}, {50, 0.0565616266474541925}, {100, 0.0399443792990966826},
            {1000, 0.0126172404558912566}, {1e5, 0.00126156783797677677}};

    @Test void matchesReferenceValues() {
        for (double[] k : KNOWN) {
            assertEquals(k[1], BesselI0.scaled(k[0]), 2e-15 * k[1] + 1e-300, "x = " + k[0]);
        }
    }

    @Test void isEven() {
        assertEquals(BesselI0.scaled(3.3), BesselI0.scaled(-3.3), 0);
    }
}
