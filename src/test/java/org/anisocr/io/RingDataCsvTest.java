package org.anisocr.io;

import org.anisocr.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingDataCsvTest {
    @TempDir Path dir;

    @Test void readsRowsByColumnNameAndSkipsComments() throws Exception {
        Path f = dir.resolve("rings.csv");
        Files.writeString(
                f,
                "# comment\n"
                        + "R_min_kpc,R_max_kpc,proton_index,error,source\n"
                        + "1.5,4.5,2.6,0.05,synthetic\n\n"
                        + "4.5,5.5,2.7,0.04,synthetic\n");
        List<RingDataCsv.Row> p = RingDataCsv.read(f, "proton_index", "error");
        assertEquals(2, p.size());
        assertEquals(1.5, p.get(0).rMinKpc(), 0);
        assertEquals(4.5, p.get(0).rMaxKpc(), 0);
        assertEquals(0.04, p.get(1).error(), 0);
    }

    @Test void theCommittedFermiFilesAreReadableAndEmpty() throws Exception {
        // data/README.md: the Fermi-LAT ring tables could not be retrieved, so these hold a header only.
        assertTrue(RingDataCsv.read(Path.of("data/fermi-lat-proton-index-rings.csv"), "proton_index", "error")
                .isEmpty());
        assertTrue(RingDataCsv.read(Path.of("data/fermi-lat-proton-density-rings.csv"), "density_rel", "error")
                .isEmpty());
        assertTrue(RingDataCsv.read(Path.of("data/fermi-lat-gamma-index-rings.csv"), "gamma_index", "error").isEmpty());
    }

    @Test void missingColumnOrBadNumberNamesTheFile() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "R_min_kpc,R_max_kpc,value\n1,2,3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> RingDataCsv.read(f, "value", "error"));
        assertTrue(e.getMessage().contains("no column error"), e.getMessage());
        Files.writeString(f, "R_min_kpc,R_max_kpc,value,error\n1,2,x,0.1\n");
        e = assertThrows(ConfigException.class, () -> RingDataCsv.read(f, "value", "error"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
