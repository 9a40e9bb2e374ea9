package org.anisocr.config;

import org.anisocr.operator.Source;
import org.anisocr.source.GreenPulse;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.NoSource;
import org.anisocr.source.PulsarSource;
import org.anisocr.source.Source3D;
import org.anisocr.source.SpiralArmSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The [source] table: {@code model} picks the source term, the other keys are its parameters. Shaped like
 * {@link FieldTable} on purpose (a model key, then one case per model reading its keys with their ranges).
 */
final class SourceTable {
    static final List<String> MODELS =
            List.of(PulsarSource.MODEL, GreenPulse.MODEL, ManufacturedSource.MODEL, NoSource.MODEL);

    /** Sources of a 3D model: the pulsar distribution at R = √(x² + y²), or the FK06 spiral arms. */
    static final List<String> MODELS_3D = List.of(PulsarSource.MODEL, SpiralArmSource.MODEL);
    private static final List<String> ALL_MODELS = FieldTable.concat(MODELS, List.of(SpiralArmSource.MODEL));

    private SourceTable() {}

    /** The source of a 3D model, and the 2D source it evaluates in 3D (null for one that exists in 3D only). */
    record Source3DTable(Source twoD, Source3D source) {}

    static Source3DTable read3D(TableReader t) {
        String model = t.optString("model", null, ALL_MODELS);
        if (model.equals(PulsarSource.MODEL)) {
            PulsarSource p = (PulsarSource) read(t);
            return new Source3DTable(p, p);
        }
        if (!model.equals(SpiralArmSource.MODEL)) {
            throw ConfigException.outOfRange(t.key("model"), "\"" + model + "\"", "one of " + MODELS_3D
                    + " in a 3D model");
        }
        SpiralArmSource d = SpiralArmSource.fk06(2.2);
        var s = new SpiralArmSource(t.optDouble("a", d.a(), 0, 20), t.optDouble("b", d.b(), 0, 50),
                t.optDouble("r1_kpc", d.r1Kpc(), 0, 100), t.optDouble("r_sun_kpc", d.rSunKpc(), 0.1, 100),
                t.optDouble("z0_kpc", d.z0Kpc(), 1e-4, 100), t.optDouble("arm_width", d.armWidth(), 1e-3, 1),
                t.optDouble("alpha_inj", d.alphaInj(), 0, 10), t.optDouble("p0_GeV", d.p0GeV(), 1e-6, 1e9));
        t.rejectUnknown();
        return new Source3DTable(null, s);
    }

    /** The [source] table of a 3D source, as {@link #read3D} reads it back. */
    static Map<String, Object> write3D(Source3D s) {
        if (s instanceof PulsarSource p) {
            return write(p);
        }
        if (!(s instanceof SpiralArmSource a)) {
            throw new IllegalArgumentException("3D source " + s.name() + " has no [source] keys");
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("model", a.name());
        t.put("a", a.a());
        t.put("b", a.b());
        t.put("r1_kpc", a.r1Kpc());
        t.put("r_sun_kpc", a.rSunKpc());
        t.put("z0_kpc", a.z0Kpc());
        t.put("arm_width", a.armWidth());
        t.put("alpha_inj", a.alphaInj());
        t.put("p0_GeV", a.p0GeV());
        return t;
    }

    static Source read(TableReader t) {
        String model = t.optString("model", null, ALL_MODELS);
        if (model.equals(SpiralArmSource.MODEL)) {
            throw ConfigException.outOfRange(t.key("model"), "\"" + model + "\"", "one of " + MODELS
                    + " in a 2D model: the spiral arms are a 3D source, for [grid] geometry = \"cartesian3d\"");
        }
        Source s = switch (model) {
            case PulsarSource.MODEL -> new PulsarSource(t.optDouble("a", 1.9, 0, 20), t.optDouble("b", 5, 0, 50),
                    t.optDouble("r_sun_kpc", 8.3, 0.1, 100), t.optDouble("z0_kpc", 0.2, 1e-4, 100),
                    t.optDouble("alpha_inj", 2.2, 0, 10), t.optDouble("p0_GeV", 1, 1e-6, 1e9));
            case GreenPulse.MODEL -> new GreenPulse(t.optDouble("r_kpc", 2, 0, 1e4), t.optDouble("z_kpc", 0, -1e4, 1e4),
                    t.optDouble("width_kpc", 0, 0, 1e4));
            case ManufacturedSource.MODEL -> new ManufacturedSource();
            case NoSource.MODEL -> new NoSource();
            default -> throw new IllegalStateException(model);
        };
        t.rejectUnknown();
        return s;
    }

    /** The [source] table that {@link #read} turns back into {@code s}: the model key, then every parameter. */
    static Map<String, Object> write(Source s) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("model", s.name());
        if (s instanceof PulsarSource p) {
            t.put("a", p.a());
            t.put("b", p.b());
            t.put("r_sun_kpc", p.rSunKpc());
            t.put("z0_kpc", p.z0Kpc());
            t.put("alpha_inj", p.alphaInj());
            t.put("p0_GeV", p.p0GeV());
        } else if (s instanceof GreenPulse g) {
            t.put("r_kpc", g.rSourceKpc());
            t.put("z_kpc", g.zSourceKpc());
            t.put("width_kpc", g.widthKpc());
        } else if (!(s instanceof ManufacturedSource) && !(s instanceof NoSource)) {
            throw new IllegalArgumentException("source model " + s.name() + " has no [source] keys");
        }
        return t;
    }
}
