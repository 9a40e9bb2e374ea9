package org.anisocr.source;

/**
 * A steady source S(x, y, z, p) = shape(x, y, z) · spectrum(p) in the Galactocentric frame of
 * {@code field.FieldVector3} (centre at the origin, Sun at (−R☉, 0, 0), z north), in arbitrary units (the run
 * rescales N on output). Separable on purpose: the shape is evaluated once per grid node and every momentum bin
 * scales it.
 */
public interface Source3D {
    /** The spatial shape at (x, y, z) in kpc, ≥ 0. */
    double spatial(double xKpc, double yKpc, double zKpc);

    /** The injection spectrum at momentum p (GeV), relative. */
    double spectrum(double pGeV);

    /** The model name a model file gives ([source] model). */
    String name();
}
