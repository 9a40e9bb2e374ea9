package org.anisocr.field;


/** Constant field; the P1/P2 and Green-function tests use it. */
public record UniformField(double bRMicroGauss, double bPhiMicroGauss, double bZMicroGauss) implements MagneticField {
    public static final String MODEL = "uniform";

    @Override
    public FieldVector at(double rKpc, double zKpc) {
        return new FieldVector(bRMicroGauss, bPhiMicroGauss, bZMicroGauss);
    }

    @Override public String name() { return MODEL; }
}
