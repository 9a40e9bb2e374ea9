package org.anisocr.field;

/**
 * Any 2D model {@link MagneticField} B(R, z) seen in 3D: the same (B_R, B_φ, B_z) at every azimuth, rotated into
 * Cartesian components with φ = atan2(y, x) of {@link FieldVector3}'s frame. The 2D models fix B_φ's sign by a
 * choice of convention only (|B| is what they use), so a positive B_φ here turns counter-clockwise seen from the
 * north. On the axis R = 0 the azimuth is undefined; we take φ = 0 (x direction), which is exact for models whose
 * in-plane components vanish there and is the choice CRPropa makes for its own fields.
 */
public record AxisymmetricField3D(MagneticField field) implements MagneticField3D {

    @Override
    public FieldVector3 at(double xKpc, double yKpc, double zKpc) {
        double rKpc = Math.sqrt(xKpc * xKpc + yKpc * yKpc);
        double cosPhi = rKpc > 0 ? xKpc / rKpc : 1.0;
        double sinPhi = rKpc > 0 ? yKpc / rKpc : 0.0;
        FieldVector b = field.at(rKpc, zKpc);
        return FieldVector3.fromCylindrical(b.bR(), b.bPhi(), b.bZ(), cosPhi, sinPhi);
    }

    @Override
    public String name() { return field.name() + "-3d"; }
}
