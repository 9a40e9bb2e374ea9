package org.anisocr.config;

import org.anisocr.gas.XCo;
import org.anisocr.io.GasModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GasSettingsTest {
    private static final String BASE = """
            [grid]
            n_r = 11
            n_z = 5
            [momentum]
            count = 2
            p_max_GeV = 10
            [diffusion]
            [field]
            model = "uniform"
            b_r_uG = 1
            b_phi_uG = 0
            b_z_uG = 0
            [source]
            model = "pulsar"
            """;

    @Test
    void noTableMeansGalpropWithItsXco() {
        GasSettings gas = ModelConfig.parse("m", BASE).gas();
        assertEquals(GasSettings.Model.GALPROP, gas.model());
        assertEquals(1.9e20, gas.xCo().cm2PerKKmS(8.5));
    }

    @Test
    void strongGradientAndConstantAreRead() {
        GasSettings s = ModelConfig.parse("m", BASE + "[gas]\nx_co = \"strong2004\"\n").gas();
        assertInstanceOf(XCo.StrongEtAl2004.class, s.xCo());
        GasSettings c = ModelConfig.parse("m", BASE + "[gas]\nx_co_cm2_per_K_km_s = 2e20\n").gas();
        assertEquals(2e20, c.xCo().cm2PerKKmS(3));
        // the analytic gas the products use depends on the X_CO given
        double h2Default = GasModels.resolve(GasSettings.defaults(), null).h2MoleculesPerCm3(5, 0);
        double h2Double = GasModels.resolve(c, null).h2MoleculesPerCm3(5, 0);
        assertEquals(2e20 / 1.9e20, h2Double / h2Default, 1e-12);
    }

    @Test
    void badInputNamesTheKey() {
        ConfigException range = assertThrows(ConfigException.class,
                () -> ModelConfig.parse("m", BASE + "[gas]\nx_co_cm2_per_K_km_s = 5\n"));
        assertTrue(range.getMessage().contains("gas.x_co_cm2_per_K_km_s"), range.getMessage());
        ConfigException noFile = assertThrows(ConfigException.class,
                () -> ModelConfig.parse("m", BASE + "[gas]\nmodel = \"table\"\n"));
        assertTrue(noFile.getMessage().contains("gas.table_file"), noFile.getMessage());
        ConfigException both = assertThrows(ConfigException.class,
                () -> ModelConfig.parse("m", BASE + "[gas]\nx_co = \"strong2004\"\nx_co_cm2_per_K_km_s = 2e20\n"));
        assertTrue(both.getMessage().contains("strong2004"), both.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> ModelConfig.parse("m", BASE + "[gas]\ndensity = 1\n"));
        assertTrue(unknown.getMessage().contains("gas.density"), unknown.getMessage());
    }

    @Test
    void missingTableFileIsAConfigError() {
        GasSettings t = ModelConfig.parse("m", BASE + "[gas]\nmodel = \"table\"\ntable_file = \"nope.fits\"\n").gas();
        ConfigException e = assertThrows(ConfigException.class, () -> GasModels.resolve(t, Path.of("/tmp")));
        assertTrue(e.getMessage().contains("gas.table_file") && e.getMessage().contains("nope.fits"), e.getMessage());
    }
}
