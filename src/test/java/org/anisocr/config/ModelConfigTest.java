package org.anisocr.config;

import org.anisocr.field.ToyField;
import org.anisocr.grid.Geometry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ModelConfigTest {
    static final String VALID = """
        [grid]
        r_max_kpc = 20.0
        half_height_kpc = 4.0
        dr_kpc = 0.1
        n_z = 81
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 1000.0
        bins_per_decade = 4
        [diffusion]
        eps_D = 0.1
        [field]
        model = "toy"
        eps_B = 0.2
        [source]
        model = "pulsar"
        """;

    @Test void parsesAValidModel() {
        ModelConfig c = ModelConfig.parse("m", VALID);
        assertEquals(201, c.grid().nR());
        assertEquals(81, c.grid().nZ());
        assertEquals(Geometry.CYLINDRICAL, c.grid().geometry());
        assertEquals(13, c.momenta().count());
        assertEquals(new ToyField(1.0, 3.5, 0.2), c.field());
        assertEquals(1e28 / 3.0172e29, c.diffusion().d0Kpc2PerMyr(), 1e-15);
        assertEquals(Mode.STEADY, c.solver().mode());
    }

    private static String error(String text) {
        return assertThrows(ConfigException.class, () -> ModelConfig.parse("m", text)).getMessage();
    }

    @Test void unknownKeyIsNamed() {
        String m = error(VALID.replace("eps_D = 0.1", "eps_D = 0.1\nepsD = 0.2"));
        assertTrue(m.contains("unknown key diffusion.epsD"), m);
        assertTrue(m.contains("eps_D"), "lists the known keys: " + m);
    }

    @Test void unknownTableIsNamed() {
        String m = error(VALID + "\n[solvers]\nmode = \"direct\"\n");
        assertTrue(m.contains("unknown table [solvers]: did you mean [solver]?"), m);
    }

    @Test void negativeGridSizeNamesKeyValueAndRange() {
        String m = error(VALID.replace("n_z = 81", "n_z = -5"));
        assertTrue(m.contains("grid.n_z = -5") && m.contains("[3, 100001]"), m);
    }

    @Test void wrongTypeIsNamed() {
        String m = error(VALID.replace("eps_D = 0.1", "eps_D = \"small\""));
        assertTrue(m.contains("diffusion.eps_D") && m.contains("wrong type"), m);
    }

    @Test void nanIsRefused() {
        String m = error(VALID.replace("eps_D = 0.1", "eps_D = nan"));
        assertTrue(m.contains("diffusion.eps_D = NaN") && m.contains("finite"), m);
    }

    @Test void spacingMustDivideTheDomain() {
        assertTrue(error(VALID.replace("dr_kpc = 0.1", "dr_kpc = 0.3")).contains("grid.dr_kpc"));
    }

    @Test void countAndSpacingTogetherAreRefused() {
        assertTrue(error(VALID.replace("n_z = 81", "n_z = 81\ndz_kpc = 0.1")).contains("not both"));
    }

    @Test void unknownFieldModelListsTheModels() {
        String m = error(VALID.replace("model = \"toy\"", "model = \"dipole\""));
        assertTrue(m.contains("field.model") && m.contains("toy"), m);
    }

    @Test void keyOfAnotherFieldModelIsUnknown() {
        assertTrue(error(VALID.replace("eps_B = 0.2", "b_r_uG = 1.0")).contains("unknown key field.b_r_uG"));
    }

    @Test void ladderBoundsAreChecked() {
        String m = error(VALID + "\n[solver.ladder]\ndt_max_Myr = 1.0\ndt_min_Myr = 2.0\n");
        assertTrue(m.contains("solver.ladder.dt_min_Myr = 2"), m);
    }

    @Test void missingFileIsBadInput() {
        String m = assertThrows(ConfigException.class, () -> ModelConfig.load(Path.of("no/such/model.toml")))
                .getMessage();
        assertTrue(m.contains("does not exist"), m);
    }

    @Test void brokenTomlIsBadInput() {
        assertTrue(error("[grid\nn_r = 3").startsWith("not valid TOML"));
    }
}
