package org.anisocr.grid;

/**
 * Uniform node-centred 3D Cartesian grid in Galactocentric coordinates (kpc): x_i, y_j ∈ [−R_max, R_max] and
 * z_k ∈ [−H, H], with x_0 = −R_max, x_{nX−1} = R_max (likewise y, z). Stored x fastest, then y, then z:
 * index(i, j, k) = (k·nY + j)·nX + i, the FITS axis order.
 *
 * <p>N = 0 on the box faces and, when {@code cylindricalBoundary} is on (the default), at every node with
 * √(x² + y²) ≥ R_max, so that an axisymmetric model is solved on exactly the domain of the 2D (R, z) model.
 *
 * @param rMaxKpc half-width R_max of the box in x and y, and the radius of the cylindrical boundary
 * @param halfHeightKpc half-height H of the box
 * @param cylindricalBoundary whether nodes at √(x² + y²) ≥ R_max are held at N = 0 as well
 */
public record CartesianGrid3D(double rMaxKpc, double halfHeightKpc, int nX, int nY, int nZ,
                              boolean cylindricalBoundary) {

    public CartesianGrid3D {
        if (nX < 3 || nY < 3 || nZ < 3) {
            throw new IllegalArgumentException(
                    "3D grid needs at least 3 nodes per axis, got " + nX + "×" + nY + "×" + nZ);
        }
        if (!(rMaxKpc > 0) || !(halfHeightKpc > 0) || Double.isInfinite(rMaxKpc)
                || Double.isInfinite(halfHeightKpc)) {
            throw new IllegalArgumentException(
                    "3D grid needs finite R_max > 0 and H > 0 (kpc), got R_max = " + rMaxKpc + ", H = "
                            + halfHeightKpc);
        }
        if ((long) nX * nY * nZ > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "3D grid of " + nX + "×" + nY + "×" + nZ + " nodes exceeds one Java array");
        }
    }

    /** The grid with the cylindrical boundary on (the default). */
    public CartesianGrid3D(double rMaxKpc, double halfHeightKpc, int nX, int nY, int nZ) {
        this(rMaxKpc, halfHeightKpc, nX, nY, nZ, true);
    }

    public double dxKpc() { return 2 * rMaxKpc / (nX - 1); }
    public double dyKpc() { return 2 * rMaxKpc / (nY - 1); }
    public double dzKpc() { return 2 * halfHeightKpc / (nZ - 1); }

    // Written as a fraction of the half-width so that x(nX−1−i) = −x(i) exactly and the end nodes sit exactly on
    // ±R_max: mirror-symmetry tests then compare bit-identical coordinates.
    public double xKpc(int i) { return rMaxKpc * (2.0 * i - (nX - 1)) / (nX - 1); }
    public double yKpc(int j) { return rMaxKpc * (2.0 * j - (nY - 1)) / (nY - 1); }
    public double zKpc(int k) { return halfHeightKpc * (2.0 * k - (nZ - 1)) / (nZ - 1); }

    public int size() { return nX * nY * nZ; }
    public int index(int i, int j, int k) { return (k * nY + j) * nX + i; }

    /** Nodes held at N = 0: the six box faces and, with the cylindrical boundary, √(x² + y²) ≥ R_max. */
    public boolean isDirichlet(int i, int j, int k) {
        if (i == 0 || j == 0 || k == 0 || i == nX - 1 || j == nY - 1 || k == nZ - 1) {
            return true;
        }
        return cylindricalBoundary && outsideCylinder(i, j);
    }

    /**
     * √(x² + y²) ≥ R_max decided in integers (x/R_max = a/(nX−1) with a = 2i − (nX−1)), so that nodes lying exactly
     * on the circle are always boundary nodes, whatever the rounding of their coordinates.
     */
    private boolean outsideCylinder(int i, int j) {
        long a = 2L * i - (nX - 1);
        long b = 2L * j - (nY - 1);
        long sx = nX - 1;
        long sy = nY - 1;
        return a * a * sy * sy + b * b * sx * sx >= sx * sx * sy * sy;
    }
}
