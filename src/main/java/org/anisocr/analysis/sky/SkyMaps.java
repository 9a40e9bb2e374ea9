package org.anisocr.analysis.sky;

import org.anisocr.analysis.SpectralIndexFit;
import org.anisocr.analysis.gamma.GammaProducts;
import org.anisocr.analysis.gamma.GammaSettings;
import org.anisocr.config.ConfigException;
import org.anisocr.config.SkySettings;
import org.anisocr.gas.GasModel;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.sky.HealpixRing;
import org.anisocr.sky.SkyDirection;

import java.util.function.Consumer;

/**
 * The γ-ray sky of one solved model: ε_e = q_γ(E_e) n_H on the model's grid once per energy, (R, z) nodes for a 2D
 * model ({@link AxisymmetricEmissivity}), (x, y, z) nodes for a 3D one ({@link CartesianEmissivity}) (q_γ of
 * {@link GammaProducts}, J_p normalised to the local proton flux at R☉; n_H = n_HI + 2 n_H2 + n_HII of the model's
 * gas), then {@link LineOfSight} through every HEALPix pixel centre and, optionally, every plate carrée pixel
 * centre.
 */
public final class SkyMaps {
    private SkyMaps() {}

    /**
     * A plate carrée map: nLon × nLat pixel centres, ℓ from 180° − step/2 down to −180° + step/2 (as FITS shows
     * it, ℓ growing leftwards), b from −90° to 90°. The arrays are shared, not copied: written once.
     */
    public record Car(int nLon, int nLat, double stepDeg, float[][] intensity, float[] index) {
        /** The resolution of the CAR maps that go with a HEALPix nside: 64°/nside (0.5° at 128, 0.125° at 512). */
        public static double stepFor(int nside) { return 64.0 / nside; }

        public double longitudeDeg(int ix) { return ((nLon - 1) / 2.0 - ix) * stepDeg; }

        public double latitudeDeg(int iy) { return (iy - (nLat - 1) / 2.0) * stepDeg; }
    }

    /**
     * The maps and what made them. The arrays are shared, not copied: maps of millions of pixels, written once.
     *
     * @param energiesGeV     the photon energies of the intensity maps
     * @param healpixIntensity I[e][pixel], RING order, cm⁻² s⁻¹ sr⁻¹ MeV⁻¹
     * @param healpixIndex    Γ per pixel over the fit window
     * @param car             the CAR maps, or null
     * @param rSunKpc         the observer's R☉ (also where J_p is normalised)
     * @param seconds         wall time of the integration (all maps)
     */
    public record Result(SkySettings settings, HealpixRing ring, double[] energiesGeV, float[][] healpixIntensity,
                         float[] healpixIndex, Car car, double rSunKpc, double seconds) {}

    /** The photon energies the settings ask for: their list, or the emissivity's own. */
    public static double[] energies(SkySettings s) {
        double[] e = s.energiesGeV();
        return e.length > 0 ? e : GammaSettings.DEFAULT.photonEnergiesGeV();
    }

    /** What {@link #compute} would refuse, checked before any work: a ConfigException naming the [sky] key. */
    public static void check(SkySettings s, SpatialGrid grid, double rSunKpc) {
        if (grid.geometry() != Geometry.CYLINDRICAL) {
            throw new ConfigException("sky maps need an axisymmetric model ([grid] geometry = \"cylindrical\"), not "
                    + grid.geometry().key() + ": a slab has no line of sight");
        }
        checkObserver(s, rSunKpc, grid.rMaxKpc(), grid.halfHeightKpc());
    }

    /** {@link #check} for a 3D model on its Cartesian grid. */
    public static void check(SkySettings s, CartesianGrid3D grid, double rSunKpc) {
        checkObserver(s, rSunKpc, grid.rMaxKpc(), grid.halfHeightKpc());
    }

    private static void checkObserver(SkySettings s, double rSunKpc, double rMaxKpc, double halfHeightKpc) {
        double[] e = energies(s);
        try {
            SpectralIndexFit.window(e, s.fitMinGeV(), s.fitMaxGeV());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("sky.fit_min_GeV = " + s.fitMinGeV() + ", sky.fit_max_GeV = " + s.fitMaxGeV()
                    + ": the window must hold at least 2 of the map energies (" + e.length + " from " + e[0]
                    + " to " + e[e.length - 1] + " GeV)");
        }
        if (!(rSunKpc < rMaxKpc)) {
            throw new ConfigException("the observer's R☉ = " + rSunKpc + " kpc ([analysis] r_sun_kpc) lies outside"
                    + " the model (R_max = " + rMaxKpc + " kpc)");
        }
        if (!(Math.abs(s.zSunKpc()) < halfHeightKpc)) {
            throw new ConfigException("sky.z_sun_kpc = " + s.zSunKpc() + " lies outside the model (|z| < "
                    + halfHeightKpc + " kpc)");
        }
    }

    /** The emissivity's settings: the defaults, with J_p normalised at the observer's R☉. */
    private static GammaSettings gammaSettings(double rSunKpc) {
        GammaSettings d = GammaSettings.DEFAULT;
        return new GammaSettings(d.eMinGeV(), d.eMaxGeV(), d.energiesPerDecade(), d.fitMinGeV(), d.fitMaxGeV(),
                d.model(), d.enhancement(), d.protonNodesPerDecade(), d.localFlux(), rSunKpc);
    }

    /** ε_e(R, z) = q_γ n_H [photons cm⁻³ s⁻¹ GeV⁻¹] on the grid, as the field the rays cross. */
    public static AxisymmetricEmissivity emissivityField(SpatialGrid grid, MomentumGrid momenta, double[][] density,
                                                         GasModel gas, double[] energiesGeV, double rSunKpc) {
        double[][] q = GammaProducts.emissivity(grid, momenta, density, gammaSettings(rSunKpc), energiesGeV);
        double[] nH = new double[grid.size()];
        for (int j = 0; j < grid.nZ(); j++) {
            for (int i = 0; i < grid.nR(); i++) {
                nH[grid.index(i, j)] = gas.hydrogenAtomsPerCm3(grid.r(i), grid.z(j));
            }
        }
        for (double[] qe : q) {
            for (int n = 0; n < nH.length; n++) {
                qe[n] *= nH[n];
            }
        }
        return new AxisymmetricEmissivity(grid, q);
    }

    /**
     * ε_e(x, y, z) = q_γ n_H(√(x² + y²), z) on a 3D model's nodes: q_γ from the node's own spectrum (one pass per
     * node over all energies, {@link GammaProducts#emissivity3D}), the gas axisymmetric as in 2D.
     */
    public static CartesianEmissivity emissivityField(CartesianGrid3D grid, MomentumGrid momenta,
                                                      double[][] density, GasModel gas, double[] energiesGeV,
                                                      double rSunKpc) {
        double[][] q = GammaProducts.emissivity3D(grid, momenta, density, gammaSettings(rSunKpc), energiesGeV);
        double[] nH = new double[grid.size()];
        for (int k = 0; k < grid.nZ(); k++) {
            for (int j = 0; j < grid.nY(); j++) {
                for (int i = 0; i < grid.nX(); i++) {
                    nH[grid.index(i, j, k)] = gas.hydrogenAtomsPerCm3(Math.hypot(grid.xKpc(i), grid.yKpc(j)),
                            grid.zKpc(k));
                }
            }
        }
        for (double[] qe : q) {
            for (int n = 0; n < nH.length; n++) {
                qe[n] *= nH[n];
            }
        }
        return new CartesianEmissivity(grid, q);
    }

    /** The maps of a 3D model: {@link #compute} with its Cartesian field. */
    public static Result compute(CartesianGrid3D grid, MomentumGrid momenta, double[][] density, GasModel gas,
                                 SkySettings s, double rSunKpc, int threads, Consumer<String> progress) {
        check(s, grid, rSunKpc);
        double[] energies = energies(s);
        long start = System.nanoTime();
        CartesianEmissivity field = emissivityField(grid, momenta, density, gas, energies, rSunKpc);
        return render(field, s, energies, rSunKpc, threads, progress, start);
    }

    /** Bytes {@link #compute} holds for a 3D model besides the density: q_γ, then the field's copy of q_γ n_H. */
    public static long fieldBytes3D(CartesianGrid3D grid, SkySettings s) {
        return 2L * grid.size() * energies(s).length * Double.BYTES;
    }

    public static Result compute(SpatialGrid grid, MomentumGrid momenta, double[][] density, GasModel gas,
                                 SkySettings s, double rSunKpc, int threads, Consumer<String> progress) {
        check(s, grid, rSunKpc);
        double[] energies = energies(s);
        long start = System.nanoTime();
        AxisymmetricEmissivity field = emissivityField(grid, momenta, density, gas, energies, rSunKpc);
        return render(field, s, energies, rSunKpc, threads, progress, start);
    }

    /** The maps of any field (a 2D model's, a 3D model's, a test's closed form). */
    public static Result render(EmissivityField field, SkySettings s, double[] energies, double rSunKpc, int threads,
                                Consumer<String> progress, long startNanos) {
        LineOfSight los = new LineOfSight(field, LineOfSight.Settings.of(rSunKpc, s.zSunKpc()));
        int[] window = SpectralIndexFit.window(energies, s.fitMinGeV(), s.fitMaxGeV());
        HealpixRing ring = new HealpixRing(s.nside());
        int npix = (int) ring.pixelCount();
        SkyRenderer.Maps hpx = SkyRenderer.render(los, npix, k -> {
            SkyDirection d = ring.centre(k);
            return new SkyRenderer.Direction(d.longitudeRad(), Math.PI / 2 - d.colatitudeRad());
        }, energies, window, threads, "HEALPix nside " + s.nside(), progress);
        Car car = null;
        if (s.car()) {
            double step = Car.stepFor(s.nside());
            int nLon = (int) Math.round(360 / step);
            int nLat = (int) Math.round(180 / step) + 1;
            Car shape = new Car(nLon, nLat, step, null, null);
            SkyRenderer.Maps m = SkyRenderer.render(los, nLon * nLat, k -> new SkyRenderer.Direction(
                    Math.toRadians(shape.longitudeDeg(k % nLon)), Math.toRadians(shape.latitudeDeg(k / nLon))),
                    energies, window, threads, "CAR " + step + "°", progress);
            car = new Car(nLon, nLat, step, m.intensity(), m.index());
        }
        return new Result(s, ring, energies, hpx.intensity(), hpx.index(), car, rSunKpc,
                (System.nanoTime() - startNanos) * 1e-9);
    }
}
