package org.anisocr.analysis.sky;

import org.anisocr.grid.CartesianGrid3D;

/**
 * The emissivity of a 3D model on its Cartesian grid, trilinear between nodes and zero outside the box and the
 * cylinder R ≤ R_max (where the model holds no cosmic rays). Stored energy-fastest like
 * {@link AxisymmetricEmissivity}. Its breakpoints are the crossings of the grid planes x = x_i, y = y_j, z = z_k,
 * each linear in s: between them the trilinear field is a cubic polynomial in s.
 */
public final class CartesianEmissivity implements EmissivityField {
    private final CartesianGrid3D grid;
    private final int energies;
    private final double[] values;
    private final double[] lower;
    private final double[] inverseStep;
    private final int[] count;

    /**
     * @param grid       the model's 3D grid
     * @param emissivity ε[e][node] in photons cm⁻³ s⁻¹ GeV⁻¹ (node = {@link CartesianGrid3D#index}); copied
     */
    public CartesianEmissivity(CartesianGrid3D grid, double[][] emissivity) {
        this.grid = grid;
        this.energies = emissivity.length;
        values = EnergyFastest.interleave(emissivity, grid.size());
        lower = new double[] {grid.xKpc(0), grid.yKpc(0), grid.zKpc(0)};
        inverseStep = new double[] {1 / grid.dxKpc(), 1 / grid.dyKpc(), 1 / grid.dzKpc()};
        count = new int[] {grid.nX(), grid.nY(), grid.nZ()};
    }

    @Override public int energyCount() { return energies; }

    @Override public double rMaxKpc() { return grid.rMaxKpc(); }

    @Override public double halfHeightKpc() { return grid.halfHeightKpc(); }

    @Override
    public void breakpoints(Ray ray, double s0, double s1, Breakpoints out) {
        double[] origin = {ray.x0Kpc(), ray.y0Kpc(), ray.z0Kpc()};
        double[] direction = {ray.dx(), ray.dy(), ray.dz()};
        for (int axis = 0; axis < 3; axis++) {
            double d = direction[axis];
            if (d == 0) {
                continue;
            }
            double u0 = (origin[axis] + s0 * d - lower[axis]) * inverseStep[axis];
            double u1 = (origin[axis] + s1 * d - lower[axis]) * inverseStep[axis];
            int step = u1 > u0 ? 1 : -1;
            int first = step > 0 ? (int) Math.floor(u0) + 1 : (int) Math.ceil(u0) - 1;
            for (int k = first; step > 0 ? k < u1 : k > u1; k += step) {
                double s = (lower[axis] + k / inverseStep[axis] - origin[axis]) / d;
                if (s > s0 && s < s1) {
                    out.add(s);
                }
            }
        }
    }

    @Override
    public void accumulate(double xKpc, double yKpc, double zKpc, double weight, double[] acc) {
        if (xKpc * xKpc + yKpc * yKpc > grid.rMaxKpc() * grid.rMaxKpc()) {
            return; // outside the cylinder: no cosmic rays
        }
        double u = (xKpc - lower[0]) * inverseStep[0];
        double v = (yKpc - lower[1]) * inverseStep[1];
        double w = (zKpc - lower[2]) * inverseStep[2];
        if (!(u >= 0 && u <= count[0] - 1 && v >= 0 && v <= count[1] - 1 && w >= 0 && w <= count[2] - 1)) {
            return;
        }
        int i = Math.min((int) u, count[0] - 2);
        int j = Math.min((int) v, count[1] - 2);
        int k = Math.min((int) w, count[2] - 2);
        double fx = u - i;
        double fy = v - j;
        double fz = w - k;
        int base = grid.index(i, j, k) * energies;
        int dxs = energies;
        int dys = count[0] * energies;
        int dzs = count[0] * count[1] * energies;
        double[] corner = {(1 - fx) * (1 - fy) * (1 - fz), fx * (1 - fy) * (1 - fz), (1 - fx) * fy * (1 - fz),
            fx * fy * (1 - fz), (1 - fx) * (1 - fy) * fz, fx * (1 - fy) * fz, (1 - fx) * fy * fz, fx * fy * fz};
        int[] offset = {0, dxs, dys, dxs + dys, dzs, dzs + dxs, dzs + dys, dzs + dxs + dys};
        for (int c = 0; c < 8; c++) {
            double wc = weight * corner[c];
            if (wc == 0) {
                continue;
            }
            int n = base + offset[c];
            for (int e = 0; e < energies; e++) {
                acc[e] += wc * values[n + e];
            }
        }
    }
}
