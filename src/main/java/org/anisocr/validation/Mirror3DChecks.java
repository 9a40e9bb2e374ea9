package org.anisocr.validation;

import org.anisocr.field.AxisymmetricField3D;
import org.anisocr.field.JanssonFarrar2012Field;
import org.anisocr.field.MagneticField3D;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.source.PulsarSource;
import org.anisocr.validation.ExactChecks.Measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Symmetries of the 3D steady solution ("mirror-3d"). Only b b enters the transport, so a map of space M is a
 * symmetry of the problem when the field obeys B(M x) = ±M B(x) (either sign) and the source S(M x) = S(x); the grid
 * is mapped onto itself node for node (x_(n−1−i) = −x_i exactly), so the discrete operator has the symmetry and
 * N(M x) = N(x) holds to the solver's tolerance (to round-off where the iteration itself is symmetric under M; the
 * multigrid smoother relaxes x-lines before y-lines, which a quarter-turn exchanges).
 * <ul>
 *   <li>JF12 disk alone, z → −z: the arms and the ring are even in z with B_z = 0 (B(x, y, −z) = +M B).</li>
 *   <li>JF12 X-field alone, z → −z: B_R odd and B_z even in z (B(x, y, −z) = −M B).</li>
 *   <li>the toy field (axisymmetric, helical) under the half-turn about the x axis, (x, y, z) → (x, −y, −z): a
 *       helix has a handedness, so it is not symmetric under a single reflection, but B(M x) = −M B(x) here.</li>
 *   <li>the toy field under the quarter-turn about the z axis, (x, y) → (−y, x): any axisymmetric field.</li>
 * </ul>
 * The full JF12 field has none of these: its disk (+M) and X-field (−M) transform with opposite signs, so their sum
 * does not, and the halo's north and south differ (b_N = 1.4 µG, r_N = 9.22 kpc against b_S = −1.1 µG, r_S = 17
 * kpc). Its N(z) − N(−z) is reported for information, without a bound.
 *
 * <p>Set-up: x, y ∈ [−R_max, R_max], z ∈ [−H, H] with the cylinder, spacing h; pulsar source (even in z,
 * axisymmetric), D0 = 1e28 cm²/s, εD = 0.1, p = 1 GeV. Measured: max |N(x) − N(M x)| / max |N|.
 */
public final class Mirror3DChecks {
    /** Whether the check has a bound (a true symmetry) or is for information (the full JF12 field). */
    public record Check(Measure measure, boolean symmetry) { }

    private Mirror3DChecks() {}

    /** The maps, as node permutations of a grid with nX = nY. */
    enum Map3D {
        Z_FLIP, HALF_TURN_X, QUARTER_TURN_Z;

        int image(CartesianGrid3D g, int i, int j, int k) {
            return switch (this) {
                case Z_FLIP -> g.index(i, j, g.nZ() - 1 - k);
                case HALF_TURN_X -> g.index(i, g.nY() - 1 - j, g.nZ() - 1 - k);
                case QUARTER_TURN_Z -> g.index(g.nX() - 1 - j, i, k);
            };
        }
    }

    static double[] solve(CartesianGrid3D g, MagneticField3D field) {
        PulsarSource s = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        DiffusionTensor t = new DiffusionTensor(AxisymmetricEmbedding3D.D0_KPC2_PER_MYR, 0.3, 0.5, 0.1, 1);
        double[] source = Steady3DRuns.sample(g, (x, y, z) -> s.spatial(Math.hypot(x, y), z), true);
        return Steady3DRuns.solve(new SymmetricOperator3D(g, field), t.parallel(1), t.perpendicular(1), source)
                .density();
    }

    /** max |N(x) − N(M x)| / max |N| over all nodes. */
    static double asymmetry(CartesianGrid3D g, double[] n, Map3D map) {
        double worst = 0;
        double max = 0;
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    double v = n[g.index(i, j, k)];
                    max = Math.max(max, Math.abs(v));
                    worst = Math.max(worst, Math.abs(v - n[map.image(g, i, j, k)]));
                }
            }
        }
        return worst / max;
    }

    /** Every check on the grid of R_max, H and spacing h (kpc). */
    public static List<Check> run(double rMaxKpc, double halfHeightKpc, double hKpc) {
        int nXY = (int) Math.rint(2 * rMaxKpc / hKpc) + 1;
        int nZ = (int) Math.rint(2 * halfHeightKpc / hKpc) + 1;
        CartesianGrid3D g = new CartesianGrid3D(rMaxKpc, halfHeightKpc, nXY, nXY, nZ);
        List<Check> out = new ArrayList<>();
        double[] disk = solve(g, new JanssonFarrar2012Field(true, false, false));
        out.add(new Check(Measure.of("jf12-disk z→−z", nXY, asymmetry(g, disk, Map3D.Z_FLIP)), true));
        double[] x = solve(g, new JanssonFarrar2012Field(false, false, true));
        out.add(new Check(Measure.of("jf12-x z→−z", nXY, asymmetry(g, x, Map3D.Z_FLIP)), true));
        double[] toy = solve(g, new AxisymmetricField3D(AxisymmetricEmbedding3D.field()));
        out.add(new Check(Measure.of("toy (x,y,z)→(x,−y,−z)", nXY, asymmetry(g, toy, Map3D.HALF_TURN_X)), true));
        out.add(new Check(Measure.of("toy (x,y)→(−y,x)", nXY, asymmetry(g, toy, Map3D.QUARTER_TURN_Z)), true));
        double[] full = solve(g, JanssonFarrar2012Field.jf12());
        out.add(new Check(Measure.of("jf12-full z→−z (no symmetry)", nXY, asymmetry(g, full, Map3D.Z_FLIP)), false));
        return out;
    }
}
