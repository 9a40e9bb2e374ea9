package org.anisocr.validation;

import org.anisocr.field.FieldVector;
import org.anisocr.field.MagneticField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.FieldDirection;
import org.anisocr.operator.Source;

/**
 * The manufactured source of ψ = cos(kR R) cos(kH z) (paper eq. B.9) computed independently of the solver's
 * coefficient arrays: the tensor is evaluated from the field function itself and its derivatives ∂_R D_RR, ∂_z D_Rz,
 * ∂_R D_Rz, ∂_z D_zz by fourth-order central differences with a 1e-3 kpc step (error ~1e-12), not from the grid's
 * central differences of b_i b_j. {@link org.anisocr.source.ManufacturedSource} reuses the scheme's own drift arrays,
 * so an error in those arrays (a dropped metric drift, a wrong derivative) cancels between source and stencil;
 * with this source it shows up as an O(1) error.
 *
 * <p>S = −[D_RR ψ_RR + D_zz ψ_zz + 2 D_Rz ψ_Rz + u_R ψ_R + u_z ψ_z], u_R = D_RR/R + ∂_R D_RR + ∂_z D_Rz,
 * u_z = D_Rz/R + ∂_R D_Rz + ∂_z D_zz (cylindrical; no 1/R terms in slab geometry). On the axis the same limits as
 * the scheme (docs/physics.md §3): D_RR ψ_R/R → D_RR ψ_RR and D_Rz/R → ∂_R D_Rz (exact when D_Rz(0, z) = 0).
 */
public record IndependentManufacturedSource(MagneticField field) implements Source {
    private static final double STEP = 1e-3;

    @Override public double[] rate(FieldDirection direction, double pGeV, double dPerp, double dAni) {
        SpatialGrid g = direction.grid();
        double kR = Math.PI / (2 * g.rMaxKpc());
        double kH = Math.PI / (2 * g.halfHeightKpc());
        boolean cyl = g.geometry() == Geometry.CYLINDRICAL;
        double[] s = new double[g.size()];
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                if (g.isDirichlet(i, j)) {
                    continue;
                }
                double r = g.r(i);
                double z = g.z(j);
                double cr = Math.cos(kR * r);
                double sr = Math.sin(kR * r);
                double cz = Math.cos(kH * z);
                double sz = Math.sin(kH * z);
                double psi = cr * cz;
                double psiR = -kR * sr * cz;
                double psiZ = -kH * cr * sz;
                double psiRR = -kR * kR * psi;
                double psiZZ = -kH * kH * psi;
                double psiRZ = kR * kH * sr * sz;
                double[] d = tensor(r, z, dPerp, dAni);
                double dRdRR = dR(r, z, dPerp, dAni, 0);
                double dZdRZ = dZ(r, z, dPerp, dAni, 2);
                double dRdRZ = dR(r, z, dPerp, dAni, 2);
                double dZdZZ = dZ(r, z, dPerp, dAni, 1);
                double op = d[0] * psiRR + d[1] * psiZZ + 2 * d[2] * psiRZ
                        + (dRdRR + dZdRZ) * psiR + (dRdRZ + dZdZZ) * psiZ;
                if (cyl) {
                    if (i == 0) {
                        op += d[0] * psiRR + dRdRZ * psiZ;
                    } else {
                        op += d[0] / r * psiR + d[2] / r * psiZ;
                    }
                }
                s[g.index(i, j)] = -op;
            }
        }
        return s;
    }

    /** (D_RR, D_zz, D_Rz) at (R, z). */
    private double[] tensor(double r, double z, double dPerp, double dAni) {
        FieldVector b = field.at(r, z);
        double m = b.magnitude();
        if (m == 0) {
            return new double[]{dPerp, dPerp, 0};
        }
        double br = b.bR() / m;
        double bz = b.bZ() / m;
        return new double[]{dPerp + dAni * br * br, dPerp + dAni * bz * bz, dAni * br * bz};
    }

    private double dR(double r, double z, double dPerp, double dAni, int c) {
        double e = STEP;
        return (-tensor(r + 2 * e, z, dPerp, dAni)[c] + 8 * tensor(r + e, z, dPerp, dAni)[c]
                - 8 * tensor(r - e, z, dPerp, dAni)[c] + tensor(r - 2 * e, z, dPerp, dAni)[c]) / (12 * e);
    }

    private double dZ(double r, double z, double dPerp, double dAni, int c) {
        double e = STEP;
        return (-tensor(r, z + 2 * e, dPerp, dAni)[c] + 8 * tensor(r, z + e, dPerp, dAni)[c]
                - 8 * tensor(r, z - e, dPerp, dAni)[c] + tensor(r, z - 2 * e, dPerp, dAni)[c]) / (12 * e);
    }

    @Override public String name() { return "manufactured-independent"; }
}
