package org.anisocr.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiscreteOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.anisocr.source.ManufacturedSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Manufactured steady solutions P1–P3 (docs/physics.md §5, paper Appendix B, Table 2): ψ = cos(kR R) cos(kH z) with the
 * source of paper eq. B.9 built from the same tensor and drift arrays as the scheme, in cylindrical geometry,
 * εD = 0.05. The steady state of the discrete operator is found exactly (banded LU) and compared with ψ on
 * every node; the error is then purely the spatial truncation error of the paper's stencil.
 *
 * <p>Separately, {@link #splitFixedPoint} marches the paper's split scheme at a fixed dt until it stops changing
 * and measures how far that fixed point lies from the exact discrete steady state: the split step adds S·dt/3
 * in each of three sub-steps, so its fixed point is not the root of L N + S = 0 but differs from it by O(dt).
 */
public final class ManufacturedValidation {

    public enum Case {
        P1, P2, P3;

        public MagneticField field() {
            double b0 = ValidationModels.B0_MICRO_GAUSS;
            return switch (this) {
                case P1 -> new UniformField(0, 0, b0);
                case P2 -> new UniformField(b0, 0, b0);
                case P3 -> new GaussianBumpField(b0, 1e-3, 2);
            };
        }
    }

    /** Errors of the exact discrete steady state against ψ on one n×n grid (worst momentum bin). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GridResult(@JsonProperty("n") int n, @JsonProperty("h_kpc") double h,
                             @JsonProperty("error_l2_rel") double l2Rel, @JsonProperty("error_max_rel") double maxRel,
                             @JsonProperty("residual") double residual, @JsonProperty("seconds") double seconds,
                             @JsonProperty("order") Double orderL2, @JsonProperty("order_max") Double orderMax)
            implements ObservedOrders.GridErrors<GridResult> {
        @Override
        public GridResult withOrders(Double l2, Double max) {
            return new GridResult(n, h, l2Rel, maxRel, residual, seconds, l2, max);
        }
    }

    /** The split scheme's fixed point at one dt on one grid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SplitResult(
            @JsonProperty("n") int n,
            @JsonProperty("dt_Myr") double dt,
            @JsonProperty("steps") int steps,
            @JsonProperty("final_change") double finalChange,
            @JsonProperty("distance_to_direct_l2_rel") double distanceL2,
            @JsonProperty("distance_to_direct_max_rel") double distanceMax,
            @JsonProperty("error_l2_rel") double errorL2,
            @JsonProperty("residual") double residual,
            @JsonProperty("order_dt") Double orderDt) {
        SplitResult withOrder(Double o) {
            return new SplitResult(n, dt, steps, finalChange, distanceL2, distanceMax, errorL2, residual, o);
        }
    }

    private ManufacturedValidation() {}

    public static TransportProblem problem(Case c, int n) { return problem(c, n, false); }

    /**
     * @param independentSource use {@link IndependentManufacturedSource} (tensor derivatives from the field function)
     *                          instead of the core's {@link ManufacturedSource} (built from the scheme's drift arrays)
     */
    public static TransportProblem problem(Case c, int n, boolean independentSource) {
        return new TransportProblem(ValidationModels.grid(Geometry.CYLINDRICAL, n), ValidationModels.momenta(),
                ValidationModels.tensor(ValidationModels.EPS_D), c.field(),
                independentSource ? new IndependentManufacturedSource(c.field()) : new ManufacturedSource());
    }

    /** ψ on every node of g. */
    public static double[] exact(SpatialGrid g) {
        double[] psi = new double[g.size()];
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                psi[g.index(i, j)] = ManufacturedSource.exact(g, i, j);
            }
        }
        return psi;
    }

    public static GridResult solve(Case c, int n, int threads) { return solve(c, n, threads, false); }

    public static GridResult solve(Case c, int n, int threads, boolean independentSource) {
        long t0 = System.nanoTime();
        TransportProblem p = problem(c, n, independentSource);
        double[][] sol = new DirectSteadySolver(p, threads).solve();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] psi = exact(p.grid());
        ErrorNorms e = null;
        for (double[] nk : sol) {
            e = e == null ? ErrorNorms.of(nk, psi) : e.worst(ErrorNorms.of(nk, psi));
        }
        return new GridResult(
                n,
                p.grid().dR(),
                e.l2Rel(),
                e.maxRel(),
                DiscreteOperator.maxRelativeResidual(p, sol),
                seconds,
                null,
                null);
    }

    /** Solves on each grid (ascending n) and adds the observed order between successive grids. */
    public static List<GridResult> convergence(Case c, int[] sizes, int threads) {
        return convergence(c, sizes, threads, false);
    }

    public static List<GridResult> convergence(Case c, int[] sizes, int threads, boolean independentSource) {
        List<GridResult> grids = new ArrayList<>();
        for (int n : sizes) {
            grids.add(solve(c, n, threads, independentSource));
        }
        return ObservedOrders.withOrders(grids);
    }

    /**
     * Marches the paper's split step from N = 0 at each fixed dt until the relative change per step is below
     * {@code tolerance} and compares the fixed point with the exact discrete steady state (and with ψ).
     * The observed order in dt is reported between successive dt.
     */
    public static List<SplitResult> splitFixedPoint(Case c, int n, double[] dts, double tolerance, int maxSteps) {
        TransportProblem p = problem(c, n);
        double[][] direct = new DirectSteadySolver(p, 1).solve();
        double[] psi = exact(p.grid());
        List<SplitResult> out = new ArrayList<>();
        for (double dt : dts) {
            MixedTermStability.requireStable(p, dt, "dt");
            int steps = 0;
            double change;
            double[][] state;
            try (CpuSplitStepper s = new CpuSplitStepper(p, 1)) {
                do {
                    change = s.advance(dt, 200);
                    steps += 200;
                } while (change >= tolerance && steps < maxSteps);
                state = s.state();
            }
            ErrorNorms dist = null;
            ErrorNorms err = null;
            for (int k = 0; k < state.length; k++) {
                ErrorNorms d = ErrorNorms.of(state[k], direct[k]);
                ErrorNorms e = ErrorNorms.of(state[k], psi);
                dist = dist == null ? d : dist.worst(d);
                err = err == null ? e : err.worst(e);
            }
            SplitResult r = new SplitResult(n, dt, steps, change, dist.l2Rel(), dist.maxRel(), err.l2Rel(),
                    DiscreteOperator.maxRelativeResidual(p, state), null);
            if (!out.isEmpty()) {
                SplitResult prev = out.get(out.size() - 1);
                r = r.withOrder(ErrorNorms.order(prev.distanceL2(), r.distanceL2(), prev.dt(), r.dt()));
            }
            out.add(r);
        }
        return out;
    }
}
