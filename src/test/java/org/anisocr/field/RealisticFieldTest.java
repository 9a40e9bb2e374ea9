package org.anisocr.field;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RealisticFieldTest {
    private static final double TOL = 1e-9;
    private final RealisticField field = RealisticField.standard();
    private final PshirkovAzimuthalField az = PshirkovAzimuthalField.pshirkov2011Ass();
    private final JanssonFarrarXField x = JanssonFarrarXField.jf12();

    @Test
    void azimuthalValuesByHand() {
        // Disk at the Sun (R = R☉ = 8.3, z = 0): 2 µG · e^0 · e^0 = 2.
        assertEquals(2.0, az.disk(8.3, 0), TOL);
        // Disk at R = 12 ≥ Rc, z = 0.5: 2 · e^(−0.5/1) · e^(−(12 − 8.3)/10) = 2 · 0.606531 · 0.690734 = 0.837903098
        assertEquals(0.837903098495278, az.disk(12, 0.5), TOL);
        // Disk inside Rc (R = 3, z = 2): no radial factor, 2 · e^(−2) = 0.270670566
        assertEquals(0.2706705664732254, az.disk(3, 2), TOL);
        // Halo at R = 8.3, z = 0 (|z| < z0H → z1H = 0.25): u = (0 − 1.3)/0.25 = −5.2, 1 + u² = 28.04;
        // x = 8.3/8 = 1.0375, x e^(1−x) = 1.0375 · e^(−0.0375) = 0.999311; 4/28.04 · 0.999311 = 0.142555522
        assertEquals(0.14255552188093473, az.halo(8.3, 0), TOL);
        // Halo at R = 4, z = 2 (|z| ≥ z0H → z1H = 0.4): u = 0.7/0.4 = 1.75, 1 + u² = 4.0625;
        // x = 0.5, x e^(0.5) = 0.824361; 4/4.0625 · 0.824361 = 0.811678164
        assertEquals(0.8116781640369863, az.halo(4, 2), TOL);
        assertEquals(2.0 + 0.14255552188093473, field.at(8.3, 0).bPhi(), TOL);
    }

    @Test
    void xFieldValuesByHand() {
        // (8.3, 0): rc = RXc = 4.8 ≤ R → outer branch, Rp = 8.3, BX = 4.6 e^(−8.3/2.9) · 8.3/8.3 = 0.262806;
        // B_z = BX sin 49° = 0.198407; B_R = sign(0) BX cos 49° = 0 (odd in z: it vanishes on the plane)
        double[] b = x.at(8.3, 0);
        assertEquals(0.0, b[0], 0.0);
        assertEquals(0.19840697515595682, b[1], TOL);
        // Just above the plane the outer branch has B_R = BX cos 49° = 0.172473 (limit z → 0⁺)
        assertEquals(0.17247255219330682, x.at(8.3, 1e-12)[0], TOL);
        // (2, 1): tan 49° = 1.150368, rc = 4.8 + 1/1.150368 = 5.669287 > 2 → inner branch;
        // RXc/rc = 0.846667, Rp = 1.693335, BX = 4.6 e^(−1.693335/2.9) · 0.846667² = 1.839057;
        // ΘX = atan2(1, 2 − 1.693335) = 1.273236 rad; B_R = BX cos ΘX = 0.539191, B_z = BX sin ΘX = 1.758239
        b = x.at(2, 1);
        assertEquals(0.5391908622334415, b[0], TOL);
        assertEquals(1.7582389512181775, b[1], TOL);
        // Mirror point (2, −1): B_R flips, B_z stays
        double[] m = x.at(2, -1);
        assertEquals(-b[0], m[0], TOL);
        assertEquals(b[1], m[1], TOL);
        // (10, 1): outer branch, Rp = 10 − 0.869287 = 9.130713, BX = 4.6 e^(−9.130713/2.9) · 9.130713/10 = 0.180251;
        // B_R = BX cos 49° = 0.118255, B_z = BX sin 49° = 0.136037
        b = x.at(10, 1);
        assertEquals(0.11825507908410586, b[0], TOL);
        assertEquals(0.1360369069717774, b[1], TOL);
    }

    @Test
    void axisLimitIsFiniteAndVertical() {
        // R = 0, z = 2: rc = 4.8 + 2/1.150368 = 6.538573, BX = 4.6 · (4.8/6.538573)² = 2.478987, vertical.
        double[] b = x.at(0, 2);
        assertEquals(0, b[0], 1e-12);
        assertEquals(2.4789872304559633, b[1], TOL);
        // The plane at the axis: rc = RXc, BX = BX0, vertical (no 0/0).
        b = x.at(0, 0);
        assertEquals(0, b[0], 1e-15);
        assertEquals(4.6, b[1], TOL);
        // Approaching the axis: continuous limit, direction → vertical.
        for (double z : new double[] {-3, -0.5, 0.1, 1, 3}) {
            double[] near = x.at(1e-9, z);
            double[] on = x.at(0, z);
            assertTrue(Double.isFinite(near[0]) && Double.isFinite(near[1]));
            assertEquals(on[1], near[1], 1e-8);
            assertEquals(0, near[0] / near[1], 1e-8);
        }
        FieldVector v = field.at(0, 1.5);
        assertTrue(Double.isFinite(v.magnitude()));
        assertEquals(0, v.bR(), 1e-12);
    }

    @Test
    void zSymmetry() {
        for (double r : new double[]{0, 0.05, 1, 3.3, 4.8, 5, 7, 8.3, 12, 19.9}) {
            for (double z : new double[]{0.05, 0.3, 1, 1.3, 2.2, 4}) {
                FieldVector up = field.at(r, z);
                FieldVector down = field.at(r, -z);
                assertEquals(up.bPhi(), down.bPhi(), 1e-14, "B_phi even");
                assertEquals(up.bZ(), down.bZ(), 1e-14, "B_z even");
                assertEquals(up.bR(), -down.bR(), 1e-14, "B_R odd");
            }
        }
    }

    @Test
    void acrossRcAngleContinuousMagnitudeJumpsAsPublished() {
        double tan = Math.tan(Math.toRadians(49));
        for (double z : new double[] {0.5, 1, 2.5}) {
            double rc = 4.8 + z / tan;
            double[] in = x.at(rc * (1 - 1e-12), z);
            double[] out = x.at(rc, z);
            double thetaIn = Math.atan2(in[1], in[0]);
            double thetaOut = Math.atan2(out[1], out[0]);
            assertEquals(Math.toRadians(49), thetaOut, 1e-12);
            assertEquals(thetaOut, thetaIn, 1e-9, "elevation angle is continuous at rc");
            // JF12 as published: inner BX0 e^(−RXc/RX)(RXc/rc)², outer BX0 e^(−RXc/RX)(RXc/rc): ratio RXc/rc.
            double ratio = Math.hypot(in[0], in[1]) / Math.hypot(out[0], out[1]);
            assertEquals(4.8 / rc, ratio, 1e-9);
        }
        // In the plane rc = RXc and both branches have the same BX (Rp = R, ratio 1); B_R = 0 on the plane (odd in z),
        // so the inner branch gives B_z = BX and the outer one B_z = BX sin ΘX0.
        double[] in = x.at(4.8 - 1e-12, 0);
        double[] out = x.at(4.8, 0);
        assertEquals(0.0, in[0], 0.0);
        assertEquals(0.0, out[0], 0.0);
        assertEquals(in[1] * Math.sin(Math.toRadians(49)), out[1], 1e-9);
    }

    /** B_R odd, B_φ and B_z even in z, exactly; B_R = 0 on the plane at every R (inner and outer X branch). */
    @Test
    void fieldIsExactlyMirrorSymmetric() {
        for (double r = 0; r <= 20; r += 0.1) {
            for (double z = 0; z <= 4; z += 0.1) {
                FieldVector up = field.at(r, z);
                FieldVector down = field.at(r, -z);
                assertEquals(up.bR(), -down.bR(), 0.0, "B_R odd at " + r + ", " + z);
                assertEquals(up.bPhi(), down.bPhi(), 0.0, "B_phi even at " + r + ", " + z);
                assertEquals(up.bZ(), down.bZ(), 0.0, "B_z even at " + r + ", " + z);
            }
        }
        for (double r = 0; r <= 20; r += 0.05) {
            assertEquals(0.0, field.at(r, 0).bR(), 0.0, "B_R on the plane at R = " + r);
        }
    }
}
