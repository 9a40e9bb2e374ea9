package org.anisocr.analysis;

import org.anisocr.config.AnalysisConfig;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.CsvColumns;
import org.anisocr.io.FitsCubeWriter;
import org.anisocr.io.LinePlot;
import org.anisocr.io.MapFits;
import org.anisocr.io.MapImage;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis products of one solved model (docs/physics.md §6), written into an output directory:
 * <ul>
 * <li>{@code alpha.csv} (R_kpc,alpha) and {@code alpha.png}: α(R) on the plane, Fig. 2/4 style;</li>
 * <li>{@code flux.csv} (R_kpc,N_above_pmin) and {@code flux.png}: ∫_{p_min}^∞ N dp along the plane;</li>
 * <li>{@code N_maps.fits} and {@code N_map_p&lt;p&gt;GeV.png}: N(R, z) at the chosen momenta (nearest bins).</li>
 * </ul>
 * The caller owns atomicity (the run pipeline writes into a temporary directory and renames it).
 */
public final class ModelAnalysis {
    private ModelAnalysis() {}

    /** The numbers only, no files: used by sweeps and tests. density[k][j·nR + i]. */
    public static Profiles compute(SpatialGrid grid, MomentumGrid momenta, double[][] density, AnalysisConfig cfg) {
        if (density.length != momenta.count()) {
            throw new IllegalArgumentException(
                    "density has " + density.length + " momentum bins, grid " + momenta.count());
        }
        double[] p = momenta.values();
        double[][] spectra = PlaneSpectra.extract(grid, density, cfg.zAvgKpc());
        double[] alpha = SpectralIndexFit.profile(p, spectra, cfg.pFitMinGeV(), cfg.pFitMaxGeV());
        double[] flux = IntegratedDensity.profile(p, spectra, cfg.fluxPMinGeV());
        double[] r = new double[grid.nR()];
        for (int i = 0; i < r.length; i++) {
            r[i] = grid.r(i);
        }
        int nan = 0;
        for (double a : alpha) {
            if (Double.isNaN(a)) {
                nan++;
            }
        }
        double alphaSun = interpolate(r, alpha, cfg.rSunKpc());
        AnalysisSummary s = new AnalysisSummary(r[0], alpha[0], cfg.rSunKpc(), alphaSun, alphaSun - alpha[0], nan,
                cfg.pFitMinGeV(), cfg.pFitMaxGeV(), cfg.fluxPMinGeV(), interpolate(r, flux, cfg.rSunKpc()));
        return new Profiles(r, alpha, flux, s);
    }

    /** Radial profiles in the plane (one value per R node), copied in and out. */
    public record Profiles(double[] rKpc, double[] alpha, double[] densityAbovePMin, AnalysisSummary summary) {
        public Profiles {
            rKpc = rKpc.clone();
            alpha = alpha.clone();
            densityAbovePMin = densityAbovePMin.clone();
        }

        @Override public double[] rKpc() { return rKpc.clone(); }
        @Override public double[] alpha() { return alpha.clone(); }
        @Override public double[] densityAbovePMin() { return densityAbovePMin.clone(); }
    }

    /**
     * Writes every product into outDir and returns the headline numbers.
     *
     * @param normalisation what the density is relative to, for the maps' NORM keyword (as N.fits says it)
     */
    public static AnalysisSummary writeAll(SpatialGrid grid, MomentumGrid momenta, double[][] density,
                                           AnalysisConfig cfg, String normalisation, Path outDir) throws IOException {
        Profiles pr = compute(grid, momenta, density, cfg);
        AnalysisSummary s = pr.summary();
        CsvColumns.write(outDir.resolve("alpha.csv"), new String[] {"R_kpc", "alpha"}, pr.rKpc(), pr.alpha());
        CsvColumns.write(
                outDir.resolve("flux.csv"), new String[] {"R_kpc", "N_above_pmin"}, pr.rKpc(), pr.densityAbovePMin());
        String window = String.format(
                Locale.ROOT,
                "fit %s–%s GeV%s",
                momentumLabel(cfg.pFitMinGeV()),
                momentumLabel(cfg.pFitMaxGeV()),
                cfg.zAvgKpc() > 0 ? String.format(Locale.ROOT, ", |z| ≤ %g kpc", cfg.zAvgKpc()) : ", z = 0");
        LinePlot.write(outDir.resolve("alpha.png"), "Spectral index on the plane (" + window + ")", "R [kpc]",
                "α = −d ln N/d ln p", List.of(new LinePlot.Series("α(R)", pr.rKpc(), pr.alpha())), false);
        LinePlot.write(
                outDir.resolve("flux.png"),
                "Density above " + momentumLabel(cfg.fluxPMinGeV()) + " GeV on the plane",
                "R [kpc]",
                "∫ N dp, p > " + momentumLabel(cfg.fluxPMinGeV()) + " GeV [arb. units]",
                List.of(new LinePlot.Series("N(>p_min)", pr.rKpc(), pr.densityAbovePMin())),
                true);
        writeMaps(grid, momenta, density, cfg.mapMomentaGeV(), normalisation, outDir);
        return s;
    }

    static void writeMaps(SpatialGrid grid, MomentumGrid momenta, double[][] density, double[] mapMomentaGeV,
                          String normalisation, Path outDir) throws IOException {
        if (mapMomentaGeV.length == 0) {
            return;
        }
        List<MapFits.Plane> planes = new ArrayList<>();
        Map<String, Object> header = new LinkedHashMap<>();
        for (double want : mapMomentaGeV) {
            int k = nearestBin(momenta, want);
            double p = momenta.p(k);
            String label = momentumLabel(p);
            planes.add(new MapFits.Plane("N(p=" + label + " GeV)", FitsCubeWriter.RELATIVE_UNIT, density[k]));
            header.put("PMAP" + planes.size(), p);
            MapImage.write(outDir.resolve("N_map_p" + label + "GeV.png"), grid, density[k],
                    "Cosmic-ray density N(R, z) at p = " + label + " GeV", "N [arb. units]", true, null);
        }
        header.put("NORM", normalisation);
        MapFits.write(outDir.resolve("N_maps.fits"), grid, planes, header);
    }

    /** 4 significant digits without trailing zeros: 10, 31.62, 1000. */
    public static String momentumLabel(double pGeV) {
        return new BigDecimal(pGeV).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The bin whose momentum is nearest to p in log p. */
    public static int nearestBin(MomentumGrid momenta, double pGeV) {
        int best = 0;
        for (int k = 1; k < momenta.count(); k++) {
            if (Math.abs(Math.log(momenta.p(k) / pGeV)) < Math.abs(Math.log(momenta.p(best) / pGeV))) {
                best = k;
            }
        }
        return best;
    }

    /** Linear interpolation of y(x) on an increasing grid; clamps outside. */
    static double interpolate(double[] x, double[] y, double at) {
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int i = 0;
        while (x[i + 1] < at) {
            i++;
        }
        double t = (at - x[i]) / (x[i + 1] - x[i]);
        if (t < 1e-12) {
            return y[i];
        }
        if (t > 1 - 1e-12) {
            return y[i + 1];
        }
        return y[i] + t * (y[i + 1] - y[i]);
    }
}
