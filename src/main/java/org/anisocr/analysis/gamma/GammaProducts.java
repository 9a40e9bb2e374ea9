package org.anisocr.analysis.gamma;

import org.anisocr.analysis.Cartesian3DAnalysis;
import org.anisocr.analysis.ModelAnalysis;
import org.anisocr.analysis.RingComparison;
import org.anisocr.analysis.SpectralIndexFit;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.CsvColumns;
import org.anisocr.io.LinePlot;
import org.anisocr.io.MapFits;
import org.anisocr.io.PlaneAxes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The γ-ray products of one solved model, the observable that tests the anisotropy away from the Sun:
 * <ul>
 * <li>{@code gamma_emissivity.fits}: q_γ(E_γ, R, z) per H atom [s⁻¹ GeV⁻¹], one (R, z) map per photon energy;</li>
 * <li>{@code gamma_index.csv} (R_kpc,gamma_index) and {@code gamma_index.png}: Γ_γ = −d ln q_γ/d ln E_γ on the plane,
 * least squares over the photon energies inside the fit window (default 10–100 GeV).</li>
 * </ul>
 * J_p(T, R, z) = K N(p(T), R, z): for a density per unit momentum N(p), the intensity per unit kinetic energy is
 * J = v n_T/4π = c N(p)/4π exactly (dp/dT = 1/β), so J ∝ N at the same particle. K is fixed once per model by
 * J_p(T_ref, R☉, 0) = the measured local flux ({@link LocalProtonFlux}), N interpolated linearly in R on the plane
 * row and as a power law in p.
 */
public final class GammaProducts {
    private GammaProducts() {}

    /** q[j][node] per photon energy j; index on the plane per radial cell; k = J/N scale [cm⁻² sr⁻¹ s⁻¹ GeV⁻¹ per unit
     * N].
     *  The arrays are shared, not copied: the emissivity is energies × grid nodes, computed once and only read by
     *  the writers. */
    public record Result(double[] photonEnergiesGeV, double[][] emissivity, double[] rKpc, double[] gammaIndex,
                         double scale, GammaSettings settings) {
        /** The summary.json "gamma" block: settings, and Γ_γ at R = 0 and R☉ (null where not finite). */
        public Map<String, Object> toJson() {
            GammaSettings s = settings;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(
                    "cross_section",
                    "Kafexhiu et al. 2014, PRD 90, 123014; " + s.model()
                            + (s.model().aboveGeV() < Double.POSITIVE_INFINITY
                                    ? " above " + s.model().aboveGeV() + " GeV, Geant4 below"
                                    : ""));
            NuclearEnhancement e = s.enhancement();
            m.put(
                    "nuclear_enhancement",
                    "K14 eq. 24 (eps_c = " + e.epsC() + ", eps_1 = " + e.eps1() + ", eps_2 = " + e.eps2()
                            + ", sigma_R_pp = " + e.sigmaRppMb() + " mb)");
            m.put(
                    "local_flux",
                    s.localFlux().reference() + ": J(T = " + s.localFlux().kineticEnergyGeV() + " GeV) = "
                            + s.localFlux().intensityPerM2SrSGeV() + " m-2 sr-1 s-1 GeV-1 at R = " + s.rSunKpc()
                            + " kpc, z = 0");
            m.put("fit_min_GeV", s.fitMinGeV());
            m.put("fit_max_GeV", s.fitMaxGeV());
            m.put("gamma_index_inner", finiteOrNull(gammaIndex[0]));
            m.put("gamma_index_sun", finiteOrNull(RingComparison.valueAt(rKpc, gammaIndex, s.rSunKpc())));
            return m;
        }

        private static Object finiteOrNull(double v) { return Double.isFinite(v) ? v : null; }
    }

    public static Result compute(SpatialGrid grid, MomentumGrid momenta, double[][] density, GammaSettings s) {
        double[] eGamma = s.photonEnergiesGeV();
        double[] p = momenta.values();
        double scale = scale(grid, p, density, s);
        double[][] q = emissivity(p, density, grid.size(), idx -> idx, scale, s);
        int[] window = SpectralIndexFit.window(eGamma, s.fitMinGeV(), s.fitMaxGeV());
        int j0 = grid.planeIndex();
        double[] r = new double[grid.nR()];
        double[] index = new double[grid.nR()];
        double[] spectrum = new double[eGamma.length];
        for (int i = 0; i < grid.nR(); i++) {
            r[i] = grid.r(i);
            for (int e = 0; e < eGamma.length; e++) {
                spectrum[e] = q[e][grid.index(i, j0)];
            }
            index[i] = SpectralIndexFit.alpha(eGamma, spectrum, window);
        }
        return new Result(eGamma, q, r, index, scale, s);
    }

    /**
     * q_γ[e][node] per H atom [s⁻¹ GeV⁻¹] at the photon energies {@code eGammaGeV} (any list, e.g. a sky map's),
     * with J_p normalised to the local flux at R☉ of {@code s}: the emissivity of {@link #compute}.
     */
    public static double[][] emissivity(SpatialGrid grid, MomentumGrid momenta, double[][] density, GammaSettings s,
                                        double[] eGammaGeV) {
        double[] p = momenta.values();
        return emissivity(p, density, grid.size(), idx -> idx, scale(grid, p, density, s), s, eGammaGeV.clone());
    }

    /**
     * q_γ[e][m] per H atom at {@code nodes} points, the m-th at density index node(m), for J_p = scale · N: one
     * kernel, every point (a 2D grid's nodes, or the plane of a 3D grid).
     */
    static double[][] emissivity(double[] p, double[][] density, int nodes, IntUnaryOperator node, double scale,
                                 GammaSettings s) {
        return emissivity(p, density, nodes, node, scale, s, s.photonEnergiesGeV());
    }

    private static double[][] emissivity(double[] p, double[][] density, int nodes, IntUnaryOperator node,
                                         double scale, GammaSettings s, double[] eGamma) {
        GammaEmissivity kernel = new GammaEmissivity(new PionDecayCrossSection(s.model()), s.enhancement(), eGamma,
                s.protonNodesPerDecade());
        SpectrumInterpolation interp = new SpectrumInterpolation(p, kernel.momentaGeV());
        double[][] q = new double[eGamma.length][nodes];
        double[] n = new double[p.length];
        for (int m = 0; m < nodes; m++) {
            int idx = node.applyAsInt(m);
            for (int k = 0; k < p.length; k++) {
                n[k] = density[k][idx];
            }
            double[] j = interp.apply(n);
            for (int c = 0; c < j.length; c++) {
                j[c] *= scale;
            }
            double[] qi = kernel.emissivity(j);
            for (int e = 0; e < eGamma.length; e++) {
                q[e][m] = qi[e];
            }
        }
        return q;
    }

    /** K with K N(p(T_ref), R☉, 0) = J_local(T_ref). */
    static double scale(SpatialGrid grid, double[] p, double[][] density, GammaSettings s) {
        if (s.rSunKpc() > grid.r(grid.nR() - 1)) {
            throw new IllegalArgumentException("R☉ = " + s.rSunKpc()
                    + " kpc, where J_p is normalised to the local proton flux, lies outside the grid (R ≤ "
                    + grid.r(grid.nR() - 1) + " kpc)");
        }
        int j0 = grid.planeIndex();
        int i = 0;
        while (i < grid.nR() - 2 && grid.r(i + 1) < s.rSunKpc()) {
            i++;
        }
        double f = Math.min(1, Math.max(0, (s.rSunKpc() - grid.r(i)) / (grid.r(i + 1) - grid.r(i))));
        double[] n = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            n[k] = (1 - f) * density[k][grid.index(i, j0)] + f * density[k][grid.index(i + 1, j0)];
        }
        return scaleAtSun(p, n, s);
    }

    /** K from the spectrum N(p) at the Sun. */
    static double scaleAtSun(double[] p, double[] n, GammaSettings s) {
        double t = s.localFlux().kineticEnergyGeV();
        double pRef = Math.sqrt(t * (t + 2 * PionDecayCrossSection.M_P));
        SpectrumInterpolation at = new SpectrumInterpolation(p, new double[] {pRef});
        double nRef = at.apply(n)[0];
        if (!(nRef > 0)) {
            throw new IllegalArgumentException("N at R☉ = " + s.rSunKpc() + " kpc, p = " + pRef + " GeV is " + nRef
                    + "; the γ-ray emissivity cannot be normalised to the local proton flux");
        }
        return s.localFlux().intensityPerCm2SrSGeV() / nRef;
    }

    /** The unit of q_γ per H atom as FITS writes it; "per H atom" goes in the QPER keyword (H would be the henry). */
    static final String EMISSIVITY_UNIT = "s-1 GeV-1";

    /**
     * gamma_emissivity_plane.fits: q_γ(E_γ, x, y) per H atom on the plane z = 0 of a 3D density, J_p normalised to
     * the local flux at the Sun, (x, y, z) = (−R☉, 0, 0) (N interpolated linearly in x); the summary.json block.
     */
    public static Map<String, Object> writePlane3D(CartesianGrid3D g, MomentumGrid momenta, double[][] density,
                                                   GammaSettings s, Path outDir) throws IOException {
        double[] p = momenta.values();
        double scale = scale3D(g, p, density, s);
        int base = g.index(0, 0, Cartesian3DAnalysis.centreZ(g));
        double[][] q = emissivity(p, density, g.nX() * g.nY(), m -> base + m, scale, s);
        double[] eGamma = s.photonEnergiesGeV();
        List<MapFits.Plane> planes = new ArrayList<>();
        for (int e = 0; e < eGamma.length; e++) {
            planes.add(new MapFits.Plane(String.format(Locale.ROOT, "q_gamma(E=%.4g GeV)", eGamma[e]),
                    EMISSIVITY_UNIT, q[e]));
        }
        MapFits.write(outDir.resolve("gamma_emissivity_plane.fits"), PlaneAxes.plane(g), planes, header(s));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", "gamma_emissivity_plane.fits");
        m.put("photon_energies_GeV", eGamma);
        m.put("flux_scale", scale);
        return m;
    }

    /**
     * q_γ[e][node] per H atom [s⁻¹ GeV⁻¹] at every node of a 3D grid (node = {@link CartesianGrid3D#index}), at the
     * photon energies {@code eGammaGeV}, with J_p normalised to the local flux at (−R☉, 0, 0) as on the plane of
     * {@link #writePlane3D}: the 3D model's emissivity for its sky maps. Memory: nodes × energies doubles.
     */
    public static double[][] emissivity3D(CartesianGrid3D g, MomentumGrid momenta, double[][] density,
                                          GammaSettings s, double[] eGammaGeV) {
        double[] p = momenta.values();
        return emissivity(p, density, g.size(), idx -> idx, scale3D(g, p, density, s), s, eGammaGeV.clone());
    }

    /** K with K N(p(T_ref), x = −R☉, y = 0, z = 0) = J_local(T_ref), N linear in x between the nodes. */
    private static double scale3D(CartesianGrid3D g, double[] p, double[][] density, GammaSettings s) {
        double x = -s.rSunKpc();
        if (x <= g.xKpc(0)) {
            throw new IllegalArgumentException("R☉ = " + s.rSunKpc() + " kpc, where J_p is normalised to the local"
                    + " proton flux, lies outside the grid (|x| < " + g.rMaxKpc() + " kpc)");
        }
        return scaleAtSun(p, Cartesian3DAnalysis.spectrumOnXAxis(g, density, x), s);
    }

    /** The FITS cards every emissivity file carries: per H atom, energies, cross sections, the local flux. */
    private static Map<String, Object> header(GammaSettings s) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("QPER", "hydrogen atom"); // the emissivity is per target H atom; "H" in a unit string is the henry
        double[] eGamma = s.photonEnergiesGeV();
        for (int e = 0; e < eGamma.length; e++) {
            header.put("EGAM" + (e + 1), eGamma[e]);
        }
        header.put("XSECTION", "Kafexhiu+2014 PRD 90 123014, " + s.model());
        header.put(
                "NUCL_ENH",
                String.format(
                        Locale.ROOT,
                        "K14 eq24 eps_c=%g eps1=%g eps2=%g",
                        s.enhancement().epsC(),
                        s.enhancement().eps1(),
                        s.enhancement().eps2()));
        header.put("JREF_T", s.localFlux().kineticEnergyGeV());
        header.put("JREF", s.localFlux().intensityPerM2SrSGeV());
        header.put("JREF_U", "m-2 sr-1 s-1 GeV-1 at R_sun, z=0");
        header.put("R_SUN", s.rSunKpc());
        header.put("GFITMIN", s.fitMinGeV());
        header.put("GFITMAX", s.fitMaxGeV());
        return header;
    }

    /** Computes and writes gamma_emissivity.fits, gamma_index.csv and gamma_index.png into outDir. */
    public static Result writeAll(
            SpatialGrid grid, MomentumGrid momenta, double[][] density, GammaSettings s, Path outDir)
            throws IOException {
        Result res = compute(grid, momenta, density, s);
        List<MapFits.Plane> planes = new ArrayList<>();
        for (int e = 0; e < res.photonEnergiesGeV().length; e++) {
            planes.add(new MapFits.Plane(String.format(Locale.ROOT, "q_gamma(E=%.4g GeV)", res.photonEnergiesGeV()[e]),
                    EMISSIVITY_UNIT,
                    res.emissivity()[e]));
        }
        Map<String, Object> header = header(s);
        MapFits.write(outDir.resolve("gamma_emissivity.fits"), grid, planes, header);
        CsvColumns.write(
                outDir.resolve("gamma_index.csv"), new String[] {"R_kpc", "gamma_index"}, res.rKpc(), res.gammaIndex());
        LinePlot.write(
                outDir.resolve("gamma_index.png"),
                "π⁰-decay γ-ray index on the plane (fit " + ModelAnalysis.momentumLabel(s.fitMinGeV()) + "–"
                        + ModelAnalysis.momentumLabel(s.fitMaxGeV()) + " GeV, K14 " + s.model() + ")",
                "R [kpc]",
                "Γ_γ = −d ln q_γ/d ln E_γ",
                List.of(new LinePlot.Series("Γ_γ(R)", res.rKpc(), res.gammaIndex())),
                false);
        return res;
    }
}
