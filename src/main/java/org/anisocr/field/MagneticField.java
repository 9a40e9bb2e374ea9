package org.anisocr.field;

/**
 * An axisymmetric large-scale field B(R, z). Only its direction enters the transport:
 * b = B/|B| with |B| including B_φ, which shortens the in-plane part of b (docs/physics.md §1).
 */
public interface MagneticField {
    FieldVector at(double rKpc, double zKpc);

    /** Short name used in headers and logs. */
    String name();
}
