package org.anisocr.analysis.sky;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;

/**
 * The emissivity of a 2D (R, z) model seen in 3D: ε(x, y, z) = ε(R = √(x² + y²), z), bilinear between the grid's
 * nodes. The values are stored energy-fastest ([node][energy]) so that one sample reads four short runs of memory
 * for all energies. Its breakpoints are where the ray crosses the grid lines z = z_j (linear in s) and the circles
 * R = R_i (a quadratic in s), and the ray's closest approach to the axis, where R(s) has its minimum (a kink when
 * the ray passes through the axis): between them the integrand is smooth.
 */
public final class AxisymmetricEmissivity implements EmissivityField {
    private final SpatialGrid grid;
    private final int energies;
    private final double[] values;
    // the grid's constants, read at every sample (SpatialGrid computes its spacings on each call)
    private final double inverseDR;
    private final double inverseDz;
    private final double halfHeight;
    private final int nR;
    private final int nZ;

    /**
     * @param grid       the model's cylindrical (R, z) grid
     * @param emissivity ε[e][node] in photons cm⁻³ s⁻¹ GeV⁻¹ (node = {@link SpatialGrid#index}); copied
     */
    public AxisymmetricEmissivity(SpatialGrid grid, double[][] emissivity) {
        if (grid.geometry() != Geometry.CYLINDRICAL) {
            throw new IllegalArgumentException("an axisymmetric sky needs a cylindrical (R, z) grid, got "
                    + grid.geometry().key());
        }
        this.grid = grid;
        this.energies = emissivity.length;
        inverseDR = 1 / grid.dR();
        inverseDz = 1 / grid.dz();
        halfHeight = grid.halfHeightKpc();
        nR = grid.nR();
        nZ = grid.nZ();
        values = EnergyFastest.interleave(emissivity, grid.size());
    }

    @Override public int energyCount() { return energies; }

    @Override public double rMaxKpc() { return grid.rMaxKpc(); }

    @Override public double halfHeightKpc() { return grid.halfHeightKpc(); }

    @Override
    public void breakpoints(Ray ray, double s0, double s1, Breakpoints out) {
        addPlaneCrossings(ray, s0, s1, out);
        addCircleCrossings(ray, s0, s1, out);
    }

    /** s where z(s) = z_j, in increasing s. */
    private void addPlaneCrossings(Ray ray, double s0, double s1, Breakpoints out) {
        if (ray.dz() == 0) {
            return;
        }
        double dz = grid.dz();
        double h = grid.halfHeightKpc();
        double u0 = (ray.z(s0) + h) / dz;
        double u1 = (ray.z(s1) + h) / dz;
        int step = u1 > u0 ? 1 : -1;
        int first = step > 0 ? (int) Math.floor(u0) + 1 : (int) Math.ceil(u0) - 1;
        for (int j = first; step > 0 ? j < u1 : j > u1; j += step) {
            double s = (j * dz - h - ray.z0Kpc()) / ray.dz();
            if (s > s0 && s < s1) {
                out.add(s);
            }
        }
    }

    /** s where R(s) = R_i, and the closest approach to the axis; in increasing s. */
    private void addCircleCrossings(Ray ray, double s0, double s1, Breakpoints out) {
        double a = ray.dx() * ray.dx() + ray.dy() * ray.dy();
        if (a < 1e-24) {
            return; // a ray along z keeps its R
        }
        double sMin = -(ray.x0Kpc() * ray.dx() + ray.y0Kpc() * ray.dy()) / a;
        double rMin2 = Math.max(0, sq(ray.x(sMin)) + sq(ray.y(sMin)));
        double dR = grid.dR();
        // the part before the closest approach (R falling), then the part after it (R rising)
        if (s0 < sMin) {
            double sEnd = Math.min(s1, sMin);
            double rHi = Math.hypot(ray.x(s0), ray.y(s0));
            double rLo = Math.hypot(ray.x(sEnd), ray.y(sEnd));
            for (int i = (int) Math.ceil(rHi / dR) - 1; i * dR > rLo; i--) {
                double s = sMin - Math.sqrt(Math.max(0, sq(i * dR) - rMin2) / a);
                if (s > s0 && s < s1) {
                    out.add(s);
                }
            }
            if (sMin < s1) {
                out.add(sMin);
            }
        }
        if (s1 > sMin) {
            double sStart = Math.max(s0, sMin);
            double rLo = Math.hypot(ray.x(sStart), ray.y(sStart));
            double rHi = Math.hypot(ray.x(s1), ray.y(s1));
            for (int i = (int) Math.floor(rLo / dR) + 1; i * dR < rHi; i++) {
                double s = sMin + Math.sqrt(Math.max(0, sq(i * dR) - rMin2) / a);
                if (s > s0 && s < s1) {
                    out.add(s);
                }
            }
        }
    }

    private static double sq(double v) { return v * v; }

    @Override
    public void accumulate(double xKpc, double yKpc, double zKpc, double weight, double[] acc) {
        double r = Math.sqrt(xKpc * xKpc + yKpc * yKpc);
        double u = r * inverseDR;
        double v = (zKpc + halfHeight) * inverseDz;
        if (!(u <= nR - 1) || !(v >= 0 && v <= nZ - 1)) {
            return; // outside the model: no emission
        }
        int i = Math.min((int) u, nR - 2);
        int j = Math.min((int) v, nZ - 2);
        double fr = u - i;
        double fz = v - j;
        double w00 = weight * (1 - fr) * (1 - fz);
        double w10 = weight * fr * (1 - fz);
        double w01 = weight * (1 - fr) * fz;
        double w11 = weight * fr * fz;
        int n00 = (j * nR + i) * energies;
        int n10 = n00 + energies;
        int n01 = n00 + nR * energies;
        int n11 = n01 + energies;
        for (int e = 0; e < energies; e++) {
            acc[e] += w00 * values[n00 + e] + w10 * values[n10 + e] + w01 * values[n01 + e] + w11 * values[n11 + e];
        }
    }
}
