package org.anisocr.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.config.ModelConfig;
import org.anisocr.config.ModelTables;
import org.anisocr.config.OutputSettings;
import org.anisocr.config.SolverSettings;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.FitsCubeWriter;
import org.anisocr.io.GridCoordinates;
import org.anisocr.io.Version;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.MomentumTransport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/** Writes a run's files into a staging directory: N.fits, summary.json, CSV slices. */
public final class RunOutput {
    private RunOutput() {}

    public static void write(RunResult r, AtomicOutputDir out, Map<String, Object> extraSummary) {
        try {
            ModelConfig c = r.config();
            SpatialGrid g = r.problem().grid();
            MomentumGrid m = r.problem().momenta();
            FitsCubeWriter.writeCube(out.path("N.fits"), g, m, r.density(), normalisation(c.output()), c.text());
            writePlaneCsv(out.path("N_plane.csv"), r);
            writeVerticalCsv(out.path("N_vertical_Rsun.csv"), r);
            Map<String, Object> summary = summary(r);
            if (extraSummary != null) {
                summary.putAll(extraSummary);
            }
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.path("summary.json").toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What N is relative to, for the FITS NORM keyword: "arbitrary", or the value [output] fixes at the Sun. */
    static String normalisation(OutputSettings o) {
        if (o.normaliseAtSunTo() <= 0) {
            return "arbitrary";
        }
        return "N(R=" + sixDigits(o.rSunKpc()) + " kpc, z=0, p=" + sixDigits(o.normaliseMomentumGeV()) + " GeV) = "
                + sixDigits(o.normaliseAtSunTo()); // at most 61 characters: fits one FITS string value
    }

    /** 6 significant digits without trailing zeros: 8.3, 10, 1.5e+30. */
    private static String sixDigits(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** key, value, key, value, … in this order (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** summary.json's first entries: the model and which code made the numbers. */
    static Map<String, Object> provenance(ModelConfig c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", c.name());
        s.put("code_version", Version.get());
        // the commit alone, and whether the build had uncommitted changes: which code made these numbers
        s.put("git_commit", Version.commit());
        s.put("git_dirty", Version.dirty());
        return s;
    }

    public static Map<String, Object> summary(RunResult r) {
        ModelConfig c = r.config();
        Map<String, Object> s = provenance(c);
        s.put("backend", r.backend());
        s.put("threads", r.threads());
        s.put("mode", r.mode().key());
        s.put("scheme", c.solver().scheme().key());
        SpatialGrid g = r.problem().grid();
        s.put("grid", ordered("geometry", g.geometry().key(), "n_r", g.nR(), "n_z", g.nZ(), "r_max_kpc", g.rMaxKpc(),
                "half_height_kpc", g.halfHeightKpc()));
        s.put("momentum", ordered("count", r.problem().bins(), "p_min_GeV", r.problem().momenta().pMinGeV(),
                "p_max_GeV", r.problem().momenta().pMaxGeV()));
        s.put("wall_seconds", r.wallSeconds());
        s.put("residual", finiteOrNull(r.residual()));
        s.put("sweeps", r.steps());
        s.put("ladder_rungs", r.rungs());
        s.put("final_dt_Myr", finiteOrNull(r.finalDtMyr()));
        s.put("final_change_per_step", finiteOrNull(r.finalChange()));
        s.put("converged", r.converged());
        s.put("convergence", convergence(r));
        s.putAll(r.details());
        s.put("min_N_over_max_N", minOverMax(r.density())); // < 0: the scheme undershot somewhere
        s.put("normalisation_factor", r.normalisation());
        // the resolved parameters (defaults filled in) with the model file's keys: a block pastes back as its table
        s.put("field", ModelTables.field(c.field()));
        s.put("source", ModelTables.source(c.source()));
        s.put("diffusion", ModelTables.diffusion(c.diffusion()));
        if (r.problem().couplesBins()) {
            s.putAll(transportTerms(r));
        }
        s.put("config", c.text());
        return s;
    }

    /**
     * The wind and the losses with their model-file keys, and the particles per Myr that cross p_min (the momentum
     * flux out of the grid's lowest bin, Σ V |ṗ(p_{−½})| N_0) beside those injected (Σ_k Δp_k Σ V S_k, normalised as
     * N is): in the units of N × kpc³ (cylindrical; kpc² per unit y for a Cartesian slab) per Myr.
     */
    static Map<String, Object> transportTerms(RunResult r) {
        MomentumTransport t = r.problem().transport();
        ModelConfig c = r.config();
        Map<String, Object> out = new LinkedHashMap<>();
        if (c.convection().isOn()) {
            out.put("convection", ordered("v0_km_s", c.convection().v0KmPerS(), "dv_dz_km_s_per_kpc",
                    c.convection().dvdzKmPerSPerKpc()));
        }
        if (c.losses().isOn()) {
            out.put("losses", ordered("ionisation", c.losses().ionisation(), "coulomb", c.losses().coulomb(), "pion",
                    c.losses().pion(), "electron_temperature_K", c.losses().electronTemperatureK()));
        }
        double injected = 0;
        for (int k = 0; k < r.problem().bins(); k++) {
            injected += t.cellWidth(k) * t.volumeIntegral(r.problem().sourceRate(k));
        }
        injected *= r.normalisation();
        double pMin = t.pMinOutflux(r.density()[0]);
        out.put("momentum_flux", ordered("p_min_outflux_per_Myr", pMin, "injected_per_Myr", injected,
                "p_min_outflux_fraction", injected > 0 ? pMin / injected : 0.0));
        return out;
    }

    /** In words: converged or not, by which criterion, with the numbers. */
    public static String convergence(RunResult r) {
        SolverSettings s = r.config().solver();
        return switch (r.mode()) {
            case LADDER ->
                r.converged()
                        ? String.format(
                                Locale.ROOT,
                                "converged: change per step %.3e < tolerance %.1e after %d steps",
                                r.finalChange(),
                                s.ladder().tolerance(),
                                r.steps())
                        : String.format(
                                Locale.ROOT,
                                "not converged: stopped at the step budget (max_steps = %d) with change per step "
                                        + "%.3e > tolerance %.1e",
                                s.ladder().maxSteps(),
                                r.finalChange(),
                                s.ladder().tolerance());
            case TRANSIENT ->
                String.format(
                        Locale.ROOT,
                        "transient: %d steps of %.4g Myr to t = %.4g Myr",
                        r.steps(),
                        s.transientDtMyr(),
                        s.transientEndMyr());
            case STEADY, DIRECT ->
                r.converged()
                        ? String.format(Locale.ROOT, "converged: relative residual %.3e", r.residual())
                        : String.format(
                                Locale.ROOT,
                                "not converged: relative residual %.3e > tolerance %.1e",
                                r.residual(),
                                s.steady().tolerance());
        };
    }

    static double minOverMax(double[][] n) {
        double min = 0;
        double max = 0;
        for (double[] b : n) {
            for (double v : b) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max > 0 ? min / max : 0;
    }

    private static Object finiteOrNull(double v) { return Double.isFinite(v) ? v : null; }

    /** Nearest momentum bin to each requested p. */
    private static int[] bins(RunResult r) {
        double[] want = r.config().output().csvMomentaGeV();
        MomentumGrid m = r.problem().momenta();
        int[] k = new int[want.length];
        for (int a = 0; a < want.length; a++) {
            int best = 0;
            for (int b = 1; b < m.count(); b++) {
                if (Math.abs(Math.log(m.p(b) / want[a])) < Math.abs(Math.log(m.p(best) / want[a]))) {
                    best = b;
                }
            }
            k[a] = best;
        }
        return k;
    }

    /** N in the Galactic plane against R, one column per CSV momentum. */
    private static void writePlaneCsv(Path file, RunResult r) throws IOException {
        SpatialGrid g = r.problem().grid();
        int j = g.planeIndex();
        writeSliceCsv(file, r, "R_kpc", g.nR(), g::r, g.dR(), i -> g.index(i, j));
    }

    /** N against z at the Sun's radius, one column per CSV momentum. */
    private static void writeVerticalCsv(Path file, RunResult r) throws IOException {
        SpatialGrid g = r.problem().grid();
        int i = g.radialIndex(r.config().output().rSunKpc());
        writeSliceCsv(file, r, "z_kpc", g.nZ(), g::z, g.dz(), j -> g.index(i, j));
    }

    /** One row per point q of a line through the grid: coordinate(q), then N at node(q) for each CSV momentum. */
    private static void writeSliceCsv(
            Path file,
            RunResult r,
            String coordinateName,
            int points,
            IntToDoubleFunction coordinate,
            double spacing,
            IntUnaryOperator node)
            throws IOException {
        int decimals = GridCoordinates.decimals(spacing);
        int[] k = bins(r);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(coordinateName);
            for (int b : k) {
                w.write(String.format(Locale.ROOT, ",N_p%.4gGeV", r.problem().momenta().p(b)));
            }
            w.write("\n");
            for (int q = 0; q < points; q++) {
                w.write(GridCoordinates.format(coordinate.applyAsDouble(q), decimals));
                for (int b : k) {
                    w.write(String.format(Locale.ROOT, ",%.10e", r.density()[b][node.applyAsInt(q)]));
                }
                w.write("\n");
            }
        }
    }
}
