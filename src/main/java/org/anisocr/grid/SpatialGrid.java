package org.anisocr.grid;

/**
 * Uniform node-centred grid: R_i = i·dR for i = 0..NR−1 (R_{NR−1} = Rmax),
 * z_j = −H + j·dz for j = 0..Nz−1 (z_0 = −H, z_{Nz−1} = H).
 * Fields are stored z-major, R fastest: index(i, j) = j·NR + i, which is also the FITS axis order.
 */
public record SpatialGrid(Geometry geometry, double rMaxKpc, double halfHeightKpc, int nR, int nZ) {

    public SpatialGrid {
        if (nR < 3 || nZ < 3) {
            throw new IllegalArgumentException("grid needs at least 3×3 nodes, got " + nR + "×" + nZ);
        }
        if (!(rMaxKpc > 0) || !(halfHeightKpc > 0)) {
            throw new IllegalArgumentException("Rmax and H must be > 0");
        }
    }

    public double dR() { return rMaxKpc / (nR - 1); }
    public double dz() { return 2 * halfHeightKpc / (nZ - 1); }
    public double r(int i) { return i * dR(); }
    public double z(int j) { return -halfHeightKpc + j * dz(); }
    public int size() { return nR * nZ; }
    public int index(int i, int j) { return j * nR + i; }

    /** Nodes held at N = 0: R = Rmax and z = ±H. */
    public boolean isDirichlet(int i, int j) { return i == nR - 1 || j == 0 || j == nZ - 1; }

    /** Cell-volume weight for integrals: 2πR dR dz (cylindrical, R=0 cell gets πΔR²/4·dz) or dx dz. */
    public double volumeWeight(int i) {
        double dR = dR();
        double dz = dz();
        if (geometry == Geometry.CARTESIAN) {
            return (i == 0 || i == nR - 1 ? 0.5 : 1.0) * dR * dz;
        }
        if (i == 0) {
            return Math.PI * dR * dR / 4 * dz;
        }
        double w = 2 * Math.PI * r(i) * dR * dz;
        return i == nR - 1 ? 0.5 * w : w;
    }

    /** Index of the node closest to the plane z = 0. */
    public int planeIndex() { return (int) Math.round(halfHeightKpc / dz()); }

    /** Index of the node closest to radius R. */
    public int radialIndex(double rKpc) {
        return (int) Math.max(0, Math.min(nR - 1, Math.round(rKpc / dR())));
    }
}
