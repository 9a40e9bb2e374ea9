package org.anisocr.grid;

import java.util.Locale;

/** Coordinate system of the 2D domain. */
public enum Geometry {
    /** Axisymmetric (R, z): metric drift D_RR/R and D_Rz/R, mirror symmetry on the axis R = 0. */
    CYLINDRICAL,
    /** Slab (x, z): no metric terms; x = 0 is a reflecting wall. Used by the exact Green-function tests. */
    CARTESIAN;

    /** The model-file spelling, e.g. "cylindrical". */
    public String key() { return name().toLowerCase(Locale.ROOT); }
}
