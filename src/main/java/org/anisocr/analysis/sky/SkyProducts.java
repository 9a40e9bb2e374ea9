package org.anisocr.analysis.sky;

import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.SpectralIndexFit;
import org.anisocr.config.SkySettings;
import org.anisocr.io.CsvColumns;
import org.anisocr.io.JsonFiles;
import org.anisocr.io.LinePlot;
import org.anisocr.io.MollweideImage;
import org.anisocr.io.SkyFits;
import org.anisocr.sky.HealpixRing;
import org.anisocr.sky.SkyDirection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a γ-ray sky ({@link SkyMaps.Result}):
 * <ul>
 * <li>{@code sky_intensity.fits}: HEALPix (RING, Galactic) intensity, one column CHANNELn per energy, energies in
 * the ENERGIES table; {@code sky_index.fits}: the index map (column GAMMA_INDEX);</li>
 * <li>{@code sky_intensity_car.fits}, {@code sky_index_car.fits}: the same on a plate carrée grid (when asked);</li>
 * <li>{@code sky_intensity_E<E>GeV.png} (the energies nearest 1, 10 and 100 GeV) and {@code sky_index.png}:
 * Mollweide maps;</li>
 * <li>{@code sky_profile.csv} ({@code l_deg}, one column {@code I_<E>GeV} per energy, {@code gamma_index}) with
 * {@code sky_profile.png} and {@code sky_profile_index.png}: the longitude profile of |b| &lt; 5°, pixels averaged
 * per longitude bin (equal-area pixels: the solid-angle mean), its index fitted to the averaged spectrum;</li>
 * <li>{@code sky_summary.json}: settings, timing and the index of the regions of {@link #REGIONS}.</li>
 * </ul>
 */
public final class SkyProducts {
    private SkyProducts() {}

    /** The FITS unit of the intensity maps. */
    public static final String INTENSITY_UNIT = "cm-2 s-1 sr-1 MeV-1";
    /** Half-width in latitude of the longitude profile (degrees). */
    public static final double PROFILE_B_MAX_DEG = 5;

    /**
     * A patch of sky: |ℓ − ℓ_c| &lt; half-width (ℓ taken in (ℓ_c − 180°, ℓ_c + 180°]) and b_min ≤ |b| &lt; b_max.
     */
    public record Region(String name, double lCentreDeg, double lHalfWidthDeg, double absBMinDeg,
                         double absBMaxDeg) {
        boolean contains(double lDeg, double bDeg) {
            double dl = ((lDeg - lCentreDeg) % 360 + 540) % 360 - 180;
            double ab = Math.abs(bDeg);
            return Math.abs(dl) < lHalfWidthDeg && ab >= absBMinDeg && ab < absBMaxDeg;
        }
    }

    /**
     * The regions whose index summary.json reports: the inner Galaxy (|ℓ| &lt; 30°, |b| &lt; 5°), the outer Galaxy
     * (|ℓ − 180°| &lt; 30°, |b| &lt; 5°; the anticentre), high latitudes (|b| ≥ 30°; the local gas) and the
     * central |ℓ| &lt; 10°, |b| &lt; 5° (lines of sight through R &lt; 1.5 kpc, where a radial hardening is largest).
     */
    public static final List<Region> REGIONS = List.of(
            new Region("inner", 0, 30, 0, 5),
            new Region("central", 0, 10, 0, 5),
            new Region("outer", 180, 30, 0, 5),
            new Region("high_latitude", 0, 180.0001, 30, 90.0001));

    /** Per region: the mean spectrum of its pixels (shared, not copied: read once) and its index. */
    public record RegionSpectrum(Region region, int pixels, double[] meanIntensity, double index) {}

    public static List<RegionSpectrum> regions(SkyMaps.Result r) {
        HealpixRing ring = r.ring();
        int npix = (int) ring.pixelCount();
        int energies = r.energiesGeV().length;
        int[] window = SpectralIndexFit.window(r.energiesGeV(), r.settings().fitMinGeV(), r.settings().fitMaxGeV());
        List<RegionSpectrum> out = new ArrayList<>();
        for (Region reg : REGIONS) {
            double[] sum = new double[energies];
            int count = 0;
            for (int k = 0; k < npix; k++) {
                SkyDirection d = ring.centre(k);
                if (reg.contains(d.galacticLongitudeDeg(), d.galacticLatitudeDeg())) {
                    count++;
                    for (int e = 0; e < energies; e++) {
                        sum[e] += r.healpixIntensity()[e][k];
                    }
                }
            }
            for (int e = 0; e < energies; e++) {
                sum[e] /= Math.max(1, count);
            }
            out.add(new RegionSpectrum(reg, count, sum,
                    count > 0 ? SpectralIndexFit.alpha(r.energiesGeV(), sum, window) : Double.NaN));
        }
        return out;
    }

    /**
     * The longitude profile of |b| &lt; 5°: bin centres l_deg from −180° + bin to 180° ({@link #profileBinDeg}),
     * the mean intensity per energy [energy][bin] and the index of that mean. The arrays are shared, not copied:
     * written once to CSV and PNG.
     */
    public record Profile(double[] lDeg, double[][] intensity, double[] index) {}

    /** 1° from nside 128 up; below, the smallest width ≥ 128°/nside that divides 180° (so that bins hold pixels). */
    static double profileBinDeg(int nside) {
        int bin = 1;
        while (bin < 128.0 / nside || 180 % bin != 0) {
            bin++;
        }
        return bin;
    }

    public static Profile profile(SkyMaps.Result r) {
        HealpixRing ring = r.ring();
        double bin = profileBinDeg(ring.nside());
        int half = (int) Math.round(180 / bin);
        int bins = 2 * half;
        int energies = r.energiesGeV().length;
        double[][] sum = new double[energies][bins];
        int[] count = new int[bins];
        for (int k = 0; k < (int) ring.pixelCount(); k++) {
            SkyDirection d = ring.centre(k);
            if (Math.abs(d.galacticLatitudeDeg()) >= PROFILE_B_MAX_DEG) {
                continue;
            }
            double l = d.galacticLongitudeDeg();
            // bins centred on whole multiples of the bin width, from −180° + bin to 180° (which holds ℓ = ±180°)
            int c = (int) Math.round((l > 180 ? l - 360 : l) / bin);
            int b = (c == -half ? half : c) + half - 1;
            count[b]++;
            for (int e = 0; e < energies; e++) {
                sum[e][b] += r.healpixIntensity()[e][k];
            }
        }
        double[] lDeg = new double[bins];
        double[] index = new double[bins];
        int[] window = SpectralIndexFit.window(r.energiesGeV(), r.settings().fitMinGeV(), r.settings().fitMaxGeV());
        double[] spectrum = new double[energies];
        for (int b = 0; b < bins; b++) {
            lDeg[b] = (b + 1 - half) * bin;
            for (int e = 0; e < energies; e++) {
                sum[e][b] = count[b] > 0 ? sum[e][b] / count[b] : Double.NaN;
                spectrum[e] = sum[e][b];
            }
            index[b] = SpectralIndexFit.alpha(r.energiesGeV(), spectrum, window);
        }
        return new Profile(lDeg, sum, index);
    }

    /** Writes every file into {@code dir}; returns the summary block (also written as sky_summary.json). */
    public static Map<String, Object> writeAll(SkyMaps.Result r, String modelName, Path dir) throws IOException {
        double[] eMeV = new double[r.energiesGeV().length];
        List<SkyFits.Column> columns = new ArrayList<>();
        for (int e = 0; e < eMeV.length; e++) {
            eMeV[e] = r.energiesGeV()[e] * 1e3;
            columns.add(new SkyFits.Column("CHANNEL" + (e + 1), INTENSITY_UNIT, r.healpixIntensity()[e]));
        }
        Map<String, Object> header = header(r, modelName);
        SkyFits.writeHealpix(dir.resolve("sky_intensity.fits"), r.ring().nside(), columns, eMeV, header);
        SkyFits.writeHealpix(dir.resolve("sky_index.fits"), r.ring().nside(),
                List.of(new SkyFits.Column("GAMMA_INDEX", "", r.healpixIndex())), null, header);
        if (r.car() != null) {
            SkyMaps.Car c = r.car();
            SkyFits.writeCar(dir.resolve("sky_intensity_car.fits"), c.nLon(), c.nLat(), c.stepDeg(), c.intensity(),
                    INTENSITY_UNIT, eMeV, header);
            SkyFits.writeCar(dir.resolve("sky_index_car.fits"), c.nLon(), c.nLat(), c.stepDeg(),
                    new float[][] {c.index()}, "", null, header);
        }
        writeImages(r, modelName, dir);
        Profile p = profile(r);
        writeProfile(r, p, modelName, dir);
        Map<String, Object> summary = summary(r, regions(r));
        JsonFiles.write(dir.resolve("sky_summary.json"), summary);
        return summary;
    }

    private static Map<String, Object> header(SkyMaps.Result r, String modelName) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("MODEL", modelName.length() > 60 ? modelName.substring(0, 60) : modelName);
        h.put("R_SUN", r.rSunKpc());
        h.put("Z_SUN", r.settings().zSunKpc());
        h.put("OBSERVER", "(-R_SUN, 0, Z_SUN) kpc, Galactic centre at origin");
        h.put("GFITMIN", r.settings().fitMinGeV());
        h.put("GFITMAX", r.settings().fitMaxGeV());
        h.put("EMISSION", "pi0 decay, Kafexhiu+2014 PRD 90 123014");
        return h;
    }

    /** The energies nearest 1, 10 and 100 GeV (each once). */
    static List<Integer> showcaseEnergies(double[] eGeV) {
        List<Integer> pick = new ArrayList<>();
        for (double want : new double[] {1, 10, 100}) {
            int best = 0;
            for (int e = 1; e < eGeV.length; e++) {
                if (Math.abs(Math.log(eGeV[e] / want)) < Math.abs(Math.log(eGeV[best] / want))) {
                    best = e;
                }
            }
            if (!pick.contains(best)) {
                pick.add(best);
            }
        }
        return pick;
    }

    private static void writeImages(SkyMaps.Result r, String modelName, Path dir) throws IOException {
        HealpixRing ring = r.ring();
        for (int e : showcaseEnergies(r.energiesGeV())) {
            float[] map = r.healpixIntensity()[e];
            String eLabel = ModelAnalysis.momentumLabel(r.energiesGeV()[e]);
            MollweideImage.write(dir.resolve("sky_intensity_E" + eLabel + "GeV.png"),
                    (l, b) -> map[(int) ring.pixelAt(SkyDirection.galactic(l, b))],
                    modelName + ": π⁰-decay γ rays at " + eLabel + " GeV (nside " + ring.nside() + ")",
                    "I [cm⁻² s⁻¹ sr⁻¹ MeV⁻¹]", true);
        }
        float[] index = r.healpixIndex();
        MollweideImage.write(dir.resolve("sky_index.png"),
                (l, b) -> index[(int) ring.pixelAt(SkyDirection.galactic(l, b))],
                modelName + ": γ-ray index " + fitLabel(r.settings()), "Γ = −d ln I/d ln E", false);
    }

    static String fitLabel(SkySettings s) {
        return ModelAnalysis.momentumLabel(s.fitMinGeV()) + "–" + ModelAnalysis.momentumLabel(s.fitMaxGeV())
                + " GeV";
    }

    private static void writeProfile(SkyMaps.Result r, Profile p, String modelName, Path dir) throws IOException {
        int energies = r.energiesGeV().length;
        String[] names = new String[energies + 2];
        double[][] cols = new double[energies + 2][];
        names[0] = "l_deg";
        cols[0] = p.lDeg();
        for (int e = 0; e < energies; e++) {
            names[e + 1] = "I_" + ModelAnalysis.momentumLabel(r.energiesGeV()[e]) + "GeV";
            cols[e + 1] = p.intensity()[e];
        }
        names[energies + 1] = "gamma_index";
        cols[energies + 1] = p.index();
        CsvColumns.write(dir.resolve("sky_profile.csv"), names, cols);
        List<LinePlot.Series> series = new ArrayList<>();
        for (int e : showcaseEnergies(r.energiesGeV())) {
            series.add(new LinePlot.Series(ModelAnalysis.momentumLabel(r.energiesGeV()[e]) + " GeV", p.lDeg(),
                    p.intensity()[e]));
        }
        LinePlot.write(dir.resolve("sky_profile.png"),
                modelName + ": γ-ray intensity, |b| < 5°", "ℓ [deg]", "I [cm⁻² s⁻¹ sr⁻¹ MeV⁻¹]", series, true);
        LinePlot.write(dir.resolve("sky_profile_index.png"),
                modelName + ": γ-ray index, |b| < 5° (fit " + fitLabel(r.settings()) + ")", "ℓ [deg]",
                "Γ = −d ln I/d ln E", List.of(new LinePlot.Series("Γ(ℓ)", p.lDeg(), p.index())), false);
    }

    /** The summary.json "sky" block. */
    public static Map<String, Object> summary(SkyMaps.Result r, List<RegionSpectrum> regions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nside", r.ring().nside());
        m.put("car", r.car() != null);
        m.put("car_step_deg", r.car() != null ? r.car().stepDeg() : null);
        m.put("r_sun_kpc", r.rSunKpc());
        m.put("z_sun_kpc", r.settings().zSunKpc());
        m.put("fit_min_GeV", r.settings().fitMinGeV());
        m.put("fit_max_GeV", r.settings().fitMaxGeV());
        m.put("energies_GeV", r.energiesGeV().clone());
        m.put("intensity_unit", INTENSITY_UNIT);
        m.put("integration_seconds", r.seconds());
        Map<String, Object> reg = new LinkedHashMap<>();
        for (RegionSpectrum rs : regions) {
            Map<String, Object> one = new LinkedHashMap<>();
            Region g = rs.region();
            one.put("l_centre_deg", g.lCentreDeg());
            one.put("l_half_width_deg", Math.min(180, g.lHalfWidthDeg()));
            one.put("abs_b_min_deg", g.absBMinDeg());
            one.put("abs_b_max_deg", Math.min(90, g.absBMaxDeg()));
            one.put("pixels", rs.pixels());
            one.put("gamma_index", Double.isFinite(rs.index()) ? rs.index() : null);
            reg.put(g.name(), one);
        }
        m.put("regions", reg);
        Double in = (Double) ((Map<?, ?>) reg.get("inner")).get("gamma_index");
        Double out = (Double) ((Map<?, ?>) reg.get("outer")).get("gamma_index");
        m.put("gamma_index_outer_minus_inner", in != null && out != null ? out - in : null);
        return m;
    }
}
