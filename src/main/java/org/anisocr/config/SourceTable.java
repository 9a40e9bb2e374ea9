package org.anisocr.config;

import org.anisocr.operator.Source;
import org.anisocr.source.GreenPulse;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.NoSource;
import org.anisocr.source.PulsarSource;

import java.util.List;

/**
 * The [source] table: {@code model} picks the source term, the other keys are its parameters. Shaped like
 * {@link FieldTable} on purpose (a model key, then one case per model reading its keys with their ranges).
 */
final class SourceTable {
    static final List<String> MODELS = List.of(PulsarSource.MODEL, GreenPulse.MODEL, ManufacturedSource.MODEL, NoSource.MODEL);

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
}
