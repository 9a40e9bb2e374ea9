package org.anisocr.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.analysis.AnalysisSummary;
import org.anisocr.analysis.Cartesian3DAnalysis;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.gamma.GammaProducts;
import org.anisocr.analysis.gamma.GammaSettings;
import org.anisocr.analysis.sky.SkyMaps;
import org.anisocr.analysis.sky.SkyProducts;
import org.anisocr.config.ModelConfig;
import org.anisocr.config.ModelTables;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.io.AtomicOutputDir;
import org.anisocr.io.FitsCubeWriter;
import org.anisocr.io.GasModels;
import org.anisocr.io.MapFits;
import org.anisocr.io.MapImage;
import org.anisocr.io.PlaneAxes;
import org.anisocr.io.ProcessMemory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The files of a whole 3D run (or of the merge of its parts) in a staging directory:
 * <ul>
 *   <li>{@code N_plane.fits}, {@code N_slice_xz.fits} (y = 0), {@code N_slice_yz.fits} (x = 0): N at the map momenta
 *       ([analysis] map_p_GeV, nearest bins), one FITS plane each, WCS in kpc; a PNG per momentum and cut;</li>
 *   <li>{@code alpha_plane.fits}, {@code alpha_plane.png}: α(x, y) over the fit window;</li>
 *   <li>the azimuthal average N̄(R, z) analysed as a 2D run is ({@code alpha.csv}, {@code flux.csv}, their PNGs,
 *       {@code N_maps.fits}), and {@code N_R.csv}: N̄(R) on the plane at the fit momenta;</li>
 *   <li>{@code gamma_emissivity_plane.fits}: q_γ(E_γ, x, y) per H atom on the plane;</li>
 *   <li>{@code N.fits}: the whole N(x, y, z, p) in float32, only when asked ({@code --full-cube});</li>
 *   <li>with a [sky] table, the γ-ray sky maps of {@link SkyProducts} from the whole density in double;</li>
 *   <li>{@code summary.json}: the model-file tables, code version, per-bin iterations and residuals, timings,
 *       memory.</li>
 * </ul>
 */
public final class Run3DOutput {
    private Run3DOutput() {}

    public static void write(Run3DResult r, AtomicOutputDir out, MemoryEstimate memory, boolean fullCube,
                             Map<String, Object> extraSummary) throws IOException {
        long t0 = System.nanoTime();
        ModelConfig c = r.config();
        CartesianGrid3D g = c.model3d().grid();
        MomentumGrid m = c.momenta();
        double[][] n = r.density();
        String norm = RunOutput.normalisation(c.output());
        writeCuts(out.path(""), g, m, n, c.analysis().mapMomentaGeV(), norm);
        Map<String, Object> extra = new LinkedHashMap<>();
        String misfit = c.analysis().problemWith(m);
        if (misfit == null) {
            extra.put("analysis", analysis(c, n, norm, out.path("")));
        } else {
            extra.put("analysis", Map.of("skipped", misfit));
        }
        extra.put("gamma", gamma(g, m, n, out.path("")));
        if (c.sky().enabled()) {
            extra.put("sky", sky(r, out.path("")));
        }
        if (fullCube) {
            FitsCubeWriter.writeCube3D(out.path("N.fits"), g, m, n, norm, c.text());
        }
        extra.put("full_cube", fullCube ? "N.fits" : null);
        extra.put("memory_estimate_GB", memory.bytes() / (double) (1L << 30));
        extra.put("java_max_heap_GB", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        extra.put("peak_heap_GB", peakHeapGb());
        extra.put("peak_rss_GB", finiteOrNull(ProcessMemory.peakRssGb()));
        extra.put("write_seconds", (System.nanoTime() - t0) * 1e-9);
        if (extraSummary != null) {
            extra.putAll(extraSummary);
        }
        Map<String, Object> summary = summary(r);
        summary.putAll(extra);
        summary.put("config", c.text());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.path("summary.json").toFile(), summary);
    }

    /** N on the plane and the two vertical slices at the map momenta: FITS (one plane per momentum) and PNGs. */
    static void writeCuts(Path dir, CartesianGrid3D g, MomentumGrid m, double[][] n, double[] mapMomentaGeV,
                          String norm) throws IOException {
        if (mapMomentaGeV.length == 0) {
            return;
        }
        writeCut(dir, "plane", "z = 0", PlaneAxes.plane(g), m, n, mapMomentaGeV, norm,
                bin -> Cartesian3DAnalysis.plane(g, bin));
        writeCut(dir, "slice_xz", "y = 0", PlaneAxes.sliceXz(g), m, n, mapMomentaGeV, norm,
                bin -> Cartesian3DAnalysis.sliceXz(g, bin));
        writeCut(dir, "slice_yz", "x = 0", PlaneAxes.sliceYz(g), m, n, mapMomentaGeV, norm,
                bin -> Cartesian3DAnalysis.sliceYz(g, bin));
    }

    private static void writeCut(Path dir, String name, String where, PlaneAxes axes, MomentumGrid m, double[][] n,
                                 double[] mapMomentaGeV, String norm,
                                 UnaryOperator<double[]> cut) throws IOException {
        List<MapFits.Plane> planes = new ArrayList<>();
        Map<String, Object> header = new LinkedHashMap<>();
        for (double want : mapMomentaGeV) {
            int k = ModelAnalysis.nearestBin(m, want);
            String label = ModelAnalysis.momentumLabel(m.p(k));
            double[] values = cut.apply(n[k]);
            planes.add(new MapFits.Plane("N(p=" + label + " GeV)", FitsCubeWriter.RELATIVE_UNIT, values));
            header.put("PMAP" + planes.size(), m.p(k));
            MapImage.write(dir.resolve("N_" + name + "_p" + label + "GeV.png"), axes, values,
                    "Cosmic-ray density N at " + where + ", p = " + label + " GeV", "N [arb. units]", true);
        }
        header.put("NORM", norm);
        header.put("CUT", where);
        MapFits.write(dir.resolve("N_" + name + ".fits"), axes, planes, header);
    }

    /** α(x, y), and the azimuthal average analysed as a 2D run; the summary block (the 2D one, from the rings). */
    private static Map<String, Object> analysis(ModelConfig c, double[][] n, String norm, Path dir)
            throws IOException {
        CartesianGrid3D g = c.model3d().grid();
        double[] alpha = Cartesian3DAnalysis.alphaPlane(g, c.momenta(), n, c.analysis());
        String window = "fit " + ModelAnalysis.momentumLabel(c.analysis().pFitMinGeV()) + "–"
                + ModelAnalysis.momentumLabel(c.analysis().pFitMaxGeV()) + " GeV";
        MapFits.write(dir.resolve("alpha_plane.fits"), PlaneAxes.plane(g),
                List.of(new MapFits.Plane("alpha (fit " + c.analysis().pFitMinGeV() + "-" + c.analysis().pFitMaxGeV()
                        + " GeV)", "", alpha)),
                Map.of("PFITMIN", c.analysis().pFitMinGeV(), "PFITMAX", c.analysis().pFitMaxGeV()));
        MapImage.write(dir.resolve("alpha_plane.png"), PlaneAxes.plane(g), alpha,
                "Spectral index α(x, y) on the plane (" + window + ")", "α = −d ln N/d ln p", false);
        double[][] average = Cartesian3DAnalysis.azimuthalAverage(g, c.grid(), n);
        AnalysisSummary a = ModelAnalysis.writeAll(c.grid(), c.momenta(), average, c.analysis(), norm, dir);
        Cartesian3DAnalysis.writeRingDensity(dir.resolve("N_R.csv"), c.grid(), c.momenta(), average, c.analysis());
        Map<String, Object> json = new LinkedHashMap<>(a.toJson());
        json.put("azimuthal_average", "rings of dR = " + c.grid().dR() + " kpc about R_i = i dR");
        return json;
    }

    private static Map<String, Object> gamma(CartesianGrid3D g, MomentumGrid m, double[][] n, Path dir)
            throws IOException {
        try {
            return GammaProducts.writePlane3D(g, m, n, GammaSettings.DEFAULT, dir);
        } catch (IllegalArgumentException e) {
            return Map.of("skipped", e.getMessage());
        }
    }

    /**
     * The [sky] maps of the whole density (sky_*.fits, PNGs, profile; the summary block), as a 2D run writes them;
     * the gas is the model's [gas].
     */
    private static Map<String, Object> sky(Run3DResult r, Path dir) throws IOException {
        ModelConfig c = r.config();
        int workers = r.threads() > 0 ? r.threads() : Runtime.getRuntime().availableProcessors();
        SkyMaps.Result sky = SkyMaps.compute(c.model3d().grid(), c.momenta(), r.density(),
                GasModels.resolve(c.gas(), null), c.sky(), c.analysis().rSunKpc(), workers, null);
        return SkyProducts.writeAll(sky, c.name(), dir);
    }

    /** summary.json's entries that describe the model and the solve (the 2D keys where they apply). */
    static Map<String, Object> summary(Run3DResult r) {
        ModelConfig c = r.config();
        CartesianGrid3D g = c.model3d().grid();
        Map<String, Object> s = RunOutput.provenance(c);
        s.put("backend", "cpu");
        s.put("threads", r.threads());
        s.put("mode", c.solver().mode().key());
        s.put("scheme", "symmetric");
        s.put("grid", gridJson(g));
        s.put("momentum", Map.of("count", c.momenta().count(), "p_min_GeV", c.momenta().pMinGeV(),
                "p_max_GeV", c.momenta().pMaxGeV()));
        s.put("wall_seconds", r.wallSeconds());
        s.put("residual", r.residual());
        s.put("sweeps", r.maxIterations());
        s.put("converged", r.converged());
        s.put("convergence", convergence(r));
        s.put("warm_start_block", BinSelection.WARM_START_BLOCK);
        s.put("bins", binsJson(r.bins()));
        s.put("min_N_over_max_N", RunOutput.minOverMax(r.density()));
        s.put("normalisation_factor", r.normalisation());
        s.put("field", ModelTables.field3d(c.model3d().field()));
        s.put("source", ModelTables.source3d(c.model3d().source()));
        s.put("diffusion", ModelTables.diffusion(c.diffusion()));
        return s;
    }

    /** The 3D grid as summary.json and part.json give it. */
    static Map<String, Object> gridJson(CartesianGrid3D g) {
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("geometry", "cartesian3d");
        grid.put("n_x", g.nX());
        grid.put("n_y", g.nY());
        grid.put("n_z", g.nZ());
        grid.put("r_max_kpc", g.rMaxKpc());
        grid.put("half_height_kpc", g.halfHeightKpc());
        grid.put("dx_kpc", g.dxKpc());
        grid.put("dz_kpc", g.dzKpc());
        grid.put("cylinder", g.cylindricalBoundary());
        return grid;
    }

    static List<Map<String, Object>> binsJson(List<Run3DResult.BinStats> bins) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run3DResult.BinStats b : bins) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bin", b.bin());
            m.put("p_GeV", b.pGeV());
            m.put("iterations", b.iterations());
            m.put("relative_residual", b.relativeResidual());
            m.put("converged", b.converged());
            m.put("warm_start", b.warmStart());
            m.put("seconds", b.seconds());
            out.add(m);
        }
        return out;
    }

    /** In words: converged or not, with the numbers. */
    public static String convergence(Run3DResult r) {
        double tol = r.config().solver().steady().tolerance();
        return r.converged()
                ? String.format(Locale.ROOT, "converged: relative residual %.3e (max over bins)", r.residual())
                : String.format(Locale.ROOT, "not converged: relative residual %.3e > tolerance %.1e in %d bin(s)",
                        r.residual(), tol, r.bins().stream().filter(b -> !b.converged()).count());
    }

    /** The largest heap the JVM's heap pools have held (GB): the measured counterpart of the estimate. */
    static double peakHeapGb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (double) (1L << 30);
    }

    private static Object finiteOrNull(double v) { return Double.isFinite(v) ? v : null; }
}
