package org.anisocr.field;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Pshirkov2011FieldTest {

    @Test
    void bssAgreesWithCrpropaTo1e12() throws IOException {
        List<CrpropaReference.Point> points = CrpropaReference.read("/field/pshirkov2011-bss-crpropa-reference.csv");
        assertTrue(points.size() >= 20, "at least 20 reference points, got " + points.size());
        double worst = CrpropaReference.maxRelativeDifference(Pshirkov2011Field.bss(), points);
        System.out.printf("Pshirkov BSS vs CRPropa PT11Field: max relative difference %.3g over %d points%n",
                worst, points.size());
        assertTrue(worst <= 1e-12, "max relative difference " + worst);
    }

    @Test
    void bssReversesAlongTheAzimuthAssDoesNot() {
        // Half a turn round the centre at fixed R the BSS disk changes sign (cos(θ + π) = −cos θ), the ASS does not.
        Pshirkov2011Field bss = Pshirkov2011Field.bss();
        Pshirkov2011Field ass = Pshirkov2011Field.ass();
        double pitch = Math.toRadians(bss.pitchDeg());
        double here = bss.disk(7.0, 0.3, 0.2, pitch);
        double opposite = bss.disk(7.0, 0.3 - Math.PI, 0.2, pitch);
        assertEquals(-here, opposite, 1e-12 * Math.abs(here));
        double assPitch = Math.toRadians(ass.pitchDeg());
        assertTrue(ass.disk(7.0, 0.3, 0.2, assPitch) >= 0 && ass.disk(7.0, 0.3 - Math.PI, 0.2, assPitch) >= 0);
        // The disk's direction: B_R/B_φ = −tan p.
        Pshirkov2011Field diskOnly = new Pshirkov2011Field(true, -6.0, 2.0, -0.6, 8.5, 5.0, 1.0, 0, 0, 1.3, 0.25,
                0.4, 8.0);
        FieldVector3 b = diskOnly.at(-8.5, 0, 0.1);
        assertEquals(-Math.tan(pitch), b.radial(-1, 0) / b.azimuthal(-1, 0), 1e-12);
        assertEquals(FieldVector3.ZERO, bss.at(0, 0, 1), "the spiral is singular on the axis; we return zero");
    }
}
