package org.anisocr.config;

import org.anisocr.field.MagneticField3D;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.source.Source3D;

/**
 * What a 3D model ({@code [grid] geometry = "cartesian3d"}) adds to {@link ModelConfig}: the Cartesian grid, the
 * field in 3D (JF12, Pshirkov 2011, or a 2D model rotated about the axis) and the source in 3D (the paper's pulsar
 * distribution at R = √(x² + y²), or the FK06 spiral arms). Present only for 3D models; a 3D model is solved in
 * mode steady with the symmetric scheme.
 *
 * @param grid   x, y ∈ [−R_max, R_max], z ∈ [−H, H], with the nodes x = 0, y = 0 and z = 0 on it
 * @param field  the field the operator sees
 * @param source the source the bins scale
 */
public record Model3D(CartesianGrid3D grid, MagneticField3D field, Source3D source) {
    /** The model-file spelling of the geometry. */
    public static final String GEOMETRY = "cartesian3d";
}
