package org.anisocr.source;

import org.anisocr.operator.Source;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.FieldDirection;

/**
 * Manufactured steady solution ψ = cos(kR R) cos(kH z), kR = π/(2 Rmax), kH = π/(2H) (docs/physics.md §5, paper B.9).
 * ψ meets every boundary condition; the source is −(operator)ψ computed from the same tensor and drift
 * arrays as the scheme:
 * S = (kR² D_RR + kH² D_zz) ψ − 2 kR kH D_Rz sin sin + kR u_R sin(kR R) cos(kH z) + kH u_z cos(kR R) sin(kH z).
 * On the axis kR u_R sin(kR R) is replaced by its limit kR² D_RR (u_R ⊃ D_RR/R), matching the axis row.
 */
public record ManufacturedSource() implements Source {
    public static final String MODEL = "manufactured";

    public static double exact(SpatialGrid g, int i, int j) {
        return Math.cos(kR(g) * g.r(i)) * Math.cos(kH(g) * g.z(j));
    }

    static double kR(SpatialGrid g) { return Math.PI / (2 * g.rMaxKpc()); }
    static double kH(SpatialGrid g) { return Math.PI / (2 * g.halfHeightKpc()); }

    @Override public double[] rate(FieldDirection d, double pGeV, double dPerp, double dAni) {
        SpatialGrid g = d.grid();
        double kR = kR(g);
        double kH = kH(g);
        double[] s = new double[g.size()];
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                int idx = g.index(i, j);
                double cr = Math.cos(kR * g.r(i));
                double sr = Math.sin(kR * g.r(i));
                double cz = Math.cos(kH * g.z(j));
                double sz = Math.sin(kH * g.z(j));
                double dRR = d.dRR(idx, dPerp, dAni);
                double radialDrift = i == 0
                        ? (g.geometry() == Geometry.CYLINDRICAL ? kR * kR * dRR * cz : 0)
                        : kR * d.uR(idx, dPerp, dAni) * sr * cz;
                double mixed = i == 0 ? 0 : 2 * kR * kH * d.dRZ(idx, dPerp, dAni) * sr * sz;
                s[idx] = (kR * kR * dRR + kH * kH * d.dZZ(idx, dPerp, dAni)) * cr * cz - mixed
                        + radialDrift + kH * d.uZ(idx, dPerp, dAni) * cr * sz;
            }
        }
        return Source.clearBoundary(g, s);
    }

    @Override public String name() { return MODEL; }
}
