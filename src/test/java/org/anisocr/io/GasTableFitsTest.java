package org.anisocr.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.anisocr.gas.AnalyticGas;
import org.anisocr.gas.GasTable;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gas table written in anisocr's own map layout (MapFits) reads back node for node. */
class GasTableFitsTest {
    private static final SpatialGrid GRID = new SpatialGrid(Geometry.CYLINDRICAL, 20, 2, 41, 81);

    /** Planes in the order named; "HI", "H2", "HII" hold that species, any other name holds HI. */
    private static List<MapFits.Plane> planes(AnalyticGas gas, String... names) {
        List<MapFits.Plane> out = new ArrayList<>();
        for (String name : names) {
            double[] v = new double[GRID.size()];
            for (int j = 0; j < GRID.nZ(); j++) {
                for (int i = 0; i < GRID.nR(); i++) {
                    double r = GRID.r(i);
                    double z = GRID.z(j);
                    v[GRID.index(i, j)] = switch (name) {
                        case "H2" -> gas.h2MoleculesPerCm3(r, z);
                        case "HII" -> gas.hiiPerCm3(r, z);
                        default -> gas.hiPerCm3(r, z);
                    };
                }
            }
            out.add(new MapFits.Plane(name, "cm-3", v));
        }
        return out;
    }

    @Test
    void readsPlanesByNameInAnyOrder(@TempDir Path dir) throws IOException {
        AnalyticGas gas = AnalyticGas.galprop();
        Path f = dir.resolve("gas.fits");
        MapFits.write(f, GRID, planes(gas, "HII", "hi", "H2"), Map.of());
        try (Fits fits = new Fits(f.toFile())) {
            BasicHDU<?> hdu = fits.getHDU(0);
            assertEquals("cm-3", hdu.getHeader().getStringValue("BUNIT"));
        }
        GasTable t = GasTableFits.read(f);
        assertEquals(GRID.nR(), t.rKpc().length);
        assertEquals(GRID.nZ(), t.zKpc().length);
        assertEquals(GRID.z(0), t.zKpc()[0], 1e-12);
        assertEquals(GRID.r(GRID.nR() - 1), t.rKpc()[GRID.nR() - 1], 1e-12);
        for (int j = 0; j < GRID.nZ(); j += 7) {
            for (int i = 0; i < GRID.nR(); i += 3) {
                double r = GRID.r(i);
                double z = GRID.z(j);
                assertEquals(gas.hiPerCm3(r, z), t.hiPerCm3(r, z), 1e-12);
                assertEquals(gas.h2MoleculesPerCm3(r, z), t.h2MoleculesPerCm3(r, z), 1e-12);
                assertEquals(gas.hiiPerCm3(r, z), t.hiiPerCm3(r, z), 1e-12);
            }
        }
    }

    @Test
    void roundTripsByName(@TempDir Path dir) throws IOException {
        AnalyticGas gas = AnalyticGas.galprop();
        Path f = dir.resolve("gas.fits");
        MapFits.write(f, GRID, planes(gas, "HI", "H2", "HII"), Map.of());
        GasTable t = GasTableFits.read(f);
        for (int j = 0; j < GRID.nZ(); j += 5) {
            for (int i = 0; i < GRID.nR(); i += 2) {
                double r = GRID.r(i);
                double z = GRID.z(j);
                assertEquals(gas.hiPerCm3(r, z), t.hiPerCm3(r, z), 1e-12, "HI at " + r + ", " + z);
                assertEquals(gas.h2MoleculesPerCm3(r, z), t.h2MoleculesPerCm3(r, z), 1e-12);
                assertEquals(gas.hiiPerCm3(r, z), t.hiiPerCm3(r, z), 1e-12);
            }
        }
        assertEquals(0, t.hiPerCm3(20.5, 0));
    }

    @Test
    void aMissingSpeciesIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("gas.fits");
        MapFits.write(f, GRID, planes(AnalyticGas.galprop(), "HI", "CO", "HII"), Map.of());
        IOException e = assertThrows(IOException.class, () -> GasTableFits.read(f));
        assertTrue(e.getMessage().contains("H2"), e.getMessage());
    }
}
