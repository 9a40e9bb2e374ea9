package org.anisocr.field;

/**
 * The paper's realistic field (§2, eqs. 2.5–2.11): Pshirkov et al. 2011 ASS azimuthal disk + halo
 * ({@link PshirkovAzimuthalField}) plus the Jansson &amp; Farrar 2012 poloidal X-field ({@link JanssonFarrarXField}),
 * scaled by {@code xScale} (0 switches it off). Every parameter is a key of the [field] table with model = "realistic".
 * Symmetry: B_φ and B_z are even in z, B_R is odd, so b_R b_z (hence D_Rz) changes sign across the plane.
 */
public record RealisticField(PshirkovAzimuthalField azimuthal, JanssonFarrarXField xField, double xScale)
        implements MagneticField {
    public static final String MODEL = "realistic";

    public static RealisticField standard() {
        return new RealisticField(PshirkovAzimuthalField.pshirkov2011Ass(), JanssonFarrarXField.jf12(), 1.0);
    }

    @Override public FieldVector at(double rKpc, double zKpc) {
        double bPhi = azimuthal.bPhi(rKpc, zKpc);
        if (xScale == 0) {
            return new FieldVector(0, bPhi, 0);
        }
        double[] x = xField.at(rKpc, zKpc);
        return new FieldVector(xScale * x[0], bPhi, xScale * x[1]);
    }

    @Override public String name() { return MODEL; }
}
