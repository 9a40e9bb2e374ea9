package org.anisocr.field;

/**
 * A large-scale Galactic field B(x, y, z) in Galactocentric Cartesian coordinates (kpc), components in µG; the
 * frame is the one of {@link FieldVector3} (centre at the origin, Sun at (−R☉, 0, 0), z north). As in 2D only the
 * direction b = B/|B| will enter the transport.
 */
public interface MagneticField3D {
    FieldVector3 at(double xKpc, double yKpc, double zKpc);

    /** Short name used in headers and logs. */
    String name();
}
