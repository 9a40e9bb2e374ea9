package org.anisocr.field;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JanssonFarrar2012FieldTest {
    private final JanssonFarrar2012Field jf12 = JanssonFarrar2012Field.jf12();

    @Test
    void agreesWithCrpropaTo1e12() throws IOException {
        List<CrpropaReference.Point> points = CrpropaReference.read("/field/jf12-crpropa-reference.csv");
        assertTrue(points.size() >= 20, "at least 20 reference points, got " + points.size());
        double worst = CrpropaReference.maxRelativeDifference(jf12, points);
        System.out.printf("JF12 vs CRPropa JF12Field: max relative difference %.3g over %d points%n",
                worst, points.size());
        assertTrue(worst <= 1e-12, "max relative difference " + worst);
    }

    @Test
    void spiralDiskHasThePitchAngleAndRingIsAzimuthal() {
        JanssonFarrar2012Field diskOnly = new JanssonFarrar2012Field(true, false, false);
        // In an arm (the Sun's neighbourhood, b_4 = -0.8 µG region) B_R/B_φ = tan 11.5°, B_z = 0.
        double phi = Math.PI;
        FieldVector3 b = diskOnly.at(-8.5, 0, 0.1);
        double bR = b.radial(Math.cos(phi), Math.sin(phi));
        double bPhi = b.azimuthal(Math.cos(phi), Math.sin(phi));
        assertEquals(Math.tan(Math.toRadians(11.5)), bR / bPhi, 1e-12);
        assertEquals(0.0, b.bZ(), 0.0);
        // Molecular ring (3 < R < 5 kpc): purely azimuthal, b_ring (5/R)(1 − L) with L(0) = 1/(1 + e^(2·0.4/0.27)).
        FieldVector3 ring = diskOnly.at(0, 4, 0);
        double lf = 1 / (1 + Math.exp(2 * 0.40 / 0.27));
        assertEquals(-0.1 * 5 / 4 * (1 - lf), ring.bX(), 1e-15);
        assertEquals(0.0, ring.bY(), 1e-15);
        assertEquals(FieldVector3.ZERO, diskOnly.at(2.9, 0, 0), "no disk inside 3 kpc");
    }

    @Test
    void zeroOutside20KpcAndHaloAndXInside1Kpc() {
        assertEquals(FieldVector3.ZERO, jf12.at(19, 6.3, 0.1));
        assertEquals(FieldVector3.ZERO, jf12.at(0.6, 0, 0.7));
        // The southern halo is reversed and weaker: at the Sun, 1 kpc above and below.
        JanssonFarrar2012Field halo = new JanssonFarrar2012Field(false, true, false);
        double north = halo.at(-8.5, 0, 1).azimuthal(-1, 0);
        double south = halo.at(-8.5, 0, -1).azimuthal(-1, 0);
        assertTrue(north > 0 && south < 0, north + " " + south);
    }

    @Test
    void xFieldOnThePlaneIsTheMirrorSymmetricOne() {
        // Documented difference from CRPropa (which takes the z > 0 branch): B_R = 0 at z = 0 outside R_Xc.
        JanssonFarrar2012Field x = new JanssonFarrar2012Field(false, false, true);
        FieldVector3 b = x.at(-8.5, 0, 0);
        assertEquals(0.0, b.bX(), 0.0);
        assertEquals(0.0, b.bY(), 0.0);
        double[] rz = JanssonFarrarXField.jf12().at(8.5, 0);
        assertEquals(rz[1], b.bZ(), 0.0);
    }
}
