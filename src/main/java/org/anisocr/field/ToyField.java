package org.anisocr.field;

import org.anisocr.config.TableReader;

/**
 * The paper's toy model (§3): a vertical field in the inner Galaxy turning azimuthal outside R0.
 * B_R = 0, B_φ = B0φ (1 − e^(−R/R0)), B_z = εB B0φ e^(−R/R0).
 */
public record ToyField(double b0PhiMicroGauss, double r0Kpc, double epsB) implements MagneticField {
    public static final String MODEL = "toy";

    public static ToyField read(TableReader t) {
        return new ToyField(t.optDouble("b0_phi_uG", 1.0, 1e-9, 1e6), t.optDouble("r0_kpc", 3.5, 1e-6, 1e6),
                t.optDouble("eps_B", 0.5, 0, 1e6));
    }

    @Override public FieldVector at(double rKpc, double zKpc) {
        double e = Math.exp(-rKpc / r0Kpc);
        return new FieldVector(0, b0PhiMicroGauss * (1 - e), epsB * b0PhiMicroGauss * e);
    }

    @Override public String name() { return MODEL; }
}
