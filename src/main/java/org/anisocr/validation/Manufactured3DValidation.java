package org.anisocr.validation;

import org.anisocr.field.FieldVector3;
import org.anisocr.field.MagneticField3D;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.solver.steady3d.Steady3DResult;
import org.anisocr.validation.Steady3DRuns.GridResult;

import java.util.ArrayList;
import java.util.List;

/**
 * 3D manufactured steady solution ("M3D"): −∇·(D·∇N) = S on the box [−1, 1]³ kpc (N = 0 on its faces, no cylinder)
 * in a field whose direction turns with y and z and tilts with x, with the exact continuous S of
 * <pre>
 *   N = cos(a x) cos(a y) cos(a z) e^(c_x x + c_y y),   a = π/2, c_x = 0.4, c_y = −0.3,
 *   B = (cos θ, sin θ, 0.5 + 0.25 x),                    θ = 0.4 y + 0.8 z,
 * </pre>
 * derived by hand: with g = ∇N, H = ∇∇N and b = B/|B|,
 * <pre>
 *   ∇·(D·∇N) = D⊥ tr H + (D∥ − D⊥) [ (∇·b)(b·g) + b_i (∂_i b_j) g_j + bᵀ H b ],
 *   ∂_i b_j = (∂_i B_j − b_j b_k ∂_i B_k) / |B|.
 * </pre>
 * Nothing in S comes from the scheme (the test checks it against sixth-order differences of the exact flux), so
 * the difference between the solver's N and the exact one is the scheme's discretisation error alone. D∥ = 1 and
 * D⊥ = 0.05 kpc²/Myr, the validation's εD; N is unitless.
 */
public final class Manufactured3DValidation {
    public static final double D_PARALLEL = 1.0;
    public static final double D_PERP = 0.05;
    static final double A = Math.PI / 2;
    static final double CX = 0.4;
    static final double CY = -0.3;
    static final double TURN_Y = 0.4;
    static final double TURN_Z = 0.8;
    static final double TILT0 = 0.5;
    static final double TILT_X = 0.25;

    /** The twisted field of the class comment (µG, only its direction matters). */
    public record TwistedField() implements MagneticField3D {
        @Override public FieldVector3 at(double xKpc, double yKpc, double zKpc) {
            double theta = TURN_Y * yKpc + TURN_Z * zKpc;
            return new FieldVector3(Math.cos(theta), Math.sin(theta), TILT0 + TILT_X * xKpc);
        }

        @Override public String name() { return "twisted"; }
    }

    private Manufactured3DValidation() {}

    public static CartesianGrid3D grid(int n) { return new CartesianGrid3D(1, 1, n, n, n, false); }

    public static double exact(double x, double y, double z) {
        return Math.cos(A * x) * Math.exp(CX * x) * Math.cos(A * y) * Math.exp(CY * y) * Math.cos(A * z);
    }

    /** u, u', u'' of u(t) = cos(a t) e^(c t). */
    private static double[] factor(double t, double c) {
        double e = Math.exp(c * t);
        double cs = Math.cos(A * t);
        double sn = Math.sin(A * t);
        return new double[] {cs * e, (c * cs - A * sn) * e, ((c * c - A * A) * cs - 2 * A * c * sn) * e};
    }

    /** The exact S = −∇·(D·∇N) (per Myr) at a point, from the closed form of the class comment. */
    public static double source(double x, double y, double z) {
        double[] f = factor(x, CX);
        double[] g = factor(y, CY);
        double[] h = factor(z, 0);
        double[] grad = {f[1] * g[0] * h[0], f[0] * g[1] * h[0], f[0] * g[0] * h[1]};
        double[][] hess = {
            {f[2] * g[0] * h[0], f[1] * g[1] * h[0], f[1] * g[0] * h[1]},
            {f[1] * g[1] * h[0], f[0] * g[2] * h[0], f[0] * g[1] * h[1]},
            {f[1] * g[0] * h[1], f[0] * g[1] * h[1], f[0] * g[0] * h[2]}};
        double theta = TURN_Y * y + TURN_Z * z;
        double[] field = {Math.cos(theta), Math.sin(theta), TILT0 + TILT_X * x};
        // jacobian[i][j] = ∂_i B_j
        double[][] jacobian = {
            {0, 0, TILT_X},
            {-TURN_Y * field[1], TURN_Y * field[0], 0},
            {-TURN_Z * field[1], TURN_Z * field[0], 0}};
        double magnitude = Math.sqrt(field[0] * field[0] + field[1] * field[1] + field[2] * field[2]);
        double[] b = {field[0] / magnitude, field[1] / magnitude, field[2] / magnitude};
        double divB = 0;
        double bGradBG = 0;
        double bHb = 0;
        double bg = 0;
        for (int i = 0; i < 3; i++) {
            double bJi = b[0] * jacobian[i][0] + b[1] * jacobian[i][1] + b[2] * jacobian[i][2];
            bg += b[i] * grad[i];
            for (int j = 0; j < 3; j++) {
                double dbij = (jacobian[i][j] - b[j] * bJi) / magnitude;
                if (i == j) {
                    divB += dbij;
                }
                bGradBG += b[i] * dbij * grad[j];
                bHb += b[i] * hess[i][j] * b[j];
            }
        }
        double laplacian = hess[0][0] + hess[1][1] + hess[2][2];
        return -(D_PERP * laplacian + (D_PARALLEL - D_PERP) * (divB * bg + bGradBG + bHb));
    }

    public static GridResult solve(int n) {
        long t0 = System.nanoTime();
        CartesianGrid3D g = grid(n);
        SymmetricOperator3D op = new SymmetricOperator3D(g, new TwistedField());
        Steady3DResult r = Steady3DRuns.solve(op, D_PARALLEL, D_PERP,
                Steady3DRuns.sample(g, Manufactured3DValidation::source, true));
        return Steady3DRuns.result(g, r.density(), Steady3DRuns.sample(g, Manufactured3DValidation::exact, false),
                r, t0);
    }

    /** Each grid of n³ nodes (ascending), with the observed orders. */
    public static List<GridResult> convergence(int[] sizes) {
        List<GridResult> out = new ArrayList<>();
        for (int n : sizes) {
            out.add(solve(n));
        }
        return ObservedOrders.withOrders(out);
    }
}
