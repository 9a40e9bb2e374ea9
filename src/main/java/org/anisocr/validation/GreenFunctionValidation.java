package org.anisocr.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.source.GreenPulse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Green-function tests (docs/physics.md §5, paper Appendix B, Table 1): a Gaussian pulse of width Δ = min(dR, dz) at
 * (2, 0) kpc evolved by the paper's split scheme and compared with exact solutions on the unbounded domain.
 * <ul>
 *   <li>G1, G2, G3 in Cartesian (slab) geometry: the anisotropic Gaussian
 *       G = exp(−ℓ∥²/(4D∥t∥) − ℓ⊥²/(4D⊥t⊥)) / (4π√(D∥t∥ D⊥t⊥)), t∥,⊥ = t + Δ²/(4D∥,⊥) — exact for a constant
 * tensor.</li>
 *   <li>G1-cyl in cylindrical geometry with b = ẑ: the problem separates into the z-Gaussian (time-shifted)
 *       times the radial solution ∫ K(R, R', t) f0(R') R' dR' with the ring kernel
 *       K = (1/(2D⊥t)) exp(−(R − R')²/(4D⊥t)) e^(−x) I0(x), x = R R'/(2D⊥t), and the initial radial Gaussian f0,
 *       integrated numerically (Simpson, 2400 panels over ±12Δ): exact up to quadrature error (~1e-12).</li>
 * </ul>
 * The exact solutions ignore the absorbing walls; each result reports {@code boundary_level}, the largest value of
 * the exact solution on the Dirichlet nodes relative to its peak, to show the walls do not matter yet.
 */
public final class GreenFunctionValidation {
    public static final double SOURCE_R_KPC = 2;
    public static final double SOURCE_Z_KPC = 0;

    public enum Case {
        G1("G1", Geometry.CARTESIAN, 0, 1, ValidationModels.EPS_D),
        G2("G2", Geometry.CARTESIAN, 1, 1, ValidationModels.EPS_D),
        G3("G3", Geometry.CARTESIAN, 1, 1, 1.0),
        G1_CYL("G1-cyl", Geometry.CYLINDRICAL, 0, 1, ValidationModels.EPS_D),
        /**
         * Not a validation: G3 run in cylindrical geometry against the slab Gaussian, to measure the paper's "shift".
         */
        G3_CYL_VS_SLAB("G3-cyl-vs-slab", Geometry.CYLINDRICAL, 1, 1, 1.0);

        public final String key;
        public final Geometry geometry;
        final double bR;
        final double bZ;
        final double epsD;

        Case(String key, Geometry geometry, double bR, double bZ, double epsD) {
            this.key = key;
            this.geometry = geometry;
            this.bR = bR;
            this.bZ = bZ;
            this.epsD = epsD;
        }

        public UniformField field() {
            return new UniformField(bR * ValidationModels.B0_MICRO_GAUSS, 0, bZ * ValidationModels.B0_MICRO_GAUSS);
        }

        public DiffusionTensor tensor() { return ValidationModels.tensor(epsD); }
    }

    /** Errors at one time (worst momentum bin). */
    public record TimeResult(@JsonProperty("t_Myr") double t, @JsonProperty("error_l2_rel") double l2Rel,
                             @JsonProperty("error_max_rel") double maxRel, @JsonProperty("mass_drift") double massDrift,
                             @JsonProperty("boundary_level") double boundaryLevel,
                             @JsonProperty("centroid_shift_kpc") double centroidShift) {}

    /** One grid: all times, plus the observed order against the previous (coarser) grid at each time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GridResult(
            @JsonProperty("n") int n,
            @JsonProperty("h_kpc") double h,
            @JsonProperty("dt_Myr") double dt,
            @JsonProperty("width_kpc") double width,
            @JsonProperty("seconds") double seconds,
            @JsonProperty("times") List<TimeResult> times,
            @JsonProperty("order") List<Double> orderL2,
            @JsonProperty("order_max") List<Double> orderMax) {
        /** Copies; the orders are null on the grid that has no finer one to compare with. */
        public GridResult {
            times = List.copyOf(times);
            orderL2 = orderL2 == null ? null : Collections.unmodifiableList(new ArrayList<>(orderL2));
            orderMax = orderMax == null ? null : Collections.unmodifiableList(new ArrayList<>(orderMax));
        }

        /** The time entry with the largest L2 error. */
        public TimeResult worst() {
            TimeResult w = times.get(0);
            for (TimeResult t : times) {
                if (t.l2Rel() > w.l2Rel()) {
                    w = t;
                }
            }
            return w;
        }
    }

    private GreenFunctionValidation() {}

    /** @param widthKpc initial Gaussian width Δ; 0 means the paper's choice Δ = min(dR, dz) */
    public static TransportProblem problem(Case c, int n, double widthKpc) {
        return new TransportProblem(
                ValidationModels.grid(c.geometry, n),
                ValidationModels.momenta(),
                c.tensor(),
                c.field(),
                new GreenPulse(SOURCE_R_KPC, SOURCE_Z_KPC, widthKpc));
    }

    /** Marches the pulse with the paper's split step of size dt and compares with the exact solution at each time. */
    public static GridResult run(Case c, int n, double dt, double widthKpc, double[] times, int threads) {
        long t0 = System.nanoTime();
        TransportProblem p = problem(c, n, widthKpc);
        SpatialGrid g = p.grid();
        double width = widthKpc > 0 ? widthKpc : Math.min(g.dR(), g.dz());
        MixedTermStability.requireStable(p, dt, "dt");
        double[] mass0 = mass(g, p.initialDensity());
        List<TimeResult> out = new ArrayList<>();
        try (CpuSplitStepper s = new CpuSplitStepper(p, threads)) {
            int done = 0;
            for (double t : times) {
                int target = (int) Math.round(t / dt);
                if (target > done) {
                    s.advance(dt, target - done);
                }
                done = target;
                double tNow = done * dt;
                double[][] state = s.state();
                ErrorNorms e = null;
                double drift = 0;
                double boundary = 0;
                double[] mass = mass(g, state);
                for (int k = 0; k < p.bins(); k++) {
                    double[] ex = exact(c, g, p.tensor(), p.momenta().p(k), width, tNow);
                    ErrorNorms ek = ErrorNorms.of(state[k], ex);
                    e = e == null ? ek : e.worst(ek);
                    drift = Math.max(drift, Math.abs(mass[k] / mass0[k] - 1));
                    boundary = Math.max(boundary, boundaryLevel(g, ex));
                }
                out.add(new TimeResult(tNow, e.l2Rel(), e.maxRel(), drift, boundary, centroidShift(g, state)));
            }
        }
        return new GridResult(n, g.dR(), dt, width, (System.nanoTime() - t0) * 1e-9, out, null, null);
    }

    /**
     * Refinement study: grids n (ascending) with dt = dt0 · (h/h0)² (dt ∝ h², so that the first-order splitting
     * error shrinks as fast as the second-order spatial error), h0 = the first grid's spacing.
     */
    public static List<GridResult> convergence(
            Case c, int[] sizes, double dtOnFirst, double widthKpc, double[] times, int threads) {
        List<GridResult> out = new ArrayList<>();
        double h0 = ValidationModels.R_MAX_KPC / (sizes[0] - 1);
        for (int n : sizes) {
            double h = ValidationModels.R_MAX_KPC / (n - 1);
            GridResult r = run(c, n, dtOnFirst * (h / h0) * (h / h0), widthKpc, times, threads);
            if (!out.isEmpty()) {
                GridResult prev = out.get(out.size() - 1);
                List<Double> o2 = new ArrayList<>();
                List<Double> oM = new ArrayList<>();
                for (int q = 0; q < times.length; q++) {
                    o2.add(ErrorNorms.order(prev.times().get(q).l2Rel(), r.times().get(q).l2Rel(), prev.h(), r.h()));
                    oM.add(ErrorNorms.order(prev.times().get(q).maxRel(), r.times().get(q).maxRel(), prev.h(), r.h()));
                }
                r = new GridResult(r.n(), r.h(), r.dt(), r.width(), r.seconds(), r.times(), o2, oM);
            }
            out.add(r);
        }
        return out;
    }

    /** Exact solution on every node of g for momentum p at time t (initial width Δ). */
    public static double[] exact(Case c, SpatialGrid g, DiffusionTensor tensor, double p, double width, double t) {
        double dPar = tensor.parallel(p);
        double dPerp = tensor.perpendicular(p);
        double d2 = width * width;
        double[] out = new double[g.size()];
        if (c.geometry == Geometry.CARTESIAN || c == Case.G3_CYL_VS_SLAB) {
            double norm = Math.hypot(c.bR, c.bZ);
            double bx = c.bR / norm;
            double bz = c.bZ / norm;
            double sPar = d2 + 4 * dPar * t;
            double sPerp = d2 + 4 * dPerp * t; // 4 D t_shifted
            double amp = 1 / (Math.PI * Math.sqrt(sPar * sPerp));
            for (int j = 0; j < g.nZ(); j++) {
                for (int i = 0; i < g.nR(); i++) {
                    double x = g.r(i) - SOURCE_R_KPC;
                    double z = g.z(j) - SOURCE_Z_KPC;
                    double lPar = x * bx + z * bz;
                    double lPerp = -x * bz + z * bx;
                    out[g.index(i, j)] = amp * Math.exp(-lPar * lPar / sPar - lPerp * lPerp / sPerp);
                }
            }
            return out;
        }
        if (c.bR != 0) {
            throw new IllegalArgumentException("the cylindrical exact solution needs b along z");
        }
        double sZ = d2 + 4 * dPar * t;
        double[] fr = new double[g.nR()];
        for (int i = 0; i < g.nR(); i++) {
            fr[i] = radialRing(g.r(i), SOURCE_R_KPC, width, dPerp, t);
        }
        for (int j = 0; j < g.nZ(); j++) {
            double z = g.z(j) - SOURCE_Z_KPC;
            double gz = Math.exp(-z * z / sZ) / Math.sqrt(Math.PI * sZ);
            for (int i = 0; i < g.nR(); i++) {
                out[g.index(i, j)] = fr[i] * gz;
            }
        }
        return out;
    }

    /**
     * Radial part in cylindrical geometry: f(R, t) = ∫ K(R, R', t) f0(R') R' dR', f0 = exp(−(R'−Rs)²/Δ²)/(√π Δ),
     * K = exp(−(R−R')²/(4Dt)) Ĩ0(RR'/(2Dt)) / (2Dt), Ĩ0 = e^(−x) I0(x). At t = 0 it is f0 itself.
     */
    public static double radialRing(double r, double rS, double width, double d, double t) {
        if (t <= 0) {
            return Math.exp(-(r - rS) * (r - rS) / (width * width)) / (Math.sqrt(Math.PI) * width);
        }
        double a = Math.max(0, rS - 12 * width);
        double b = rS + 12 * width;
        int panels = 2400;
        double h = (b - a) / panels;
        double sum = 0;
        double fourDt = 4 * d * t;
        for (int q = 0; q <= panels; q++) {
            double rp = a + q * h;
            double f0 = Math.exp(-(rp - rS) * (rp - rS) / (width * width)) / (Math.sqrt(Math.PI) * width);
            double kern = Math.exp(-(r - rp) * (r - rp) / fourDt) * BesselI0.scaled(r * rp / (2 * d * t)) / (2 * d * t);
            double wq = q == 0 || q == panels ? 1 : (q % 2 == 1 ? 4 : 2);
            sum += wq * kern * f0 * rp;
        }
        return sum * h / 3;
    }

    /**
     * Radial centroid shift of the pulse in the plane metric, Σ R N / Σ N − R_s over all nodes (the bin with the
     * largest
     * |shift|). A slab Gaussian has none; in cylindrical geometry the ring density carries a factor ≈ (R_s/R)^(1/2), so
     * the plane centroid moves inward by ≈ σ²/(2 R_s) with σ² the radial variance (the paper's G3 "shift").
     */
    public static double centroidShift(SpatialGrid g, double[][] n) {
        double worst = 0;
        for (double[] nk : n) {
            double num = 0;
            double den = 0;
            for (int j = 0; j < g.nZ(); j++) {
                for (int i = 0; i < g.nR(); i++) {
                    num += g.r(i) * nk[g.index(i, j)];
                    den += nk[g.index(i, j)];
                }
            }
            double s = num / den - SOURCE_R_KPC;
            if (Math.abs(s) > Math.abs(worst)) {
                worst = s;
            }
        }
        return worst;
    }

    /** Σ w N per bin with the grid's volume weights. */
    public static double[] mass(SpatialGrid g, double[][] n) {
        double[] m = new double[n.length];
        for (int k = 0; k < n.length; k++) {
            for (int j = 0; j < g.nZ(); j++) {
                for (int i = 0; i < g.nR(); i++) {
                    m[k] += g.volumeWeight(i) * n[k][g.index(i, j)];
                }
            }
        }
        return m;
    }

    /** max over Dirichlet nodes (and the x = 0 wall in Cartesian geometry) of |ref| / max |ref|. */
    static double boundaryLevel(SpatialGrid g, double[] ref) {
        double peak = 0;
        double edge = 0;
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                double v = Math.abs(ref[g.index(i, j)]);
                peak = Math.max(peak, v);
                boolean wall = g.isDirichlet(i, j) || (i == 0 && g.geometry() == Geometry.CARTESIAN);
                if (wall) {
                    edge = Math.max(edge, v);
                }
            }
        }
        return edge / peak;
    }
}
