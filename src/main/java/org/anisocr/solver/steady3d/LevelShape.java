package org.anisocr.solver.steady3d;

/**
 * One multigrid level's lattice: nX × nY × nZ nodes stored x fastest (as {@link org.anisocr.grid.CartesianGrid3D}),
 * the nodes held at zero (every box face, and the nodes whose coarse basis function sees no free fine node), and
 * the 27-point stencil layout shared by every operator on it.
 *
 * <p>Stencil entry s = (o_x + 1) + 3 (o_y + 1) + 9 (o_z + 1) for the neighbour at offset (o_x, o_y, o_z); entry
 * {@link #CENTRE} (13) is the diagonal. Coefficients are stored entry-major, {@code a[s·n + p]}: a sweep over nodes
 * then reads each entry as one stream (the layout a GPU kernel coalesces).
 */
final class LevelShape {
    static final int ENTRIES = 27;
    static final int CENTRE = 13;
    final int nX;
    final int nY;
    final int nZ;
    final int size;
    final int strideY;
    final int strideZ;
    /** Node-index offset of stencil entry s. */
    final int[] offsets = new int[ENTRIES];
    final boolean[] fixed;

    LevelShape(int nX, int nY, int nZ, boolean[] fixed) {
        this.nX = nX;
        this.nY = nY;
        this.nZ = nZ;
        this.size = nX * nY * nZ;
        this.strideY = nX;
        this.strideZ = nX * nY;
        this.fixed = fixed;
        for (int s = 0; s < ENTRIES; s++) {
            offsets[s] = offsetX(s) + offsetY(s) * strideY + offsetZ(s) * strideZ;
        }
    }

    static int entry(int ox, int oy, int oz) {
        return (ox + 1) + 3 * (oy + 1) + 9 * (oz + 1);
    }

    static int offsetX(int s) { return s % 3 - 1; }
    static int offsetY(int s) { return (s / 3) % 3 - 1; }
    static int offsetZ(int s) { return s / 9 - 1; }

    /** The offset along one axis (0 x, 1 y, 2 z) of entry s. */
    static int offset(int s, int axis) {
        return switch (axis) {
            case 0 -> offsetX(s);
            case 1 -> offsetY(s);
            default -> offsetZ(s);
        };
    }

    /** The entry with the same offsets as s but {@code o} along {@code axis}. */
    static int withOffset(int s, int axis, int o) {
        int ox = axis == 0 ? o : offsetX(s);
        int oy = axis == 1 ? o : offsetY(s);
        int oz = axis == 2 ? o : offsetZ(s);
        return entry(ox, oy, oz);
    }

    int length(int axis) {
        return switch (axis) {
            case 0 -> nX;
            case 1 -> nY;
            default -> nZ;
        };
    }

    int stride(int axis) {
        return switch (axis) {
            case 0 -> 1;
            case 1 -> strideY;
            default -> strideZ;
        };
    }

    int index(int i, int j, int k) {
        return (k * nY + j) * nX + i;
    }

    /** Interior nodes (off the box faces). */
    long interiorNodes() {
        return (long) (nX - 2) * (nY - 2) * (nZ - 2);
    }
}
