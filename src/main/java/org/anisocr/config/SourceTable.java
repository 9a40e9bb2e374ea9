package org.anisocr.config;

import org.anisocr.operator.Source;
import org.anisocr.source.GreenPulse;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.NoSource;
import org.anisocr.source.PulsarSource;

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

    private SourceTable() {}

    static Source read(TableReader t) {
        String model = t.optString("model", null, MODELS);
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
