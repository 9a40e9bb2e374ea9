package org.anisocr.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.field.AxisymmetricField3D;
import org.anisocr.field.ToyField;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.SymmetricOperator;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.anisocr.solver.steady3d.Steady3DResult;
import org.anisocr.source.PulsarSource;

import java.util.ArrayList;
import java.util.List;

/**
 * An axisymmetric model solved in 3D and in 2D ("axisym-3d"): the 3D solution, azimuthally averaged, must equal the
 * 2D (R, z) solution of the same model on the same spacing, up to the two schemes' discretisation errors (O(h²)).
 *
 * <p>Model: the paper's toy field (§3; B0φ = 1 µG, R0 = 3.5 kpc, εB = 0.5) seen in 3D through
 * {@link AxisymmetricField3D}, the pulsar source (paper eq. 2.2, a = 1.9, b = 5, R☉ = 8.3 kpc, z0 = 0.2 kpc),
 * D0 = 1e28 cm²/s and εD = 0.1 as in configs/toy-epsB0.5-epsD0.1.toml, one momentum p = p0 = 1 GeV (so D∥ = D0,
 * D⊥ = εD D0). 2D: the symmetric scheme in cylindrical geometry, solved exactly (banded LU). 3D: the symmetric scheme
 * on x, y ∈ [−R_max, R_max] with the cylindrical boundary (N = 0 at √(x² + y²) ≥ R_max), z ∈ [−H, H], the same
 * spacing h in x, y and R and in z.
 *
 * <p>Azimuthal average: at each 2D node (R_i, z_k) the 3D plane z_k is interpolated (cubic Lagrange in x and y,
 * error O(h⁴), negligible beside the O(h²) being measured) at {@link #AZIMUTHS} equally spaced azimuths on the
 * circle of radius R_i and the values averaged. Reported: the relative difference at (R = 8.5 kpc, z = 0), the largest
 * |N3D − N2D| over R ≤ 0.8 R_max (all z) relative to max N2D, and the azimuthal spread (max − min)/mean of the 3D
 * solution on that circle at the plane (zero for an exactly axisymmetric solution).
 */
public final class AxisymmetricEmbedding3D {
    public static final int AZIMUTHS = 256;
    public static final double R_COMPARE_KPC = 8.5;
    public static final double EPS_D = 0.1;
    static final double D0_KPC2_PER_MYR = 1e28 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR;

    /** Domain and spacing: R_max and H (kpc), h (kpc) in R, x, y and z. */
    public record Size(double rMaxKpc, double halfHeightKpc, double hKpc) {
        public Size {
            if (!(hKpc > 0) || Math.abs(rMaxKpc / hKpc - Math.rint(rMaxKpc / hKpc)) > 1e-9
                    || Math.abs(halfHeightKpc / hKpc - Math.rint(halfHeightKpc / hKpc)) > 1e-9) {
                throw new IllegalArgumentException("R_max and H must be whole multiples of h: " + this);
            }
        }

        int nR() { return (int) Math.rint(rMaxKpc / hKpc) + 1; }
        int nZ() { return (int) Math.rint(2 * halfHeightKpc / hKpc) + 1; }
    }

    /** One spacing's comparison. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(@JsonProperty("r_max_kpc") double rMaxKpc,
                         @JsonProperty("half_height_kpc") double halfHeightKpc,
                         @JsonProperty("h_kpc") double spacingKpc, @JsonProperty("nodes_3d") long nodes3d,
                         @JsonProperty("rel_diff_at_8.5kpc_plane") double relAtSun,
                         @JsonProperty("max_diff_over_max_n_r_le_0.8rmax") double maxRel,
                         @JsonProperty("azimuthal_spread_at_8.5kpc_plane") double azimuthalSpread,
                         @JsonProperty("iterations_3d") int iterations, @JsonProperty("residual_3d") double residual,
                         @JsonProperty("seconds") double seconds,
                         @JsonProperty("order_at_8.5kpc") Double orderAtSun,
                         @JsonProperty("order_max") Double orderMax) {
        Result withOrders(Double sun, Double max) {
            return new Result(rMaxKpc, halfHeightKpc, spacingKpc, nodes3d, relAtSun, maxRel, azimuthalSpread,
                    iterations, residual, seconds, sun, max);
        }
    }

    private AxisymmetricEmbedding3D() {}

    static ToyField field() { return new ToyField(1, 3.5, 0.5); }

    static PulsarSource source() { return new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1); }

    static DiffusionTensor tensor() { return new DiffusionTensor(D0_KPC2_PER_MYR, 0.1, 0.6, EPS_D, 1); }

    /** N2D on the (R, z) grid of the size, symmetric scheme, exact solve. */
    static double[] solve2d(SpatialGrid g) {
        TransportProblem p = new TransportProblem(g, new MomentumGrid(1, 1, 1), tensor(), field(), source());
        return new DirectSteadySolver(new SymmetricOperator(p), 1).solveBin(0);
    }

    public static Result compare(Size size) {
        long t0 = System.nanoTime();
        SpatialGrid g2 = new SpatialGrid(Geometry.CYLINDRICAL, size.rMaxKpc(), size.halfHeightKpc(), size.nR(),
                size.nZ());
        double[] n2 = solve2d(g2);
        int nXY = 2 * size.nR() - 1;
        CartesianGrid3D g3 = new CartesianGrid3D(size.rMaxKpc(), size.halfHeightKpc(), nXY, nXY, size.nZ());
        PulsarSource s = source();
        double[] s3 = Steady3DRuns.sample(g3, (x, y, z) -> s.spatial(Math.hypot(x, y), z), true);
        DiffusionTensor t = tensor();
        Steady3DResult r = Steady3DRuns.solve(new SymmetricOperator3D(g3,
                new AxisymmetricField3D(field())), t.parallel(1), t.perpendicular(1), s3);
        double[] n3 = r.density();
        double maxN2 = 0;
        double maxDiff = 0;
        int sunI = (int) Math.rint(R_COMPARE_KPC / size.hKpc());
        int plane = (size.nZ() - 1) / 2;
        double relSun = Double.NaN;
        for (int k = 0; k < g2.nZ(); k++) {
            for (int i = 0; i < g2.nR(); i++) {
                double v2 = n2[g2.index(i, k)];
                maxN2 = Math.max(maxN2, Math.abs(v2));
                if (g2.r(i) > 0.8 * size.rMaxKpc() + 1e-9) {
                    continue;
                }
                double v3 = ringAverage(g3, n3, g2.r(i), k)[0];
                maxDiff = Math.max(maxDiff, Math.abs(v3 - v2));
                if (i == sunI && k == plane) {
                    relSun = Math.abs(v3 - v2) / v2;
                }
            }
        }
        double[] sun = ringAverage(g3, n3, sunI * size.hKpc(), plane);
        return new Result(size.rMaxKpc(), size.halfHeightKpc(), size.hKpc(), g3.size(), relSun, maxDiff / maxN2,
                (sun[2] - sun[1]) / sun[0], r.iterations(), r.relativeResidual(), (System.nanoTime() - t0) * 1e-9,
                null, null);
    }

    /** {mean, min, max} over {@link #AZIMUTHS} azimuths of the bicubic interpolant of plane k on the circle R. */
    static double[] ringAverage(CartesianGrid3D g, double[] n, double rKpc, int k) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < AZIMUTHS; a++) {
            double phi = 2 * Math.PI * a / AZIMUTHS;
            double v = bicubic(g, n, rKpc * Math.cos(phi), rKpc * Math.sin(phi), k);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {sum / AZIMUTHS, min, max};
    }

    /**
     * Plane k of n at (x, y) by cubic Lagrange interpolation on the 4 × 4 nodes around the point (exact for cubics,
     * error O(h⁴)): bilinear interpolation would add its own O(h²) bias, h²/3 · ∇²N on average over a circle, of the
     * same order as the difference measured.
     */
    static double bicubic(CartesianGrid3D g, double[] n, double x, double y, int k) {
        double fx = (x + g.rMaxKpc()) / g.dxKpc();
        double fy = (y + g.rMaxKpc()) / g.dyKpc();
        int i = Math.min(Math.max((int) Math.floor(fx), 1), g.nX() - 3);
        int j = Math.min(Math.max((int) Math.floor(fy), 1), g.nY() - 3);
        double[] wx = cubicWeights(fx - i);
        double[] wy = cubicWeights(fy - j);
        double sum = 0;
        for (int b = 0; b < 4; b++) {
            double row = 0;
            for (int a = 0; a < 4; a++) {
                row += wx[a] * n[g.index(i - 1 + a, j - 1 + b, k)];
            }
            sum += wy[b] * row;
        }
        return sum;
    }

    /** Lagrange weights of the nodes −1, 0, 1, 2 at position t. */
    private static double[] cubicWeights(double t) {
        return new double[] {
            -t * (t - 1) * (t - 2) / 6, (t + 1) * (t - 1) * (t - 2) / 2, -(t + 1) * t * (t - 2) / 2,
            (t + 1) * t * (t - 1) / 6};
    }

    /** Each spacing (coarse to fine, same domain) with the observed orders of the two differences. */
    public static List<Result> convergence(List<Size> sizes) {
        List<Result> out = new ArrayList<>();
        for (Size s : sizes) {
            Result r = compare(s);
            if (!out.isEmpty()) {
                Result p = out.get(out.size() - 1);
                r = r.withOrders(ErrorNorms.order(p.relAtSun(), r.relAtSun(), p.spacingKpc(), r.spacingKpc()),
                        ErrorNorms.order(p.maxRel(), r.maxRel(), p.spacingKpc(), r.spacingKpc()));
            }
            out.add(r);
        }
        return out;
    }
}
