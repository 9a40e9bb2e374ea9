package org.anisocr.operator;

import org.anisocr.field.FieldVector;
import org.anisocr.field.MagneticField;

/**
 * Test stand-in for the JF12 X-field (until the realistic field is on main): field lines at a constant elevation
 * θ above the plane, B_R flipping sign with z, so b_R b_z (and D_Rz) changes sign across the plane — an X. Optional
 * azimuthal component.
 */
public record XStandInField(double b0, double elevationDeg, double bPhi) implements MagneticField {
    @Override public FieldVector at(double rKpc, double zKpc) {
        double t = Math.toRadians(elevationDeg);
        return new FieldVector(Math.signum(zKpc) * b0 * Math.cos(t), bPhi, b0 * Math.sin(t));
    }

    @Override public String name() { return "x-stand-in"; }
}
