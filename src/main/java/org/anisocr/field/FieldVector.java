package org.anisocr.field;

/** Magnetic field components in µG at one point: radial, azimuthal, vertical. */
public record FieldVector(double bR, double bPhi, double bZ) {
    public double magnitude() { return Math.sqrt(bR * bR + bPhi * bPhi + bZ * bZ); }
}
