package org.anisocr.field;


/**
 * Validation field P3 (docs/physics.md §5): B_R = B0/2, B_z = B∞ + B0 exp(−(R² + z²)/LB²), B_φ = 0.
 * Its direction varies in space, so the drift terms ∂D/∂R, ∂D/∂z are exercised.
 */
public record GaussianBumpField(double b0MicroGauss, double bInfMicroGauss, double lengthKpc) implements MagneticField {
    public static final String MODEL = "gaussian-bump";

    @Override public FieldVector at(double rKpc, double zKpc) {
        double g = Math.exp(-(rKpc * rKpc + zKpc * zKpc) / (lengthKpc * lengthKpc));
        return new FieldVector(b0MicroGauss / 2, 0, bInfMicroGauss + b0MicroGauss * g);
    }

    @Override public String name() { return MODEL; }
}
