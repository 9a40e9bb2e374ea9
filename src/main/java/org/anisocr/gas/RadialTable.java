package org.anisocr.gas;

import java.util.Arrays;

/**
 * A published table of one quantity against Galactocentric radius, linearly interpolated between its nodes and held
 * at its end values outside them. Nodes strictly increase; values are finite. Arrays are copied in and out, and
 * two tables with the same numbers are equal.
 *
 * @param rKpc   node radii (kpc), strictly increasing
 * @param values the quantity at each node, in the unit of the model that owns the table
 */
public record RadialTable(double[] rKpc, double[] values) {
    public RadialTable {
        rKpc = rKpc.clone();
        values = values.clone();
        if (rKpc.length == 0 || rKpc.length != values.length) {
            throw new IllegalArgumentException(
                    "a radial table needs as many values as nodes, at least one: " + rKpc.length + " nodes, "
                            + values.length + " values");
        }
        for (int i = 0; i < rKpc.length; i++) {
            if (!Double.isFinite(rKpc[i]) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("radial table entry " + i + " is not finite");
            }
            if (i > 0 && rKpc[i] <= rKpc[i - 1]) {
                throw new IllegalArgumentException("radial table nodes must increase: R[" + (i - 1) + "] = "
                        + rKpc[i - 1] + ", R[" + i + "] = " + rKpc[i]);
            }
        }
    }

    @Override
    public double[] rKpc() {
        return rKpc.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return rKpc.length;
    }

    public double firstRKpc() {
        return rKpc[0];
    }

    public double lastRKpc() {
        return rKpc[rKpc.length - 1];
    }

    /** The value at node i. */
    public double valueAt(int i) {
        return values[i];
    }

    /** Linear interpolation in R; the end values outside the nodes. */
    public double at(double r) {
        int n = rKpc.length;
        if (r <= rKpc[0]) {
            return values[0];
        }
        if (r >= rKpc[n - 1]) {
            return values[n - 1];
        }
        int k = Arrays.binarySearch(rKpc, r);
        if (k >= 0) {
            return values[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double t = (r - rKpc[lo]) / (rKpc[hi] - rKpc[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadialTable t && Arrays.equals(rKpc, t.rKpc) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rKpc) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "RadialTable[rKpc=" + Arrays.toString(rKpc) + ", values=" + Arrays.toString(values) + "]";
    }

    /** Whether this table has the same nodes as another. */
    public boolean sameNodes(RadialTable other) {
        return Arrays.equals(rKpc, other.rKpc);
    }
}
