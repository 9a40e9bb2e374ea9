package org.anisocr.gas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A user's gas table: exact at its nodes, exact for a bilinear field, zero outside, strict about its input. */
class GasTableTest {
    private static final double[] R = {0, 1, 3, 6};
    private static final double[] Z = {-1, 0, 0.5};

    private static double[] field(double a, double b, double c, double d) {
        double[] v = new double[R.length * Z.length];
        for (int j = 0; j < Z.length; j++) {
            for (int i = 0; i < R.length; i++) {
                v[j * R.length + i] = a + b * R[i] + c * Z[j] + d * R[i] * Z[j];
            }
        }
        return v;
    }

    private static GasTable table() {
        return new GasTable(R, Z, field(2, 0.1, 0.3, 0.05), field(1, 0.2, 0.5, 0), field(3, 0, 0, 0));
    }

    @Test
    void exactAtNodesAndForBilinearFields() {
        GasTable t = table();
        for (int j = 0; j < Z.length; j++) {
            for (int i = 0; i < R.length; i++) {
                double expected = 2 + 0.1 * R[i] + 0.3 * Z[j] + 0.05 * R[i] * Z[j];
                assertEquals(expected, t.hiPerCm3(R[i], Z[j]), 1e-14);
            }
        }
        double r = 4.2;
        double z = -0.3;
        assertEquals(2 + 0.1 * r + 0.3 * z + 0.05 * r * z, t.hiPerCm3(r, z), 1e-14);
        assertEquals(1 + 0.2 * r + 0.5 * z, t.h2MoleculesPerCm3(r, z), 1e-14);
        assertEquals(3, t.hiiPerCm3(r, z), 1e-14);
        assertEquals(t.hiPerCm3(r, z) + 2 * t.h2MoleculesPerCm3(r, z) + 3, t.hydrogenAtomsPerCm3(r, z), 1e-14);
    }

    @Test
    void zeroOutsideTheTable() {
        GasTable t = table();
        assertEquals(0, t.hiPerCm3(6.01, 0));
        assertEquals(0, t.hiPerCm3(2, 0.51));
        assertEquals(0, t.hiPerCm3(2, -1.01));
        assertEquals(0, t.hiPerCm3(Double.NaN, 0));
        assertEquals(2 + 0.6 + 0.15 + 0.15, t.hiPerCm3(6, 0.5), 1e-14);
    }

    @Test
    void rejectsBadTables() {
        double[] ok = field(1, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> new GasTable(new double[] {0, 2, 1, 3}, Z, ok, ok, ok));
        assertThrows(IllegalArgumentException.class, () -> new GasTable(R, Z, new double[3], ok, ok));
        double[] negative = ok.clone();
        negative[4] = -1e-3;
        assertThrows(IllegalArgumentException.class, () -> new GasTable(R, Z, ok, negative, ok));
        double[] nan = ok.clone();
        nan[0] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new GasTable(R, Z, ok, ok, nan));
    }

    @Test
    void copiesItsArrays() {
        double[] r = R.clone();
        double[] hi = field(2, 0, 0, 0);
        GasTable t = new GasTable(r, Z, hi, hi, hi);
        r[1] = 42;
        hi[0] = 42;
        t.hiPerCm3()[0] = 42;
        assertEquals(1, t.rKpc()[1]);
        assertEquals(2, t.hiPerCm3(0, -1), 1e-15);
        assertEquals(table(), table());
        assertEquals(table().hashCode(), table().hashCode());
    }
}
