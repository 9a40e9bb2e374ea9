package org.anisocr.field;


/**
 * The paper's toy model (§3): a vertical field in the inner Galaxy turning azimuthal outside R0.
 * B_R = 0, B_φ = B0φ (1 − e^(−R/R0)), B_z = εB B0φ e^(−R/R0).
 */
public record ToyField(double b0PhiMicroGauss, double r0Kpc, double epsB) implements MagneticField {
    public static final String MODEL = "toy";

    @Override public FieldVector at(double rKpc, double zKpc) {
        double e = Math.exp(-rKpc / r0Kpc);
        return new FieldVector(0, b0PhiMicroGauss * (1 - e), epsB * b0PhiMicroGauss * e);
    }

    @Override public String name() { return MODEL; }
}
