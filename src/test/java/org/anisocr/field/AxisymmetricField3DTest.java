package org.anisocr.field;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AxisymmetricField3DTest {

    @Test
    void rotationPreservesMagnitudeAndGivesBackCylindricalComponents() {
        MagneticField[] models = {RealisticField.standard(), new ToyField(1.0, 6.0, 0.3),
            new UniformField(0.4, -2.0, 1.1)};
        for (MagneticField model : models) {
            AxisymmetricField3D field = new AxisymmetricField3D(model);
            for (int k = 0; k < 24; k++) {
                double phi = -Math.PI + (k + 0.5) * 2 * Math.PI / 24;
                for (double rKpc : new double[] {0.7, 4.0, 8.5, 13.0}) {
                    for (double zKpc : new double[] {-1.3, 0.2, 2.5}) {
                        FieldVector b2 = model.at(rKpc, zKpc);
                        FieldVector3 b3 = field.at(rKpc * Math.cos(phi), rKpc * Math.sin(phi), zKpc);
                        // R = √(x² + y²) comes back from (R cos φ, R sin φ) to within an ulp, hence the tolerance.
                        double tol = 1e-13 * Math.max(1, b2.magnitude());
                        assertEquals(b2.magnitude(), b3.magnitude(), tol);
                        assertEquals(b2.bR(), b3.radial(Math.cos(phi), Math.sin(phi)), tol);
                        assertEquals(b2.bPhi(), b3.azimuthal(Math.cos(phi), Math.sin(phi)), tol);
                        assertEquals(b2.bZ(), b3.bZ(), tol);
                    }
                }
            }
        }
    }

    @Test
    void conventionSunOnNegativeXAzimuthCounterClockwise() {
        // A purely azimuthal B_φ > 0 at the Sun (−8.5, 0, 0), φ = π, points along −y; at (0, R, 0) along −x.
        AxisymmetricField3D field = new AxisymmetricField3D(new UniformField(0, 1, 0));
        FieldVector3 atSun = field.at(-8.5, 0, 0);
        assertEquals(0.0, atSun.bX(), 1e-15);
        assertEquals(-1.0, atSun.bY(), 1e-15);
        assertEquals(-1.0, field.at(0, 8.5, 0).bX(), 1e-15);
        // On the axis φ = 0: B_R along +x.
        assertEquals(new FieldVector3(0.4, 0, 0), new AxisymmetricField3D(new UniformField(0.4, 0, 0)).at(0, 0, 1));
    }
}
