package org.anisocr.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.config.ModelTables;
import org.anisocr.field.RealisticField;
import org.anisocr.gas.AnalyticGas;
import org.anisocr.grid.Geometry;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.Version;
import org.anisocr.validation.ExactChecks.Measure;
import org.anisocr.validation.GreenFunctionValidation.Case;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;

/**
 * Every validation test of docs/physics.md §5 with its acceptance criteria ({@link Acceptance}); used by `anisocr
 * validate` and by the JUnit tests. Each test returns a {@link TestReport}: the measured data (JSON-ready) and the
 * criteria.
 */
public final class ValidationSuite {
    public static final int[] P_GRIDS = {31, 61, 121, 241};
    public static final int[] P_GRIDS_QUICK = {31, 61, 121};
    public static final double[] SPLIT_DTS = {0.1, 0.05, 0.025};
    public static final double[] SPLIT_DTS_QUICK = {0.1, 0.05};
    public static final int SPLIT_GRID = 31;
    public static final int[] G_GRIDS = {51, 101, 201};
    public static final int[] G_GRIDS_QUICK = {51, 101};
    /** dt on the 51² grid; dt ∝ h², so 101² gets the paper's 0.001 Myr and 201² 0.00025 Myr. */
    public static final double G_DT_ON_51 = 0.004;
    /** Fixed initial width of the refinement study (kpc). The paper's Δ = min(dR, dz) is run separately. */
    public static final double G_WIDTH_KPC = 0.2;
    public static final double[] G_TIMES = {0.2, 0.5, 1.0}; // whole numbers of steps on every grid
    /** 3D manufactured solution and Green's function: n³ nodes on the box [−1, 1]³ kpc. */
    public static final int[] GRIDS_3D = {17, 33, 65};
    /** 3D against 2D (toy model, R_max = 20 kpc, H = 4 kpc): spacings (kpc), coarse to fine. */
    public static final double[] AXISYM_SPACINGS_KPC = {1, 0.5, 0.25};
    public static final double[] AXISYM_SPACINGS_QUICK_KPC = {1, 0.5};
    public static final double AXISYM_R_MAX_KPC = 20;
    public static final double AXISYM_HALF_HEIGHT_KPC = 4;
    /** Mirror symmetry needs no resolution: the Galaxy's box (R_max = 20, H = 4 kpc) at 1 kpc. */
    public static final double MIRROR_SPACING_KPC = 1;

    public static final List<String> NAMES = List.of(
            "P1",
            "P2",
            "P3",
            "G1",
            "G2",
            "G3",
            "G1-cyl",
            "isotropy",
            "symmetry",
            "zero-source",
            "mass-balance",
            "D0-scaling",
            "wind-slab",
            "losses-continuity",
            "wind-losses-balance",
            "terms-off",
            "M3D",
            "G3D",
            "axisym-3d",
            "mirror-3d",
            "jf12-field");

    /** One acceptance criterion: value ≤ bound (upper) or value ≥ bound (lower). */
    public record Criterion(@JsonProperty("description") String description, @JsonProperty("value") double value,
                            @JsonProperty("bound") double bound, @JsonProperty("upper") boolean upper) {
        @JsonProperty("passed") public boolean passed() { return upper ? value <= bound : value >= bound; }

        static Criterion atMost(String d, double v, double b) { return new Criterion(d, v, b, true); }
        static Criterion atLeast(String d, double v, double b) { return new Criterion(d, v, b, false); }

        @Override public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s %s: %.4g %s %.4g",
                    passed() ? "ok  " : "FAIL",
                    description,
                    value,
                    upper ? "<=" : ">=",
                    bound);
        }
    }

    public record TestReport(
            @JsonProperty("name") String name,
            @JsonProperty("data") Map<String, Object> data,
            @JsonProperty("criteria") List<Criterion> criteria,
            @JsonProperty("seconds") double seconds) {
        /** Copies; the data keep their order (the report's JSON lists them as measured). */
        public TestReport {
            data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
            criteria = List.copyOf(criteria);
        }

        @JsonProperty("passed") public boolean passed() { return criteria.stream().allMatch(Criterion::passed); }
    }

    private ValidationSuite() {}

    // ------------------------------------------------------------------ manufactured

    public static TestReport manufactured(ManufacturedValidation.Case c, boolean quick, int threads) {
        long t0 = System.nanoTime();
        var grids = ManufacturedValidation.convergence(c, quick ? P_GRIDS_QUICK : P_GRIDS, threads);
        var independent = ManufacturedValidation.convergence(c, quick ? P_GRIDS_QUICK : P_GRIDS, threads, true);
        var split = ManufacturedValidation.splitFixedPoint(c, SPLIT_GRID, quick ? SPLIT_DTS_QUICK : SPLIT_DTS,
                Acceptance.SPLIT_TOLERANCE, 400_000);
        List<Criterion> cr = new ArrayList<>();
        for (var g : grids) {
            if (g.n() == 121) {
                cr.add(Criterion.atMost("L2 error on 121²", g.l2Rel(), Acceptance.P_L2_AT_121));
            }
            if (g.n() >= 121) {
                cr.add(Criterion.atLeast("L2 order to " + g.n() + "²", g.orderL2(), Acceptance.P_ORDER_MIN));
            }
        }
        for (var g : independent) {
            if (g.n() == 121) {
                cr.add(Criterion.atMost("independent source: L2 error on 121²", g.l2Rel(), Acceptance.P_L2_AT_121));
            }
            if (g.n() >= 121) {
                cr.add(Criterion.atLeast(
                        "independent source: L2 order to " + g.n() + "²", g.orderL2(), Acceptance.P_ORDER_MIN));
            }
        }
        for (var s : split) {
            cr.add(Criterion.atMost(
                    "split march converged at dt=" + s.dt(), s.finalChange(), Acceptance.SPLIT_TOLERANCE));
            if (s.orderDt() != null) {
                cr.add(Criterion.atLeast(
                        "split fixed point: order in dt to dt=" + s.dt(), s.orderDt(), Acceptance.SPLIT_DT_ORDER_MIN));
                cr.add(Criterion.atMost(
                        "split fixed point: order in dt to dt=" + s.dt(), s.orderDt(), Acceptance.SPLIT_DT_ORDER_MAX));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("field", ModelTables.field(c.field()));
        data.put(
                "method",
                "exact steady state of the discrete operator (banded LU) vs psi = cos(kR R) cos(kH z); worst of 2"
                        + " momentum bins");
        data.put("grids", grids);
        data.put("grids_independent_source", independent);
        data.put(
                "independent_source",
                "source from the field function with 4th-order derivatives of D, not from the scheme's drift arrays");
        data.put("split_fixed_point", split);
        return new TestReport(c.name(), data, cr, seconds(t0));
    }

    // ------------------------------------------------------------------ Green functions

    public static TestReport green(Case c, boolean quick, int threads) {
        long t0 = System.nanoTime();
        int[] sizes = quick ? G_GRIDS_QUICK : G_GRIDS;
        var fixed = GreenFunctionValidation.convergence(c, sizes, G_DT_ON_51, G_WIDTH_KPC, G_TIMES, threads);
        var paper = GreenFunctionValidation.convergence(c, sizes, G_DT_ON_51, 0, G_TIMES, threads);
        List<Criterion> cr = new ArrayList<>();
        for (var g : fixed) {
            double worst = g.worst().l2Rel();
            if (g.n() == 101) {
                cr.add(Criterion.atMost(
                        "L2 error on 101² (Δ=" + G_WIDTH_KPC + "), worst time", worst, Acceptance.gL2At101(c)));
            }
            if (g.n() == 201) {
                cr.add(Criterion.atMost(
                        "L2 error on 201² (Δ=" + G_WIDTH_KPC + "), worst time", worst, Acceptance.gL2At201(c)));
            }
            if (g.orderL2() != null) {
                double minOrder = g.orderL2().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                double bound = g.n() <= 101 ? Acceptance.gOrderCoarse(c) : Acceptance.gOrderFine(c);
                cr.add(Criterion.atLeast(
                        "L2 order to " + g.n() + "² (Δ=" + G_WIDTH_KPC + "), lowest over times", minOrder, bound));
            }
            cr.add(Criterion.atMost(
                    "mass drift at t=" + g.times().get(0).t() + " on " + g.n() + "²",
                    g.times().get(0).massDrift(),
                    Acceptance.G_MASS_DRIFT));
        }
        for (var g : paper) {
            if (g.n() == 101) {
                cr.add(Criterion.atMost(
                        "paper set-up 101², Δ=h, dt=0.001: L2 error, worst time",
                        g.worst().l2Rel(),
                        Acceptance.gPaperL2At101(c)));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("geometry", c.geometry.key());
        data.put("field", ModelTables.field(c.field()));
        data.put("eps_D", c.tensor().epsD());
        data.put(
                "reference",
                c.geometry == Geometry.CARTESIAN
                        ? "anisotropic Gaussian with initial-width time shift"
                        : "ring kernel (scaled I0, Simpson quadrature over the initial radial Gaussian) x time-shifted"
                                + " z-Gaussian");
        data.put("dt_rule", "dt = " + G_DT_ON_51 + " Myr * (h / 0.08 kpc)^2 (dt ∝ h²; 0.001 Myr on 101²)");
        data.put("grids", fixed);
        data.put("paper_width_grids", paper);
        if (c == Case.G3 && !quick) {
            var shift = GreenFunctionValidation.run(Case.G3_CYL_VS_SLAB, 101, 0.001, 0, G_TIMES, threads);
            data.put("cylindrical_vs_slab_101", shift);
        }
        return new TestReport(c.key, data, cr, seconds(t0));
    }

    // ------------------------------------------------------------------ exact checks

    public static TestReport isotropy() {
        long t0 = System.nanoTime();
        List<Measure> m = ExactChecks.isotropy(41);
        return simple(
                "isotropy",
                "eps_D = 1, delta_par = delta_perp: max |N_field − N_no_field| / max |N|, direct and 100 split steps",
                m,
                Acceptance.ROUND_OFF,
                t0);
    }

    public static TestReport symmetry() {
        long t0 = System.nanoTime();
        List<Measure> m = ExactChecks.symmetry(41);
        return simple(
                "symmetry",
                "max |N(R,z) − N(R,−z)| / max |N| for z-symmetric fields and source, direct and 200 split steps",
                m,
                Acceptance.ROUND_OFF,
                t0);
    }

    public static TestReport zeroSource() {
        long t0 = System.nanoTime();
        List<Measure> m = ExactChecks.zeroSource(41);
        return simple(
                "zero-source", "max |N| with S = 0, N(0) = 0: direct and 100 split steps", m, Acceptance.ZERO, t0);
    }

    public static TestReport d0Scaling() {
        long t0 = System.nanoTime();
        List<Measure> m = ExactChecks.d0Scaling(61);
        return simple(
                "D0-scaling", "max |k N(k D0) − N(D0)| / max |N|, k = 3.7, direct solve", m, Acceptance.ROUND_OFF, t0);
    }

    private static TestReport simple(String name, String what, List<Measure> m, double bound, long t0) {
        List<Criterion> cr = new ArrayList<>();
        for (Measure x : m) {
            cr.add(Criterion.atMost(x.label() + " n=" + x.n(), x.value(), bound));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", what);
        data.put("results", m);
        return new TestReport(name, data, cr, seconds(t0));
    }

    public static TestReport massBalance(boolean quick) {
        long t0 = System.nanoTime();
        int[] sizes = {31, 61, 121};
        List<Measure> steady = new ArrayList<>();
        List<Criterion> cr = new ArrayList<>();
        for (Geometry geo : Geometry.values()) {
            for (String f : List.of("uniform-z", "toy")) {
                var r = ExactChecks.steadyBalance(f, geo, sizes);
                steady.addAll(r);
                for (Measure x : r) {
                    cr.add(Criterion.atMost(
                            "steady balance " + x.label() + " n=" + x.n(), x.value(), Acceptance.BALANCE_EXACT));
                }
            }
        }
        for (Geometry geo : Geometry.values()) {
            var r = ExactChecks.steadyBalance("odd-radial", geo, sizes);
            steady.addAll(r);
            Measure last = r.get(r.size() - 1);
            cr.add(Criterion.atLeast(
                    "steady balance " + last.label() + " order to n=" + last.n(),
                    last.order(),
                    Acceptance.BALANCE_ORDER_MIN));
            cr.add(Criterion.atMost(
                    "steady balance " + last.label() + " n=" + last.n(),
                    last.value(),
                    Acceptance.balanceOddRadialAt121(geo)));
        }
        for (String f : List.of("gaussian-bump", "uniform-oblique")) {
            steady.addAll(ExactChecks.steadyBalance(f, Geometry.CYLINDRICAL, sizes));
        }
        double[] dts = quick ? new double[]{0.2, 0.1} : new double[]{0.2, 0.1, 0.05};
        List<Measure> transientM = new ArrayList<>();
        for (String f : List.of("uniform-z", "gaussian-bump")) {
            var r = ExactChecks.transientBalance(f, 61, 20, dts);
            transientM.addAll(r);
            for (Measure x : r) {
                if (x.order() != null) {
                    cr.add(Criterion.atLeast(
                            "transient balance " + x.label() + " order in dt to dt=" + x.dt(),
                            x.order(),
                            Acceptance.SPLIT_DT_ORDER_MIN));
                    cr.add(Criterion.atMost(
                            "transient balance " + x.label() + " order in dt to dt=" + x.dt(),
                            x.order(),
                            Acceptance.SPLIT_DT_ORDER_MAX));
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "what",
                "steady: |Σ w S − escape| / Σ w S with the escape from discrete face fluxes; transient: |ΔM −"
                        + " (injected − ∫escape dt)| / injected with the split stepper from N = 0 (trapezoid over full"
                        + " steps)");
        data.put("steady", steady);
        data.put("transient", transientM);
        return new TestReport("mass-balance", data, cr, seconds(t0));
    }

    // ------------------------------------------------------------------ wind and energy losses

    /** The 1D slab with a constant wind: error and order in Δz (α = 1) and in Δ ln p (α = 2.2). */
    public static TestReport windSlab(boolean quick) {
        long t0 = System.nanoTime();
        int[] nZs = quick ? new int[] {21, 41, 81} : new int[] {21, 41, 81, 161};
        int[] bins = quick ? new int[] {9, 17, 33} : new int[] {9, 17, 33, 65};
        List<Map<String, Object>> space = refinement(nZs, n -> TransportTermsValidation.slab(n, 17, 1.0).maxRelError(),
                "n_z");
        List<Map<String, Object>> momentum = refinement(bins,
                b -> TransportTermsValidation.slab(161, b, 2.2).maxRelError(), "bins");
        List<Criterion> cr = new ArrayList<>();
        lastOrder(cr, "space (upwind advection)", space, 0.9, 1.1);
        lastOrder(cr, "momentum (adiabatic loss at the plane)", momentum, 0.8, 1.2);
        cr.add(Criterion.atMost("max relative error, n_z = 81", (double) space.get(2).get("error"), 0.01));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", "Cartesian slab, field along z, v = sign(z) 20 km/s, D = 0.04 kpc²/Myr (v0 H/D ≈ 1), sheet"
                + " source δ(z) p^-α, N = 0 at |z| = 2 kpc; vs N = p^-α (F/v0)(1 - exp(v0(|z| - H)/D)) with"
                + " F = q/(2 + (2/3)(α - 1)(1 - exp(-v0 H/D))); max |ΔN|/N(0) over heights and bins p ≤ 100 GeV");
        data.put("space_alpha_1", space);
        data.put("momentum_alpha_2.2_nz_161", momentum);
        return new TestReport("wind-slab", data, cr, seconds(t0));
    }

    /** Losses alone vs the continuity equation in p: error and order in Δ ln p. */
    public static TestReport lossesContinuity(boolean quick) {
        long t0 = System.nanoTime();
        int[] bins = quick ? new int[] {21, 41, 81} : new int[] {11, 21, 41, 81};
        List<Map<String, Object>> rows = refinement(bins,
                b -> TransportTermsValidation.lossesOnly(b, AnalyticGas.galprop()).maxRelError(), "bins");
        List<Criterion> cr = new ArrayList<>();
        lastOrder(cr, "momentum (ionisation + Coulomb + pion, upwind)", rows, 0.85, 1.15);
        cr.add(Criterion.atMost("max relative error, 81 bins", (double) rows.get(rows.size() - 1).get("error"), 0.08));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", "GALPROP gas at (8 kpc, 0), Q = p^-2.2, D = 1e20 cm²/s; vs"
                + " N = (p^-1.2 - p_t^-1.2)/(1.2 |pdot|), max relative error over the bins of 1-100 GeV but the top"
                + " one");
        data.put("results", rows);
        return new TestReport("losses-continuity", data, cr, seconds(t0));
    }

    /** Particle balance of the symmetric scheme with wind and losses. */
    public static TestReport windLossesBalance() {
        long t0 = System.nanoTime();
        TransportTermsValidation.Balance b = TransportTermsValidation.balance(AnalyticGas.galprop(),
                RealisticField.standard());
        List<Criterion> cr = List.of(
                Criterion.atMost("|injected - out| / injected", Math.abs(b.relativeImbalance()), 1e-10));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", "symmetric scheme, realistic field, 41x17, 9 bins 1-1000 GeV, v0 = 10 km/s, dv/dz = 10"
                + " km/s/kpc, all losses: Σ w S = diffusive + advective boundary outflux + flux through p_min");
        data.put("balance", b);
        return new TestReport("wind-losses-balance", data, cr, seconds(t0));
    }

    /** The coupled path with zero terms is bit-identical to the independent-bin path. */
    public static TestReport termsOff() {
        long t0 = System.nanoTime();
        boolean same = TransportTermsValidation.zeroTermsBitIdentical(RealisticField.standard());
        List<Criterion> cr = List.of(Criterion.atLeast("N arrays equal bit for bit (1 = yes)", same ? 1 : 0, 1));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", "realistic field, 41x17, 7 bins, exact LU: zero wind and no losses through the coupled path vs"
                + " the independent bins");
        data.put("bit_identical", same);
        return new TestReport("terms-off", data, cr, seconds(t0));
    }

    /** Errors on a refinement sequence with the observed order between neighbours (ratio 2). */
    private static List<Map<String, Object>> refinement(int[] sizes, IntToDoubleFunction error,
                                                        String key) {
        List<Map<String, Object>> rows = new ArrayList<>();
        double previous = Double.NaN;
        for (int n : sizes) {
            double e = error.applyAsDouble(n);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(key, n);
            row.put("error", e);
            row.put("order", Double.isNaN(previous) ? null : TransportTermsValidation.order(previous, e, 2));
            rows.add(row);
            previous = e;
        }
        return rows;
    }

    private static void lastOrder(List<Criterion> cr, String what, List<Map<String, Object>> rows, double lo,
                                  double hi) {
        double order = (double) rows.get(rows.size() - 1).get("order");
        cr.add(Criterion.atLeast("observed order in " + what, order, lo));
        cr.add(Criterion.atMost("observed order in " + what, order, hi));
    }

    // ------------------------------------------------------------------ 3D

    public static TestReport manufactured3d() {
        long t0 = System.nanoTime();
        List<Steady3DRuns.GridResult> grids = Manufactured3DValidation.convergence(GRIDS_3D);
        List<Criterion> cr = new ArrayList<>();
        for (var g : grids) {
            if (g.n() == 65) {
                cr.add(Criterion.atMost("L2 error on 65³", g.l2Rel(), Acceptance.M3D_L2_AT_65));
            }
            if (g.n() >= 33) {
                cr.add(Criterion.atLeast("L2 order to " + g.n() + "³", g.orderL2(), Acceptance.M3D_ORDER_MIN));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("field", "B = (cos θ, sin θ, 0.5 + 0.25 x), θ = 0.4 y + 0.8 z (twisted, oblique)");
        data.put("method", "SteadySolver3D on [-1,1]^3 vs N = cos(πx/2)cos(πy/2)cos(πz/2)exp(0.4x − 0.3y), exact"
                + " continuous source; D_par = 1, D_perp = 0.05");
        data.put("grids", grids);
        return new TestReport("M3D", data, cr, seconds(t0));
    }

    public static TestReport green3d() {
        long t0 = System.nanoTime();
        List<Steady3DRuns.GridResult> grids = GreenFunction3DValidation.convergence(GRIDS_3D);
        List<Criterion> cr = new ArrayList<>();
        for (var g : grids) {
            if (g.n() == 65) {
                cr.add(Criterion.atMost("L2 error on 65³", g.l2Rel(), Acceptance.G3D_L2_AT_65));
                cr.add(Criterion.atLeast("L2 order to 65³", g.orderL2(), Acceptance.G3D_ORDER_MIN_TO_65));
            }
            if (g.n() == 129) {
                cr.add(Criterion.atLeast("L2 order to 129³", g.orderL2(), Acceptance.G3D_ORDER_MIN_TO_129));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("field", "uniform, b ∥ (0.8, −0.5, 0.33)");
        data.put("reference", "N = s³ √(π/2) erf(ρ/(√2 s))/ρ, ρ² = xᵀD⁻¹x, for S = exp(−ρ²/(2s²)); s = 0.7,"
                + " D_par = 1, D_perp = 0.1; exact N on the box faces (lifted source)");
        data.put("grids", grids);
        return new TestReport("G3D", data, cr, seconds(t0));
    }

    public static TestReport axisymmetric3d(boolean quick) {
        long t0 = System.nanoTime();
        List<AxisymmetricEmbedding3D.Size> sizes = new ArrayList<>();
        for (double h : quick ? AXISYM_SPACINGS_QUICK_KPC : AXISYM_SPACINGS_KPC) {
            sizes.add(new AxisymmetricEmbedding3D.Size(AXISYM_R_MAX_KPC, AXISYM_HALF_HEIGHT_KPC, h));
        }
        List<AxisymmetricEmbedding3D.Result> results = AxisymmetricEmbedding3D.convergence(sizes);
        List<Criterion> cr = new ArrayList<>();
        for (var r : results) {
            if (r.spacingKpc() == 0.5) {
                cr.add(Criterion.atMost("max |N3D − N2D| / max N2D at h = 0.5 kpc", r.maxRel(),
                        Acceptance.AXISYM_MAX_AT_HALF_KPC));
            }
            if (r.spacingKpc() == 0.25) {
                cr.add(Criterion.atMost("max |N3D − N2D| / max N2D at h = 0.25 kpc", r.maxRel(),
                        Acceptance.AXISYM_MAX_AT_QUARTER_KPC));
                cr.add(Criterion.atMost("relative difference at R = 8.5 kpc, z = 0, h = 0.25 kpc", r.relAtSun(),
                        Acceptance.AXISYM_SUN_AT_QUARTER_KPC));
            }
            if (r.orderMax() != null) {
                cr.add(Criterion.atLeast("order of the max difference to h = " + r.spacingKpc() + " kpc",
                        r.orderMax(), Acceptance.AXISYM_ORDER_MIN));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", "toy field (B0φ = 1 µG, R0 = 3.5 kpc, εB = 0.5), pulsar source, εD = 0.1, p = 1 GeV");
        data.put("method", "2D symmetric scheme (banded LU) vs 3D symmetric scheme (SteadySolver3D) with"
                + " AxisymmetricField3D; 3D averaged over " + AxisymmetricEmbedding3D.AZIMUTHS
                + " azimuths by bicubic interpolation in each z plane");
        data.put("spacings", results);
        return new TestReport("axisym-3d", data, cr, seconds(t0));
    }

    public static TestReport mirror3d() {
        long t0 = System.nanoTime();
        List<Mirror3DChecks.Check> checks =
                Mirror3DChecks.run(AXISYM_R_MAX_KPC, AXISYM_HALF_HEIGHT_KPC, MIRROR_SPACING_KPC);
        List<Criterion> cr = new ArrayList<>();
        List<Measure> m = new ArrayList<>();
        for (var c : checks) {
            m.add(c.measure());
            if (c.symmetry()) {
                cr.add(Criterion.atMost(c.measure().label() + " n=" + c.measure().n(), c.measure().value(),
                        Acceptance.MIRROR_3D));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", "max |N(x) − N(M x)| / max |N| for maps M that leave field (up to sign) and source"
                + " invariant; pulsar source, εD = 0.1, R_max = 20 kpc, H = 4 kpc, h = " + MIRROR_SPACING_KPC
                + " kpc; the full JF12 row is not a symmetry (no bound)");
        data.put("results", m);
        return new TestReport("mirror-3d", data, cr, seconds(t0));
    }

    public static TestReport jf12Field() {
        long t0 = System.nanoTime();
        double[] crpropa = Jf12FieldChecks.crpropa();
        double pitch = Jf12FieldChecks.pitchDeviationDeg();
        double ring = Jf12FieldChecks.netFluxThroughRing();
        double table = Jf12FieldChecks.netFluxFromTable();
        double divergence = Jf12FieldChecks.maxDivergence();
        double elevation = Jf12FieldChecks.xElevationDeviationDeg();
        List<Criterion> cr = List.of(
                Criterion.atMost("vs CRPropa JF12Field, max |ΔB|/|B| over " + (int) crpropa[1] + " points",
                        crpropa[0], Acceptance.JF12_CRPROPA),
                Criterion.atLeast("CRPropa reference points", crpropa[1], 20),
                Criterion.atMost("arm pitch |atan(B_R/B_φ) − 11.5°| (deg)", pitch, Acceptance.JF12_ANGLE_DEG),
                Criterion.atMost("|net flux| / |flux| through R = 5 kpc", Math.abs(ring), Acceptance.JF12_NET_FLUX),
                Criterion.atMost("net flux through R = 5 kpc vs Table 1", Math.abs(ring - table),
                        Acceptance.JF12_FLUX_VS_TABLE),
                Criterion.atMost("|∇·B| · 1 kpc / |B| at arm centres", divergence, Acceptance.JF12_DIVERGENCE),
                Criterion.atMost("X-field elevation |Θ − 49°| outside R_Xc (deg)", elevation,
                        Acceptance.JF12_ANGLE_DEG));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", "Jansson & Farrar 2012, ApJ 757, 14 (Table 1, §5); CRPropa JF12Field at commit"
                + " db97df1 (" + Jf12FieldChecks.CRPROPA_RESOURCE + ")");
        data.put("crpropa_max_rel", crpropa[0]);
        data.put("crpropa_points", (int) crpropa[1]);
        data.put("pitch_deviation_deg", pitch);
        data.put("net_flux_r5", ring);
        data.put("net_flux_r5_from_table", table);
        data.put("max_divergence_rel", divergence);
        data.put("x_elevation_deviation_deg", elevation);
        return new TestReport("jf12-field", data, cr, seconds(t0));
    }

    // ------------------------------------------------------------------ all

    public static TestReport run(String name, boolean quick, int threads) {
        return switch (name) {
            case "P1" -> manufactured(ManufacturedValidation.Case.P1, quick, threads);
            case "P2" -> manufactured(ManufacturedValidation.Case.P2, quick, threads);
            case "P3" -> manufactured(ManufacturedValidation.Case.P3, quick, threads);
            case "G1" -> green(Case.G1, quick, threads);
            case "G2" -> green(Case.G2, quick, threads);
            case "G3" -> green(Case.G3, quick, threads);
            case "G1-cyl" -> green(Case.G1_CYL, quick, threads);
            case "isotropy" -> isotropy();
            case "symmetry" -> symmetry();
            case "zero-source" -> zeroSource();
            case "mass-balance" -> massBalance(quick);
            case "D0-scaling" -> d0Scaling();
            case "wind-slab" -> windSlab(quick);
            case "losses-continuity" -> lossesContinuity(quick);
            case "wind-losses-balance" -> windLossesBalance();
            case "terms-off" -> termsOff();
            case "M3D" -> manufactured3d();
            case "G3D" -> green3d();
            case "axisym-3d" -> axisymmetric3d(quick);
            case "mirror-3d" -> mirror3d();
            case "jf12-field" -> jf12Field();
            default -> throw new IllegalArgumentException("unknown validation test " + name + "; known: " + NAMES);
        };
    }

    /** Writes {"meta": {...}, "P1": {...}, …} atomically (temp file + rename). */
    public static void writeJson(List<TestReport> reports, Map<String, Object> meta, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(AtomicFile.JSON_SIGNATURE_KEY, Version.get());
        root.put("meta", meta);
        for (TestReport r : reports) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("passed", r.passed());
            entry.put("seconds", r.seconds());
            entry.putAll(r.data());
            entry.put("criteria", r.criteria());
            root.put(r.name(), entry);
        }
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFile.write(file, true, "--json", om.writeValueAsBytes(root));
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) * 1e-9; }
}
