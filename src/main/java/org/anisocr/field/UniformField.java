package org.anisocr.field;

import org.anisocr.config.TableReader;

/** Constant field; the P1/P2 and Green-function tests use it. */
public record UniformField(double bRMicroGauss, double bPhiMicroGauss, double bZMicroGauss) implements MagneticField {
    public static final String MODEL = "uniform";

    public static UniformField read(TableReader t) {
        return new UniformField(t.optDouble("b_r_uG", 0, -1e6, 1e6), t.optDouble("b_phi_uG", 0, -1e6, 1e6),
                t.optDouble("b_z_uG", 0, -1e6, 1e6));
    }

    @Override public FieldVector at(double rKpc, double zKpc) { return new FieldVector(bRMicroGauss, bPhiMicroGauss, bZMicroGauss); }
    @Override public String name() { return MODEL; }
}
