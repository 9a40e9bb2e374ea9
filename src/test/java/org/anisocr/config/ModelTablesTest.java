package org.anisocr.config;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.RealisticField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.Source;
import org.anisocr.source.GreenPulse;
import org.anisocr.source.ManufacturedSource;
import org.anisocr.source.NoSource;
import org.anisocr.source.PulsarSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every field and source model, and the diffusion table, written as model-file keys read back as the same record. */
class ModelTablesTest {
    /** A model file made of VALID with one table replaced by {@code table} written as TOML. */
    private static ModelConfig withTable(String name, Map<String, Object> table) throws Exception {
        String toml = "[" + name + "]\n" + new TomlMapper().writeValueAsString(table);
        String text = ModelConfigTest.VALID.replaceAll("(?s)\\[" + name + "\\]\\n.*?(?=\\n\\[|$)", "").strip()
                + "\n" + toml;
        return ModelConfig.parse("m", text);
    }

    @Test void everyFieldModelReadsBackFromItsKeys() throws Exception {
        List<MagneticField> fields = List.of(new UniformField(1.5, -2.25, 3.0), new ToyField(2.0, 4.5, 0.3),
                new GaussianBumpField(12.0, 0.002, 1.7), realistic("model = \"realistic\"\ndisk_b0_uG = 3.5"),
                realistic("model = \"realistic\"\nx_enabled = false\nhalo_z1_inner_kpc = 0.3"),
                realistic("model = \"realistic\"\nx_scale = 0.5\nx_theta0_deg = 40.0"));
        for (MagneticField f : fields) {
            Map<String, Object> keys = ModelTables.field(f);
            assertEquals(f.name(), keys.get("model"));
            assertEquals(f, withTable("field", keys).field(), keys.toString());
        }
        assertEquals(FieldTable.MODELS.size(), fields.stream().map(MagneticField::name).distinct().count(),
                "every field model is covered");
        Map<String, Object> realisticKeys = ModelTables.field(fields.get(3));
        assertEquals(3.5, realisticKeys.get("disk_b0_uG"));
        assertTrue(realisticKeys.keySet().stream().noneMatch(k -> k.contains("MicroGauss")), realisticKeys.toString());
    }

    private static RealisticField realistic(String table) {
        String text = ModelConfigTest.VALID.replace("model = \"toy\"\neps_B = 0.2", table);
        return (RealisticField) ModelConfig.parse("m", text).field();
    }

    @Test void everySourceModelReadsBackFromItsKeys() throws Exception {
        List<Source> sources = List.of(new PulsarSource(1.5, 4.0, 8.5, 0.3, 2.3, 2.0), new GreenPulse(3.0, -0.5, 0.2),
                new ManufacturedSource(), new NoSource());
        for (Source s : sources) {
            Map<String, Object> keys = ModelTables.source(s);
            assertEquals(s.name(), keys.get("model"));
            assertEquals(s, withTable("source", keys).source(), keys.toString());
        }
        assertEquals(SourceTable.MODELS.size(), sources.size(), "every source model is covered");
    }

    @Test void theDiffusionTableGivesD0InCm2PerSecond() throws Exception {
        DiffusionTensor d = ModelConfig.parse("m", ModelConfigTest.VALID.replace("eps_D = 0.1",
                "eps_D = 0.07\nD0_cm2_s = 3.0e28\ndelta_par = 0.33\ndelta_perp = 0.45\np0_GeV = 3.0")).diffusion();
        Map<String, Object> keys = ModelTables.diffusion(d);
        assertEquals(3.0e28, (double) keys.get("D0_cm2_s"), 3.0e28 * 1e-15);
        DiffusionTensor back = withTable("diffusion", keys).diffusion();
        // D0 goes through cm²/s and back to kpc²/Myr: equal to the last bits
        assertEquals(d.d0Kpc2PerMyr(), back.d0Kpc2PerMyr(), d.d0Kpc2PerMyr() * 1e-15);
        assertEquals(new DiffusionTensor(back.d0Kpc2PerMyr(), 0.33, 0.45, 0.07, 3.0), back);
    }
}
