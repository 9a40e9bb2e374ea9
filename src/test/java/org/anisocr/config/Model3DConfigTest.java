package org.anisocr.config;

import org.anisocr.field.AxisymmetricField3D;
import org.anisocr.field.JanssonFarrar2012Field;
import org.anisocr.field.Pshirkov2011Field;
import org.anisocr.field.RealisticField;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.Geometry;
import org.anisocr.source.PulsarSource;
import org.anisocr.source.SpiralArmSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3D model file: [grid] geometry = "cartesian3d", its fields and sources, and what a 3D model refuses. */
class Model3DConfigTest {
    static final String VALID_3D = """
        name = "m3"
        [grid]
        geometry = "cartesian3d"
        r_max_kpc = 20.0
        half_height_kpc = 4.0
        dx_kpc = 0.5
        dz_kpc = 0.5
        [momentum]
        count = 9
        [diffusion]
        eps_D = 0.01
        [field]
        model = "jf12"
        [source]
        model = "pulsar"
        """;

    private static ModelConfig parse(String text) { return ModelConfig.parse("m", text); }

    private static String message(String text) {
        return assertThrows(ConfigException.class, () -> parse(text)).getMessage();
    }

    @Test void aCartesian3dGridFromItsSpacingsHasTheCentralPlanesAsNodes() {
        ModelConfig c = parse(VALID_3D);
        assertTrue(c.is3d());
        CartesianGrid3D g = c.model3d().grid();
        assertEquals(new CartesianGrid3D(20, 4, 81, 81, 17, true), g);
        assertEquals(0.0, g.xKpc(40));
        assertEquals(0.0, g.zKpc(8));
        // the 2D grid of the same domain: dR = Δx, the rings of the azimuthal averages
        assertEquals(Geometry.CYLINDRICAL, c.grid().geometry());
        assertEquals(41, c.grid().nR());
        assertEquals(0.5, c.grid().dR(), 1e-15);
        assertEquals(17, c.grid().nZ());
        assertEquals(JanssonFarrar2012Field.jf12(), c.model3d().field());
        assertNull(c.field(), "JF12 has no 2D form");
        assertInstanceOf(PulsarSource.class, c.model3d().source());
        assertSame(c.source(), c.model3d().source());
    }

    @Test void countsCylinderAndFieldSwitchesAreRead() {
        ModelConfig c = parse(VALID_3D.replace("dx_kpc = 0.5\ndz_kpc = 0.5", "n_xy = 21\nn_z = 9\ncylinder = false")
                .replace("model = \"jf12\"", "model = \"jf12\"\nx_field = false\nzero_within_1kpc = false"));
        assertEquals(new CartesianGrid3D(20, 4, 21, 21, 9, false), c.model3d().grid());
        assertEquals(new JanssonFarrar2012Field(true, true, false, false), c.model3d().field());
    }

    @Test void pshirkovAndAxisymmetrisedFieldsAndTheSpiralArmSource() {
        ModelConfig p = parse(VALID_3D.replace("model = \"jf12\"", "model = \"pshirkov2011\"\ndisk = \"ass\""));
        assertEquals(Pshirkov2011Field.ass(), p.model3d().field());
        ModelConfig r = parse(VALID_3D.replace("model = \"jf12\"", "model = \"realistic\"")
                .replace("model = \"pulsar\"", "model = \"fk06-arms\"\nz0_kpc = 0.2"));
        assertInstanceOf(RealisticField.class, r.field());
        assertEquals(new AxisymmetricField3D(r.field()), r.model3d().field());
        SpiralArmSource s = assertInstanceOf(SpiralArmSource.class, r.model3d().source());
        assertEquals(0.2, s.z0Kpc());
        assertEquals(1.64, s.a());
        assertNull(r.source());
    }

    @Test void the3dTablesReadBackAsTheSameRecords() {
        for (String field : new String[] {"model = \"jf12\"\ndisk = false", "model = \"pshirkov2011\"",
                "model = \"toy\"\neps_B = 0.3"}) {
            for (String source : new String[] {"model = \"pulsar\"", "model = \"fk06-arms\"\narm_width = 0.1"}) {
                ModelConfig c = parse(VALID_3D.replace("model = \"jf12\"", field)
                        .replace("model = \"pulsar\"", source));
                String text = VALID_3D.replace("model = \"jf12\"", toml(ModelTables.field3d(c.model3d().field())))
                        .replace("model = \"pulsar\"", toml(ModelTables.source3d(c.model3d().source())));
                assertEquals(c.model3d(), parse(text).model3d(), text);
            }
        }
    }

    private static String toml(Map<String, Object> table) {
        StringBuilder s = new StringBuilder();
        table.forEach((k, v) -> s.append(k).append(" = ").append(v instanceof String ? "\"" + v + "\"" : v)
                .append('\n'));
        return s.toString();
    }

    @Test void a2dModelIsUnchangedAndHasNo3dPart() {
        ModelConfig c = parse(ModelConfigTest.VALID);
        assertFalse(c.is3d());
        assertNull(c.model3d());
        assertEquals(Geometry.CYLINDRICAL, c.grid().geometry());
    }

    @Test void a3dFieldOrSourceInA2dModelIsRefusedNamingTheKey() {
        String jf12 = message(ModelConfigTest.VALID.replace("model = \"toy\"\neps_B = 0.2", "model = \"jf12\""));
        assertTrue(jf12.startsWith("field.model = \"jf12\" is not allowed") && jf12.contains("cartesian3d"), jf12);
        String arms = message(ModelConfigTest.VALID.replace("model = \"pulsar\"", "model = \"fk06-arms\""));
        assertTrue(arms.startsWith("source.model = \"fk06-arms\"") && arms.contains("cartesian3d"), arms);
        String pulse = message(VALID_3D.replace("model = \"pulsar\"", "model = \"pulse\""));
        assertTrue(pulse.startsWith("source.model = \"pulse\"") && pulse.contains("[pulsar, fk06-arms]"), pulse);
    }

    @Test void a3dModelSolvesSteadyWithTheSymmetricSchemeOnly() {
        String mode = message(VALID_3D + "[solver]\nmode = \"ladder\"\n");
        assertTrue(mode.startsWith("solver.mode = \"ladder\" is not allowed"), mode);
        String scheme = message(VALID_3D + "[solver]\nscheme = \"paper\"\n");
        assertTrue(scheme.startsWith("solver.scheme = \"paper\""), scheme);
        assertTrue(parse(VALID_3D + "[solver]\nscheme = \"symmetric\"\n").is3d());
    }

    @Test void gridsWithoutCentralPlanesOrWithMixedKeysAreRefused() {
        String even = message(VALID_3D.replace("dx_kpc = 0.5", "n_xy = 20"));
        assertTrue(even.startsWith("grid.n_xy = 20 is not allowed: expected an odd count"), even);
        String spacing = message(VALID_3D.replace("dx_kpc = 0.5", "dx_kpc = 0.3"));
        assertTrue(spacing.startsWith("grid.dx_kpc = 0.3 is not allowed") && spacing.contains("r_max_kpc"), spacing);
        String both = message(VALID_3D.replace("dx_kpc = 0.5", "dx_kpc = 0.5\nn_xy = 81"));
        assertTrue(both.contains("either grid.n_xy or grid.dx_kpc"), both);
        String twoD = message(VALID_3D.replace("dx_kpc = 0.5", "dr_kpc = 0.5"));
        assertTrue(twoD.startsWith("missing key grid.dx_kpc or grid.n_xy"), twoD);
        String unknown = message(VALID_3D.replace("dx_kpc = 0.5", "dx_kpc = 0.5\ndr_kpc = 0.5"));
        assertTrue(unknown.startsWith("unknown key grid.dr_kpc"), unknown);
        String geometry = message(VALID_3D.replace("cartesian3d", "spherical"));
        assertTrue(geometry.contains("[cylindrical, cartesian, cartesian3d]"), geometry);
    }

    @Test void gridRefinementIsFor2dModels() {
        ConfigException e = assertThrows(ConfigException.class, () -> GridRefinement.atSpacing(parse(VALID_3D), 1));
        assertTrue(e.getMessage().contains("3D model"), e.getMessage());
    }
}
