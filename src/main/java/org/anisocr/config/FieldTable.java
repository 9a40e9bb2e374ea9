package org.anisocr.config;

import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.JanssonFarrarXField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.PshirkovAzimuthalField;
import org.anisocr.field.RealisticField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The [field] table: {@code model} picks the field, the other keys are its parameters (all optional; the
 * defaults are the published values cited in the field classes). A new field model is one more case here.
 */
final class FieldTable {
    static final List<String> MODELS =
            List.of(UniformField.MODEL, ToyField.MODEL, GaussianBumpField.MODEL, RealisticField.MODEL);

    private FieldTable() {}

    static MagneticField read(TableReader t) {
        String model = t.optString("model", null, MODELS);
        MagneticField f = switch (model) {
            case UniformField.MODEL -> new UniformField(t.optDouble("b_r_uG", 0, -1e6, 1e6),
                    t.optDouble("b_phi_uG", 0, -1e6, 1e6), t.optDouble("b_z_uG", 0, -1e6, 1e6));
            case ToyField.MODEL -> new ToyField(t.optDouble("b0_phi_uG", 1.0, 1e-9, 1e6),
                    t.optDouble("r0_kpc", 3.5, 1e-6, 1e6), t.optDouble("eps_B", 0.5, 0, 1e6));
            case GaussianBumpField.MODEL -> new GaussianBumpField(t.optDouble("b0_uG", 10, 1e-9, 1e6),
                    t.optDouble("b_inf_uG", 1e-3, 0, 1e6), t.optDouble("l_b_kpc", 2, 1e-6, 1e6));
            case RealisticField.MODEL -> realistic(t);
            default -> throw new IllegalStateException(model);
        };
        t.rejectUnknown();
        return f;
    }

    /** The [field] table that {@link #read} turns back into {@code f}: the model key, then every parameter. */
    static Map<String, Object> write(MagneticField f) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("model", f.name());
        if (f instanceof UniformField u) {
            t.put("b_r_uG", u.bRMicroGauss());
            t.put("b_phi_uG", u.bPhiMicroGauss());
            t.put("b_z_uG", u.bZMicroGauss());
        } else if (f instanceof ToyField toy) {
            t.put("b0_phi_uG", toy.b0PhiMicroGauss());
            t.put("r0_kpc", toy.r0Kpc());
            t.put("eps_B", toy.epsB());
        } else if (f instanceof GaussianBumpField g) {
            t.put("b0_uG", g.b0MicroGauss());
            t.put("b_inf_uG", g.bInfMicroGauss());
            t.put("l_b_kpc", g.lengthKpc());
        } else if (f instanceof RealisticField r) {
            writeRealistic(r, t);
        } else {
            throw new IllegalArgumentException("field model " + f.name() + " has no [field] keys");
        }
        return t;
    }

    private static void writeRealistic(RealisticField r, Map<String, Object> t) {
        PshirkovAzimuthalField d = r.azimuthal();
        t.put("disk_b0_uG", d.diskB0MicroGauss());
        t.put("disk_rc_kpc", d.diskRcKpc());
        t.put("disk_z0_kpc", d.diskZ0Kpc());
        t.put("disk_r0_kpc", d.diskR0Kpc());
        t.put("r_sun_kpc", d.rSunKpc());
        t.put("halo_b0_uG", d.haloB0MicroGauss());
        t.put("halo_z0_kpc", d.haloZ0Kpc());
        t.put("halo_z1_inner_kpc", d.haloZ1InnerKpc());
        t.put("halo_z1_outer_kpc", d.haloZ1OuterKpc());
        t.put("halo_r0_kpc", d.haloR0Kpc());
        JanssonFarrarXField x = r.xField();
        t.put("x_enabled", r.xScale() != 0);
        t.put("x_b0_uG", x.b0MicroGauss());
        t.put("x_theta0_deg", x.theta0Deg());
        t.put("x_rc_kpc", x.rcKpc());
        t.put("x_r_kpc", x.rScaleKpc());
        t.put("x_zero_within_kpc", x.zeroWithinKpc());
        t.put("x_scale", r.xScale());
    }

    private static RealisticField realistic(TableReader t) {
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
}
