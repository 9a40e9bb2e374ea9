package org.anisocr.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.field.FieldVector;
import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.RealisticField;
import org.anisocr.field.ToyField;
import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.FieldDirection;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.MixedTermStability;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.anisocr.source.NoSource;
import org.anisocr.source.PulsarSource;
import org.anisocr.operator.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The further exact checks of docs/physics.md §5: isotropy (εD = 1, δ∥ = δ⊥ gives a result independent of b), z-mirror
 * symmetry, zero source → zero solution, mass balance (steady and transient) and the D0 scaling law of §1.
 * Each check is run with both the exact steady solve and, where it applies, the paper's split time stepper.
 */
public final class ExactChecks {

    /**
     * A z-symmetric field whose D_Rz is odd in z (B_R ∝ z R, X-like), with B_φ and an R-dependent B_z: exercises every
     * term. B_R vanishes on the axis (and at x = 0 in slab geometry), as it must for a field regular at R = 0, so the
     * mirror row there is consistent with the field.
     */
    public record OddRadialField(double b0MicroGauss, double halfHeightKpc) implements MagneticField {
        @Override public FieldVector at(double rKpc, double zKpc) {
            return new FieldVector(b0MicroGauss * (zKpc / halfHeightKpc) * (rKpc / 2), 0.5 * b0MicroGauss,
                    b0MicroGauss * (1 + 0.5 * Math.exp(-rKpc * rKpc / 4)));
        }
        @Override public String name() { return "odd-radial"; }
    }

    /** |B| = 0 everywhere: the tensor is D⊥ δ_ij. */
    public record NoField() implements MagneticField {
        @Override public FieldVector at(double rKpc, double zKpc) { return new FieldVector(0, 0, 0); }
        @Override public String name() { return "zero"; }
    }

    /** One measured quantity of a check. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measure(
            @JsonProperty("case") String label,
            @JsonProperty("n") Integer n,
            @JsonProperty("dt_Myr") Double dt,
            @JsonProperty("value") double value,
            @JsonProperty("order") Double order) {
        static Measure of(String label, int n, double value) { return new Measure(label, n, null, value, null); }
    }

    private ExactChecks() {}

    static Map<String, MagneticField> fields() {
        double b0 = ValidationModels.B0_MICRO_GAUSS;
        Map<String, MagneticField> m = new LinkedHashMap<>();
        m.put("uniform-z", new UniformField(0, 0, b0));
        m.put("uniform-oblique", new UniformField(b0, 0, b0));
        m.put("gaussian-bump", new GaussianBumpField(b0, 1e-3, 2));
        m.put("toy", new ToyField(b0, 3.5, 0.5));
        m.put("odd-radial", new OddRadialField(b0, ValidationModels.HALF_HEIGHT_KPC));
        return m;
    }

    static TransportProblem problem(Geometry geo, int n, DiffusionTensor t, MagneticField f, Source s) {
        return new TransportProblem(ValidationModels.grid(geo, n), ValidationModels.momenta(), t, f, s);
    }

    static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] r : a) {
            for (double v : r) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** max |a − b| / max |b| over all bins. */
    static double relDiff(double[][] a, double[][] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < a[k].length; i++) {
                d = Math.max(d, Math.abs(a[k][i] - b[k][i]));
            }
        }
        return d / maxAbs(b);
    }

    static double[][] march(TransportProblem p, double dt, int steps) {
        MixedTermStability.requireStable(p, dt, "dt");
        try (CpuSplitStepper s = new CpuSplitStepper(p, 1)) {
            s.advance(dt, steps);
            return s.state();
        }
    }

    /**
     * εD = 1 with δ∥ = δ⊥: D∥ = D⊥, so the tensor is D δ_ij whatever b. Solutions (direct and 100 split steps of
     * 0.1 Myr) for every field are compared with the zero-field solution; the value is the largest relative difference.
     */
    public static List<Measure> isotropy(int n) {
        DiffusionTensor iso = new DiffusionTensor(ValidationModels.D0_KPC2_PER_MYR, 0.3, 0.3, 1.0, 1);
        PulsarSource src = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        TransportProblem ref = problem(Geometry.CYLINDRICAL, n, iso, new NoField(), src);
        double[][] refDirect = new DirectSteadySolver(ref, 1).solve();
        double[][] refMarch = march(ref, 0.1, 100);
        List<Measure> out = new ArrayList<>();
        for (var e : fields().entrySet()) {
            TransportProblem p = problem(Geometry.CYLINDRICAL, n, iso, e.getValue(), src);
            out.add(Measure.of(e.getKey() + " direct", n, relDiff(new DirectSteadySolver(p, 1).solve(), refDirect)));
            out.add(Measure.of(e.getKey() + " split", n, relDiff(march(p, 0.1, 100), refMarch)));
        }
        return out;
    }

    /** max |N(R, z) − N(R, −z)| / max |N| for z-symmetric fields and the z-symmetric pulsar source. */
    public static List<Measure> symmetry(int n) {
        PulsarSource src = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        DiffusionTensor t = ValidationModels.tensor(ValidationModels.EPS_D);
        List<Measure> out = new ArrayList<>();
        for (String name : List.of("uniform-z", "toy", "odd-radial")) {
            TransportProblem p = problem(Geometry.CYLINDRICAL, n, t, fields().get(name), src);
            out.add(Measure.of(name + " direct", n, mirrorAsymmetry(p.grid(), new DirectSteadySolver(p, 1).solve())));
            out.add(Measure.of(name + " split", n, mirrorAsymmetry(p.grid(), march(p, 0.05, 200))));
        }
        // The paper's realistic field (Pshirkov + JF12 X) on a grid that reaches past RXc = 4.8 kpc, where the
        // X-field's outer branch crosses the plane: R ≤ 12 kpc, |z| ≤ 4 kpc, (2n − 1) × n nodes.
        TransportProblem p = new TransportProblem(new SpatialGrid(Geometry.CYLINDRICAL, 12, 4, 2 * n - 1, n),
                ValidationModels.momenta(), t, RealisticField.standard(), src);
        out.add(Measure.of("realistic direct", n, mirrorAsymmetry(p.grid(), new DirectSteadySolver(p, 1).solve())));
        out.add(Measure.of("realistic split", n, mirrorAsymmetry(p.grid(), march(p, 0.05, 200))));
        return out;
    }

    static double mirrorAsymmetry(SpatialGrid g, double[][] n) {
        double d = 0;
        for (double[] nk : n) {
            for (int j = 0; j < g.nZ(); j++) {
                for (int i = 0; i < g.nR(); i++) {
                    d = Math.max(d, Math.abs(nk[g.index(i, j)] - nk[g.index(i, g.nZ() - 1 - j)]));
                }
            }
        }
        return d / maxAbs(n);
    }

    /** max |N| with S = 0 and N(0) = 0 (direct solve and 100 split steps); must be exactly 0. */
    public static List<Measure> zeroSource(int n) {
        DiffusionTensor t = ValidationModels.tensor(ValidationModels.EPS_D);
        List<Measure> out = new ArrayList<>();
        for (String name : List.of("uniform-oblique", "gaussian-bump", "odd-radial")) {
            TransportProblem p = problem(Geometry.CYLINDRICAL, n, t, fields().get(name), new NoSource());
            out.add(Measure.of(name + " direct", n, maxAbs(new DirectSteadySolver(p, 1).solve())));
            out.add(Measure.of(name + " split", n, maxAbs(march(p, 0.05, 100))));
        }
        return out;
    }

    /** Scaling D0 by k = 3.7 must scale the steady N by 1/k: max |k N_k − N| / max |N| (direct solve). */
    public static List<Measure> d0Scaling(int n) {
        PulsarSource src = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        DiffusionTensor t = ValidationModels.tensor(ValidationModels.EPS_D);
        double k = 3.7;
        List<Measure> out = new ArrayList<>();
        for (String name : List.of("gaussian-bump", "toy", "odd-radial")) {
            MagneticField f = fields().get(name);
            double[][] base = new DirectSteadySolver(problem(Geometry.CYLINDRICAL, n, t, f, src), 1).solve();
            double[][] scaled = new DirectSteadySolver(
                            problem(Geometry.CYLINDRICAL, n, t.withD0(k * t.d0Kpc2PerMyr()), f, src), 1)
                    .solve();
            for (double[] r : scaled) {
                for (int i = 0; i < r.length; i++) {
                    r[i] *= k;
                }
            }
            out.add(Measure.of(name, n, relDiff(scaled, base)));
        }
        return out;
    }

    // ---------------------------------------------------------------- mass balance

    /** Σ w S for bin k: the injection rate. */
    public static double injection(TransportProblem p, int k) {
        SpatialGrid g = p.grid();
        double[] s = p.sourceRate(k);
        double q = 0;
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                q += g.volumeWeight(i) * s[g.index(i, j)];
            }
        }
        return q;
    }

    /**
     * Escape rate through the absorbing walls computed from discrete face fluxes F = −(D ∇N)·n̂ on the faces between
     * the last unknown nodes and the Dirichlet nodes (z = ±H faces of every column i ≤ NR−2, R-face at R_{NR−3/2}
     * of every row), with D at the face the average of its two nodes, the normal derivative a one-sided difference
     * and the tangential one the average of the two nodes' central differences. Face areas match the cell volumes
     * of {@link SpatialGrid#volumeWeight}: for a tensor with D_Rz = 0 and D_RR uniform the paper's stencil is exactly
     * conservative with these faces, so the balance holds to round-off; otherwise to O(h²).
     */
    public static double escape(TransportProblem p, int k, double[] n) {
        SpatialGrid g = p.grid();
        FieldDirection d = p.coefficients().direction();
        double dP = p.dPerp(k);
        double dA = p.dAni(k);
        double dR = g.dR();
        double dz = g.dz();
        int nR = g.nR();
        int nZ = g.nZ();
        boolean cyl = g.geometry() == Geometry.CYLINDRICAL;
        double out = 0;
        for (int i = 0; i < nR - 1; i++) {
            double area = g.volumeWeight(i) / dz;
            for (int side = 0; side < 2; side++) {
                int jIn = side == 0 ? nZ - 2 : 1;
                int jOut = side == 0 ? nZ - 1 : 0;
                int in = g.index(i, jIn);
                int ext = g.index(i, jOut);
                double dzz = 0.5 * (d.dZZ(in, dP, dA) + d.dZZ(ext, dP, dA));
                double drz = 0.5 * (d.dRZ(in, dP, dA) + d.dRZ(ext, dP, dA));
                double dNdR =
                        i == 0 ? 0 : 0.5 * ((n[in + 1] - n[in - 1]) / (2 * dR) + (n[ext + 1] - n[ext - 1]) / (2 * dR));
                double dNdn = (n[ext] - n[in]) / dz;                    // derivative along the outward normal
                double sign = side == 0 ? 1 : -1;                        // n̂ = ±ẑ
                out += area * -(dzz * dNdn + sign * drz * dNdR);
            }
        }
        double rFace = (nR - 1.5) * dR;
        double area = cyl ? 2 * Math.PI * rFace * dz : dz;
        for (int j = 1; j < nZ - 1; j++) {
            int in = g.index(nR - 2, j);
            int ext = g.index(nR - 1, j);
            double drr = 0.5 * (d.dRR(in, dP, dA) + d.dRR(ext, dP, dA));
            double drz = 0.5 * (d.dRZ(in, dP, dA) + d.dRZ(ext, dP, dA));
            double dNdz = 0.5 * ((n[in + nR] - n[in - nR]) / (2 * dz) + (n[ext + nR] - n[ext - nR]) / (2 * dz));
            out += area * -(drr * (n[ext] - n[in]) / dR + drz * dNdz);
        }
        return out;
    }

    /**
     * Steady balance: |Σ w S − escape| / Σ w S of the exact discrete steady state, worst bin, on each grid, with the
     * observed order between grids (pulsar source). uniform-z: D_Rz = 0 and uniform D_RR, exactly conservative.
     */
    public static List<Measure> steadyBalance(String fieldName, Geometry geo, int[] sizes) {
        PulsarSource src = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        DiffusionTensor t = ValidationModels.tensor(ValidationModels.EPS_D);
        List<Measure> out = new ArrayList<>();
        String label = fieldName + " " + geo.key() + " steady";
        for (int n : sizes) {
            TransportProblem p = problem(geo, n, t, fields().get(fieldName), src);
            double[][] sol = new DirectSteadySolver(p, 1).solve();
            double worst = 0;
            for (int k = 0; k < p.bins(); k++) {
                double q = injection(p, k);
                worst = Math.max(worst, Math.abs(q - escape(p, k, sol[k])) / q);
            }
            Double order = out.isEmpty() ? null : ErrorNorms.order(out.get(out.size() - 1).value(), worst, 2, 1);
            out.add(new Measure(label, n, null, worst, order));
        }
        return out;
    }

    /**
     * Transient balance with the split stepper from N = 0 for T Myr: |ΔM − (T Q − ∫F dt)| / (T Q), the escape
     * integral by the trapezoid rule over full steps; worst bin; observed order in dt between successive dt.
     */
    public static List<Measure> transientBalance(String fieldName, int n, double tMyr, double[] dts) {
        PulsarSource src = new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1);
        DiffusionTensor t = ValidationModels.tensor(ValidationModels.EPS_D);
        TransportProblem p = problem(Geometry.CYLINDRICAL, n, t, fields().get(fieldName), src);
        List<Measure> out = new ArrayList<>();
        for (double dt : dts) {
            MixedTermStability.requireStable(p, dt, "dt");
            int steps = (int) Math.round(tMyr / dt);
            int bins = p.bins();
            double[] escaped = new double[bins];
            double[] fPrev = new double[bins];
            double[][] state;
            try (CpuSplitStepper s = new CpuSplitStepper(p, 1)) {
                state = s.state();
                for (int k = 0; k < bins; k++) {
                    fPrev[k] = escape(p, k, state[k]);
                }
                for (int st = 0; st < steps; st++) {
                    s.advance(dt, 1);
                    state = s.state();
                    for (int k = 0; k < bins; k++) {
                        double f = escape(p, k, state[k]);
                        escaped[k] += 0.5 * dt * (fPrev[k] + f);
                        fPrev[k] = f;
                    }
                }
            }
            double[] mass = GreenFunctionValidation.mass(p.grid(), state);
            double worst = 0;
            for (int k = 0; k < bins; k++) {
                double injected = steps * dt * injection(p, k);
                worst = Math.max(worst, Math.abs(mass[k] - (injected - escaped[k])) / injected);
            }
            Double order = out.isEmpty()
                    ? null
                    : ErrorNorms.order(
                            out.get(out.size() - 1).value(),
                            worst,
                            out.get(out.size() - 1).dt(),
                            dt);
            out.add(new Measure(fieldName + " cylindrical transient T=" + tMyr + " Myr", n, dt, worst, order));
        }
        return out;
    }
}
