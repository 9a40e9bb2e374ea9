package org.anisocr.operator;

import org.anisocr.field.FieldVector;
import org.anisocr.field.MagneticField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;

/**
 * The field-dependent, momentum-independent half of the tensor on the grid: the products b_i b_j
 * and the geometric parts of the drift velocities u_R, u_z (docs/physics.md §3). Computed once per (grid, field).
 *
 * <p>With D_ij = D⊥ δ_ij + (D∥ − D⊥) b_i b_j every drift is u = D⊥·uIso + (D∥ − D⊥)·uAni:
 * <pre>
 *   u_R: iso = 1/R (cylindrical), ani = b_R²/R + ∂_R(b_R²) + ∂_z(b_R b_z)
 *   u_z: iso = 0,                 ani = b_R b_z/R + ∂_R(b_R b_z) + ∂_z(b_z²)
 * </pre>
 * Derivatives of b_i b_j are taken by central differences on the grid (second-order one-sided at the
 * edges), not analytically, so any tabulated field works. On the axis (cylindrical) D_Rz/R is replaced by
 * its limit ∂_R D_Rz, i.e. u_z = 2 ∂_R D_Rz + ∂_z D_zz; u_R is not used there (the axis row is special).
 */
public final class FieldDirection {
    private final SpatialGrid grid;
    private final double[] bRR;
    private final double[] bZZ;
    private final double[] bRZ;
    private final double[] uRIso;
    private final double[] uRAni;
    private final double[] uZAni;

    public FieldDirection(SpatialGrid grid, MagneticField field) {
        this.grid = grid;
        int n = grid.size();
        bRR = new double[n];
        bZZ = new double[n];
        bRZ = new double[n];
        for (int j = 0; j < grid.nZ(); j++) {
            for (int i = 0; i < grid.nR(); i++) {
                FieldVector b = field.at(grid.r(i), grid.z(j));
                double mag = b.magnitude();
                if (!Double.isFinite(mag)) {
                    throw new IllegalArgumentException(
                            "field " + field.name() + " is not finite at R=" + grid.r(i) + " z=" + grid.z(j));
                }
                int idx = grid.index(i, j);
                if (mag == 0) {
                    continue; // |B| = 0: isotropic D⊥ δ_ij
                }
                double br = b.bR() / mag;
                double bz = b.bZ() / mag;
                bRR[idx] = br * br;
                bZZ[idx] = bz * bz;
                bRZ[idx] = br * bz;
            }
        }
        boolean cyl = grid.geometry() == Geometry.CYLINDRICAL;
        uRIso = new double[n];
        uRAni = new double[n];
        uZAni = new double[n];
        for (int j = 0; j < grid.nZ(); j++) {
            for (int i = 0; i < grid.nR(); i++) {
                int idx = grid.index(i, j);
                double r = grid.r(i);
                double dRbRZ = dR(bRZ, i, j);
                double dZbZZ = dZ(bZZ, i, j);
                if (cyl && i == 0) {
                    uZAni[idx] = 2 * dRbRZ + dZbZZ;
                    continue;
                }
                uRIso[idx] = cyl ? 1 / r : 0;
                uRAni[idx] = (cyl ? bRR[idx] / r : 0) + dR(bRR, i, j) + dZ(bRZ, i, j);
                uZAni[idx] = (cyl ? bRZ[idx] / r : 0) + dRbRZ + dZbZZ;
            }
        }
    }

    private double dR(double[] f, int i, int j) {
        int nR = grid.nR();
        double h = grid.dR();
        if (i == 0) {
            return (-3 * f[grid.index(0, j)] + 4 * f[grid.index(1, j)] - f[grid.index(2, j)]) / (2 * h);
        }
        if (i == nR - 1) {
            return (3 * f[grid.index(i, j)] - 4 * f[grid.index(i - 1, j)] + f[grid.index(i - 2, j)]) / (2 * h);
        }
        return (f[grid.index(i + 1, j)] - f[grid.index(i - 1, j)]) / (2 * h);
    }

    private double dZ(double[] f, int i, int j) {
        int nZ = grid.nZ();
        double h = grid.dz();
        if (j == 0) {
            return (-3 * f[grid.index(i, 0)] + 4 * f[grid.index(i, 1)] - f[grid.index(i, 2)]) / (2 * h);
        }
        if (j == nZ - 1) {
            return (3 * f[grid.index(i, j)] - 4 * f[grid.index(i, j - 1)] + f[grid.index(i, j - 2)]) / (2 * h);
        }
        return (f[grid.index(i, j + 1)] - f[grid.index(i, j - 1)]) / (2 * h);
    }

    public SpatialGrid grid() { return grid; }

    public double bRR(int idx) { return bRR[idx]; }
    public double bZZ(int idx) { return bZZ[idx]; }
    public double bRZ(int idx) { return bRZ[idx]; }

    /** D_RR at node idx for the scalars D⊥ and D∥ − D⊥. */
    public double dRR(int idx, double dPerp, double dAni) { return dPerp + dAni * bRR[idx]; }
    public double dZZ(int idx, double dPerp, double dAni) { return dPerp + dAni * bZZ[idx]; }
    public double dRZ(int idx, double dPerp, double dAni) { return dAni * bRZ[idx]; }
    public double uR(int idx, double dPerp, double dAni) { return dPerp * uRIso[idx] + dAni * uRAni[idx]; }
    public double uZ(int idx, double dPerp, double dAni) { return dAni * uZAni[idx]; }
}
