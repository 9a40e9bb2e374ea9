package org.anisocr.config;

import org.anisocr.field.MagneticField;
import org.anisocr.field.MagneticField3D;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.Source;
import org.anisocr.source.Source3D;

import java.util.Map;

/**
 * Parameters as model-file tables: the keys and units a user writes in [field], [source] and [diffusion], in the
 * order the readers take them. Whatever shows a user the resolved parameters (summary.json, validation and bench
 * reports) shows these, so a block can be pasted back into a model file and reads back as the same record.
 */
public final class ModelTables {
    private ModelTables() {}

    /** The [field] table: model, then every parameter of that model (defaults filled in). */
    public static Map<String, Object> field(MagneticField f) {
        return FieldTable.write(f);
    }

    /** The [source] table: model, then every parameter of that model. */
    public static Map<String, Object> source(Source s) {
        return SourceTable.write(s);
    }

    /** The [field] table of a 3D model's field. */
    public static Map<String, Object> field3d(MagneticField3D f) {
        return FieldTable.write3D(f);
    }

    /** The [source] table of a 3D model's source. */
    public static Map<String, Object> source3d(Source3D s) {
        return SourceTable.write3D(s);
    }

    /** The [diffusion] table (D0_cm2_s in cm²/s, as a model file gives it). */
    public static Map<String, Object> diffusion(DiffusionTensor d) {
        return ModelConfig.writeDiffusion(d);
    }
}
