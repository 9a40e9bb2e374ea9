package org.anisocr.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The [sky] table: defaults, every key, and the refusals that name the key. */
class SkySettingsTest {
    private static final String BASE = """
        [grid]
        n_r = 21
        n_z = 11
        [momentum]
        [diffusion]
        [field]
        model = "toy"
        [source]
        model = "pulsar"
        """;

    private static SkySettings sky(String table) {
        return ModelConfig.parse("m", BASE + table).sky();
    }

    @Test
    void withoutATableRunWritesNoSky() {
        SkySettings s = sky("");
        assertFalse(s.enabled());
        assertEquals(128, s.nside());
        assertEquals(10, s.fitMinGeV());
        assertEquals(100, s.fitMaxGeV());
        assertEquals(0, s.energiesGeV().length);
    }

    @Test
    void everyKeyIsRead() {
        SkySettings s = sky("[sky]\nnside = 64\ncar = true\nfit_min_GeV = 5\nfit_max_GeV = 50\n"
                + "energies_GeV = [1, 5, 50]\nz_sun_kpc = 0.02\n");
        assertTrue(s.enabled());
        assertEquals(64, s.nside());
        assertTrue(s.car());
        assertArrayEquals(new double[] {1, 5, 50}, s.energiesGeV());
        assertEquals(0.02, s.zSunKpc());
        assertFalse(sky("[sky]\nenabled = false\n").enabled());
    }

    @Test
    void badValuesNameTheirKey() {
        assertTrue(assertThrows(ConfigException.class, () -> sky("[sky]\nnside = 100\n")).getMessage()
                .contains("sky.nside"));
        assertTrue(assertThrows(ConfigException.class, () -> sky("[sky]\nfit_min_GeV = 100\nfit_max_GeV = 10\n"))
                .getMessage().contains("sky.fit_max_GeV"));
        assertTrue(assertThrows(ConfigException.class, () -> sky("[sky]\nenergies_GeV = [10, 5]\n")).getMessage()
                .contains("sky.energies_GeV"));
        assertTrue(assertThrows(ConfigException.class, () -> sky("[sky]\nnsid = 64\n")).getMessage()
                .contains("nsid"));
    }
}
