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
 * The exact steady Green's-function solution of anisotropic diffusion in a uniform oblique field ("G3D").
 *
 * <p>With D = D⊥ I + (D∥ − D⊥) b b constant, the coordinates x' = D^(−1/2) x turn −∇·(D·∇N) = S into
 * −∇'² N = S. A source that is a Gaussian of the same shape as D,
 * <pre>
 *   S = S0 exp(−ρ² / (2 s²)),   ρ² = xᵀ D⁻¹ x = |x'|²,   D⁻¹ = (I − b b)/D⊥ + b b/D∥,
 * </pre>
 * is isotropic in x', and the infinite-space solution is the potential of a Gaussian charge,
 * <pre>
 *   N = S0 s³ √(π/2) erf(ρ / (√2 s)) / ρ        (→ S0 s² at ρ = 0),
 * </pre>
 * since its x'-space total is S0 (2π s²)^(3/2) and the potential of total charge M is M erf(ρ/(√2 s))/(4π ρ).
 * The box is finite, so the boundary nodes carry this exact N instead of 0: the solver (which holds them at 0)
 * solves for U = N − B, B the exact N on the Dirichlet nodes and 0 inside, with the lifted source S + L B; then
 * N_h = U + B. The error is then the discretisation error alone, with nothing from the box.
 *
 * <p>Set-up: box [−1, 1]³ kpc, b ∥ (0.8, −0.5, 0.33), D∥ = 1, D⊥ = 0.1 kpc²/Myr, s = 0.7 (the source is 0.7 kpc
 * wide along b and 0.22 kpc across), S0 = 1 per Myr.
 */
public final class GreenFunction3DValidation {
    public static final double D_PARALLEL = 1.0;
    public static final double D_PERP = 0.1;
    public static final double WIDTH = 0.7;
    static final double[] DIRECTION = unit(0.8, -0.5, 0.33);

    /** The uniform oblique field along {@link #DIRECTION}. */
    public record ObliqueField() implements MagneticField3D {
        @Override public FieldVector3 at(double xKpc, double yKpc, double zKpc) {
            return new FieldVector3(DIRECTION[0], DIRECTION[1], DIRECTION[2]);
        }

        @Override public String name() { return "uniform-oblique-3d"; }
    }

    private GreenFunction3DValidation() {}

    private static double[] unit(double x, double y, double z) {
        double m = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / m, y / m, z / m};
    }

    public static CartesianGrid3D grid(int n) { return new CartesianGrid3D(1, 1, n, n, n, false); }

    /** ρ = √(xᵀ D⁻¹ x). */
    static double rho(double x, double y, double z) {
        double along = x * DIRECTION[0] + y * DIRECTION[1] + z * DIRECTION[2];
        double r2 = x * x + y * y + z * z;
        return Math.sqrt((r2 - along * along) / D_PERP + along * along / D_PARALLEL);
    }

    public static double source(double x, double y, double z) {
        double r = rho(x, y, z);
        return Math.exp(-r * r / (2 * WIDTH * WIDTH));
    }

    public static double exact(double x, double y, double z) {
        double r = rho(x, y, z);
        double u = r / (Math.sqrt(2) * WIDTH);
        if (u < 1e-4) {
            // erf(u)/u = (2/√π)(1 − u²/3 + …): the limit without the 0/0
            return WIDTH * WIDTH * (1 - u * u / 3);
        }
        return WIDTH * WIDTH * WIDTH * Math.sqrt(Math.PI / 2) * Erf.erf(u) / r;
    }

    public static GridResult solve(int n) {
        long t0 = System.nanoTime();
        CartesianGrid3D g = grid(n);
        SymmetricOperator3D op = new SymmetricOperator3D(g, new ObliqueField());
        double[] exact = Steady3DRuns.sample(g, GreenFunction3DValidation::exact, false);
        double[] lift = new double[g.size()];
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    if (g.isDirichlet(i, j, k)) {
                        lift[g.index(i, j, k)] = exact[g.index(i, j, k)];
                    }
                }
            }
        }
        double[] source = Steady3DRuns.sample(g, GreenFunction3DValidation::source, true);
        double[] liftTerm = new double[g.size()];
        op.apply(D_PARALLEL, D_PERP, lift, liftTerm); // 0 on the Dirichlet nodes
        for (int p = 0; p < source.length; p++) {
            source[p] += liftTerm[p];
        }
        Steady3DResult r = Steady3DRuns.solve(op, D_PARALLEL, D_PERP, source);
        double[] n3 = r.density().clone();
        for (int p = 0; p < n3.length; p++) {
            n3[p] += lift[p];
        }
        return Steady3DRuns.result(g, n3, exact, r, t0);
    }

    public static List<GridResult> convergence(int[] sizes) {
        List<GridResult> out = new ArrayList<>();
        for (int n : sizes) {
            out.add(solve(n));
        }
        return ObservedOrders.withOrders(out);
    }
}
