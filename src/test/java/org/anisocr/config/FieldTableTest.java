package org.anisocr.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.field.JanssonFarrarXField;
import org.anisocr.field.RealisticField;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The [field] table of the realistic model: switches, scaling, strict keys. */
class FieldTableTest {
    private static final double TOL = 1e-9;
    private final JanssonFarrarXField x = JanssonFarrarXField.jf12();

    @Test
    void configSwitchesAndStrictKeys() throws Exception {
        ObjectMapper om = new ObjectMapper();
        TableReader off = new TableReader(
                "field", om.readTree("{\"model\": \"realistic\", \"x_enabled\": false, \"disk_r0_kpc\": 12}"));
        RealisticField f = (RealisticField) FieldTable.read(off);
        assertEquals(0, f.at(2, 1).bR());
        assertEquals(0, f.at(2, 1).bZ());
        assertEquals(12, f.azimuthal().diskR0Kpc());

        TableReader half = new TableReader("field", om.readTree("{\"model\": \"realistic\", \"x_scale\": 0.5}"));
        RealisticField h = (RealisticField) FieldTable.read(half);
        assertEquals(0.5 * x.at(2, 1)[1], h.at(2, 1).bZ(), TOL);

        TableReader zero =
                new TableReader("field", om.readTree("{\"model\": \"realistic\", \"x_zero_within_kpc\": 1.0}"));
        RealisticField zf = (RealisticField) FieldTable.read(zero);
        assertEquals(0, zf.at(0.5, 0.5).bZ());
        assertNotEquals(0, zf.at(1.5, 0).bZ());

        TableReader bad = new TableReader("field", om.readTree("{\"model\": \"realistic\", \"x_theta_deg\": 40}"));
        ConfigException e = assertThrows(ConfigException.class, () -> FieldTable.read(bad));
        assertTrue(e.getMessage().contains("field.x_theta_deg"));
    }
}
