package org.anisocr.config;

import org.anisocr.field.AxisymmetricField3D;
import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.JanssonFarrar2012Field;
import org.anisocr.field.JanssonFarrarXField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.MagneticField3D;
import org.anisocr.field.Pshirkov2011Field;
import org.anisocr.field.PshirkovAzimuthalField;
import org.anisocr.field.RealisticField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;

import java.util.ArrayList;
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
    /** The full JF12 regular field ({@link JanssonFarrar2012Field}), a 3D model only. */
    static final String JF12 = "jf12";
    /** The Pshirkov et al. 2011 disk and halo ({@link Pshirkov2011Field}), a 3D model only. */
    static final String PSHIRKOV_2011 = "pshirkov2011";
    /** Fields that exist in 3D only (they are not axisymmetric). */
    static final List<String> MODELS_3D_ONLY = List.of(JF12, PSHIRKOV_2011);
    private static final List<String> ALL_MODELS = concat(MODELS, MODELS_3D_ONLY);

    private FieldTable() {}

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * The field of a 3D model: one of {@link #MODELS_3D_ONLY}, or a 2D model rotated about the axis
     * ({@link AxisymmetricField3D}: the "axisymmetrised" field), which then comes back as {@code axisymmetric} too.
     */
    record Field3D(MagneticField axisymmetric, MagneticField3D field) {}

    static Field3D read3D(TableReader t) {
        String model = t.optString("model", null, ALL_MODELS);
        switch (model) {
            case JF12 -> {
                var f = new JanssonFarrar2012Field(t.optBoolean("disk", true), t.optBoolean("toroidal_halo", true),
                        t.optBoolean("x_field", true), t.optBoolean("zero_within_1kpc", true));
                t.rejectUnknown();
                return new Field3D(null, f);
            }
            case PSHIRKOV_2011 -> {
                String disk = t.optString("disk", "bss", List.of("bss", "ass"));
                t.rejectUnknown();
                return new Field3D(null, disk.equals("bss") ? Pshirkov2011Field.bss() : Pshirkov2011Field.ass());
            }
            default -> {
                MagneticField f = read(t);
                return new Field3D(f, new AxisymmetricField3D(f));
            }
        }
    }

    /** The [field] table of a 3D field, as {@link #read3D} reads it back. */
    static Map<String, Object> write3D(MagneticField3D f) {
        if (f instanceof AxisymmetricField3D a) {
            return write(a.field());
        }
        Map<String, Object> t = new LinkedHashMap<>();
        if (f instanceof JanssonFarrar2012Field jf) {
            t.put("model", JF12);
            t.put("disk", jf.disk());
            t.put("toroidal_halo", jf.toroidalHalo());
            t.put("x_field", jf.xField());
            t.put("zero_within_1kpc", jf.coreCut());
        } else if (f instanceof Pshirkov2011Field p && (p.equals(Pshirkov2011Field.bss())
                || p.equals(Pshirkov2011Field.ass()))) {
            t.put("model", PSHIRKOV_2011);
            t.put("disk", p.bisymmetric() ? "bss" : "ass");
        } else {
            throw new IllegalArgumentException("3D field " + f.name() + " has no [field] keys");
        }
        return t;
    }

    static MagneticField read(TableReader t) {
        String model = t.optString("model", null, ALL_MODELS);
        if (MODELS_3D_ONLY.contains(model)) {
            throw ConfigException.outOfRange(t.key("model"), "\"" + model + "\"", "one of " + MODELS
                    + " in a 2D model: \"" + model + "\" is a 3D field, for [grid] geometry = \"cartesian3d\"");
        }
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
