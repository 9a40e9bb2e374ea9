package org.anisocr.field;

import org.anisocr.config.TableReader;

/**
 * The paper's realistic field (§2, eqs. 2.5–2.11): Pshirkov et al. 2011 ASS azimuthal disk + halo
 * ({@link PshirkovAzimuthalField}) plus the Jansson &amp; Farrar 2012 poloidal X-field ({@link JanssonFarrarXField}),
 * scaled by {@code xScale} (0 switches it off). Every parameter is a key of the [field] table with model = "realistic".
 * Symmetry: B_φ and B_z are even in z, B_R is odd, so b_R b_z (hence D_Rz) changes sign across the plane.
 */
public record RealisticField(PshirkovAzimuthalField azimuthal, JanssonFarrarXField xField, double xScale) implements MagneticField {
    public static final String MODEL = "realistic";

    public static RealisticField standard() {
        return new RealisticField(PshirkovAzimuthalField.pshirkov2011Ass(), JanssonFarrarXField.jf12(), 1.0);
    }

    /** Reads the [field] keys (all optional; defaults are the published values cited in the component classes). */
    public static RealisticField read(TableReader t) {
        PshirkovAzimuthalField d = PshirkovAzimuthalField.pshirkov2011Ass();
        JanssonFarrarXField x = JanssonFarrarXField.jf12();
        var azimuthal = new PshirkovAzimuthalField(
                t.optDouble("disk_b0_uG", d.diskB0MicroGauss(), 0, 1e6),
                t.optDouble("disk_rc_kpc", d.diskRcKpc(), 0, 1e3),
                t.optDouble("disk_z0_kpc", d.diskZ0Kpc(), 1e-6, 1e3),
                t.optDouble("disk_r0_kpc", d.diskR0Kpc(), 1e-6, 1e3),
                t.optDouble("r_sun_kpc", d.rSunKpc(), 0, 1e3),
                t.optDouble("halo_b0_uG", d.haloB0MicroGauss(), 0, 1e6),
                t.optDouble("halo_z0_kpc", d.haloZ0Kpc(), 0, 1e3),
                t.optDouble("halo_z1_inner_kpc", d.haloZ1InnerKpc(), 1e-6, 1e3),
                t.optDouble("halo_z1_outer_kpc", d.haloZ1OuterKpc(), 1e-6, 1e3),
                t.optDouble("halo_r0_kpc", d.haloR0Kpc(), 1e-6, 1e3));
        boolean xOn = t.optBoolean("x_enabled", true);
        var xField = new JanssonFarrarXField(
                t.optDouble("x_b0_uG", x.b0MicroGauss(), 0, 1e6),
                t.optDouble("x_theta0_deg", x.theta0Deg(), 1e-3, 90 - 1e-3),
                t.optDouble("x_rc_kpc", x.rcKpc(), 1e-6, 1e3),
                t.optDouble("x_r_kpc", x.rScaleKpc(), 1e-6, 1e3),
                t.optDouble("x_zero_within_kpc", x.zeroWithinKpc(), 0, 1e3));
        double scale = t.optDouble("x_scale", 1.0, 0, 1e6);
        return new RealisticField(azimuthal, xField, xOn ? scale : 0.0);
    }

    @Override public FieldVector at(double rKpc, double zKpc) {
        double bPhi = azimuthal.bPhi(rKpc, zKpc);
        if (xScale == 0) return new FieldVector(0, bPhi, 0);
        double[] x = xField.at(rKpc, zKpc);
        return new FieldVector(xScale * x[0], bPhi, xScale * x[1]);
    }

    @Override public String name() { return MODEL; }
}
