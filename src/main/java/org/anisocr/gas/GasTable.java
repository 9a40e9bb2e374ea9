package org.anisocr.gas;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user's gas on an (R, z) grid: n_HI, n_H2 (molecules) and n_HII in cm⁻³ at every node, row-major in z (index
 * j·nR + i, as anisocr's own maps), bilinear between nodes and zero outside the table (the user's gas ends where
 * the table does). Nodes strictly increase; densities are finite and ≥ 0. All arrays are copied in and out; two
 * tables with the same numbers are equal.
 *
 * @param rKpc              the R nodes (kpc)
 * @param zKpc              the z nodes (kpc)
 * @param hiPerCm3          n_HI at node (i, j), index j·nR + i
 * @param h2MoleculesPerCm3 n_H2 (molecules)
 * @param hiiPerCm3         n_HII
 */
public record GasTable(double[] rKpc, double[] zKpc, double[] hiPerCm3, double[] h2MoleculesPerCm3,
                       double[] hiiPerCm3) implements GasModel {
    public GasTable {
        rKpc = increasing(rKpc, "R");
        zKpc = increasing(zKpc, "z");
        int size = rKpc.length * zKpc.length;
        hiPerCm3 = densities(hiPerCm3, size, "HI");
        h2MoleculesPerCm3 = densities(h2MoleculesPerCm3, size, "H2");
        hiiPerCm3 = densities(hiiPerCm3, size, "HII");
    }

    private static double[] increasing(double[] nodes, String axis) {
        double[] c = nodes.clone();
        if (c.length == 0) {
            throw new IllegalArgumentException("gas table has no " + axis + " nodes");
        }
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i]) || (i > 0 && c[i] <= c[i - 1])) {
                throw new IllegalArgumentException("gas table " + axis + " nodes must be finite and increase (node "
                        + i + ")");
            }
        }
        return c;
    }

    private static double[] densities(double[] values, int size, String species) {
        double[] c = values.clone();
        if (c.length != size) {
            throw new IllegalArgumentException("gas table " + species + " has " + c.length + " values, the grid "
                    + size);
        }
        for (int k = 0; k < c.length; k++) {
            if (!Double.isFinite(c[k]) || c[k] < 0) {
                throw new IllegalArgumentException("gas table " + species + " value " + k + " is " + c[k]
                        + ": densities must be finite and >= 0");
            }
        }
        return c;
    }

    @Override
    public double[] rKpc() {
        return rKpc.clone();
    }

    @Override
    public double[] zKpc() {
        return zKpc.clone();
    }

    @Override
    public double[] hiPerCm3() {
        return hiPerCm3.clone();
    }

    @Override
    public double[] h2MoleculesPerCm3() {
        return h2MoleculesPerCm3.clone();
    }

    @Override
    public double[] hiiPerCm3() {
        return hiiPerCm3.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GasTable t && Arrays.equals(rKpc, t.rKpc) && Arrays.equals(zKpc, t.zKpc)
                && Arrays.equals(hiPerCm3, t.hiPerCm3) && Arrays.equals(h2MoleculesPerCm3, t.h2MoleculesPerCm3)
                && Arrays.equals(hiiPerCm3, t.hiiPerCm3);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(rKpc), Arrays.hashCode(zKpc), Arrays.hashCode(hiPerCm3),
                Arrays.hashCode(h2MoleculesPerCm3), Arrays.hashCode(hiiPerCm3));
    }

    @Override
    public String toString() {
        return "GasTable[" + rKpc.length + " R nodes " + rKpc[0] + ".." + rKpc[rKpc.length - 1] + " kpc, "
                + zKpc.length + " z nodes " + zKpc[0] + ".." + zKpc[zKpc.length - 1] + " kpc]";
    }

    @Override
    public double hiPerCm3(double rKpc, double zKpc) {
        return bilinear(hiPerCm3, rKpc, zKpc);
    }

    @Override
    public double h2MoleculesPerCm3(double rKpc, double zKpc) {
        return bilinear(h2MoleculesPerCm3, rKpc, zKpc);
    }

    @Override
    public double hiiPerCm3(double rKpc, double zKpc) {
        return bilinear(hiiPerCm3, rKpc, zKpc);
    }

    private double bilinear(double[] v, double r, double z) {
        int i = cell(rKpc, r);
        int j = cell(zKpc, z);
        if (i < 0 || j < 0) {
            return 0;
        }
        int nR = rKpc.length;
        int i1 = Math.min(i + 1, nR - 1);
        int j1 = Math.min(j + 1, zKpc.length - 1);
        double tr = i1 == i ? 0 : (r - rKpc[i]) / (rKpc[i1] - rKpc[i]);
        double tz = j1 == j ? 0 : (z - zKpc[j]) / (zKpc[j1] - zKpc[j]);
        double lower = v[j * nR + i] + tr * (v[j * nR + i1] - v[j * nR + i]);
        double upper = v[j1 * nR + i] + tr * (v[j1 * nR + i1] - v[j1 * nR + i]);
        return lower + tz * (upper - lower);
    }

    /** The node at or below x whose cell holds x, or −1 outside [first, last]. */
    private static int cell(double[] nodes, double x) {
        int n = nodes.length;
        if (!(x >= nodes[0]) || x > nodes[n - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (nodes[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return x == nodes[n - 1] ? n - 1 : lo;
    }
}
