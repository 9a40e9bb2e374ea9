package org.anisocr.field;

/**
 * A magnetic field in µG at one point, in Galactocentric Cartesian components (x, y, z) of
 * {@link MagneticField3D}: the Galactic centre at the origin, the Sun at (−R☉, 0, 0), z towards the north
 * Galactic pole. The azimuth φ = atan2(y, x) grows counter-clockwise seen from the north (right-handed), so the
 * Sun sits at φ = π; this is the frame of Jansson &amp; Farrar 2012 and of CRPropa's fields, which lets us compare
 * with CRPropa component by component without any reflection.
 */
public record FieldVector3(double bX, double bY, double bZ) {

    public static final FieldVector3 ZERO = new FieldVector3(0, 0, 0);

    /**
     * Rotates cylindrical components (B_R, B_φ, B_z) at azimuth φ into Cartesian ones:
     * B_x = B_R cos φ − B_φ sin φ, B_y = B_R sin φ + B_φ cos φ. The caller passes cos φ and sin φ because the
     * models already have them (and on the axis they choose φ = 0).
     */
    public static FieldVector3 fromCylindrical(double bRMicroGauss, double bPhiMicroGauss, double bZMicroGauss,
                                               double cosPhi, double sinPhi) {
        return new FieldVector3(bRMicroGauss * cosPhi - bPhiMicroGauss * sinPhi,
                bRMicroGauss * sinPhi + bPhiMicroGauss * cosPhi, bZMicroGauss);
    }

    /** The radial component B_R = B_x cos φ + B_y sin φ (µG). */
    public double radial(double cosPhi, double sinPhi) { return bX * cosPhi + bY * sinPhi; }

    /** The azimuthal component B_φ = −B_x sin φ + B_y cos φ (µG). */
    public double azimuthal(double cosPhi, double sinPhi) { return -bX * sinPhi + bY * cosPhi; }

    public double magnitude() { return Math.sqrt(bX * bX + bY * bY + bZ * bZ); }

    public FieldVector3 plus(FieldVector3 other) {
        return new FieldVector3(bX + other.bX, bY + other.bY, bZ + other.bZ);
    }
}
