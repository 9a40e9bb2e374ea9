package org.anisocr.analysis.gamma;

import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.Dragon2Fits;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A model's protons as DRAGON2 writes a 2D run, for HERMES's {@code Dragon2D} reader and other DRAGON2 tools
 * (layout: {@link Dragon2Fits}; docs/hermes.md). Three steps from anisocr's N(p, R, z):
 * <ol>
 * <li><b>Energy grid.</b> Kinetic energy per nucleon (protons: A = 1) T(p) = √(p² + m_p²) − m_p, log-uniform from
 * T(p_min) to T(p_max). Since d ln T/d ln p = (E + m_p)/E lies in (1, 2], a T step no larger than the p step needs
 * dimE = ⌈ln(T_max/T_min)/Δln p⌉ + 1 energies; Ekin_fac = (T_max/T_min)^(1/(dimE − 1)), so the grid spans exactly
 * the momenta solved and no bin is extrapolated.</li>
 * <li><b>Resampling.</b> N at p(T_k) = √(T_k (T_k + 2 m_p)) by a power law between the two neighbouring momentum
 * bins (ln N linear in ln p, {@link SpectrumInterpolation}, as the γ-ray emissivity uses): exact for a power law,
 * off by at most (Δln p)²/8 · |d² ln N/d (ln p)²| in ln N otherwise.</li>
 * <li><b>Units.</b> DRAGON's convention: the value is c/(4π) dN/dT with dN/dT = (dN/dp)/β (dp/dT = 1/β), in
 * GeV⁻¹ m⁻² s⁻¹ sr⁻¹. anisocr's J_p(T) = c N_phys(p)/4π = K N(p) with K fixed by the local AMS-02 flux exactly as
 * the γ-ray products fix it ({@link GammaProducts#scale}), so the value is 10⁴ K N(p)/β (K is per cm²).</li>
 * </ol>
 */
public final class Dragon2Protons {
    private Dragon2Protons() {}

    /** The file name beside a run's other outputs. */
    public static final String FILE_NAME = "dragon2.fits";

    private static final double M_P = PionDecayCrossSection.M_P;
    private static final double CM2_PER_M2 = 1e4;

    /** The log-uniform kinetic-energy grid spanning the momentum grid (step 1 of the class comment). */
    public static Dragon2Fits.EnergyAxis energyAxis(MomentumGrid m) {
        if (m.count() < 2) {
            throw new IllegalArgumentException("the DRAGON2 export needs at least 2 momentum bins, the run has "
                    + m.count());
        }
        double tMin = kineticGeV(m.pMinGeV());
        double tMax = kineticGeV(m.pMaxGeV());
        double span = Math.log(tMax / tMin);
        double pStep = Math.log(m.pMaxGeV() / m.pMinGeV()) / (m.count() - 1);
        int count = (int) Math.ceil(span / pStep - 1e-9) + 1;
        return new Dragon2Fits.EnergyAxis(headerExact(tMin), headerExact(Math.exp(span / (count - 1))), count);
    }

    /**
     * v to 15 significant digits: a FITS card holds 16 at most, so a value with more would reach the reader
     * rounded, and the energies it computes would differ from those N was resampled at.
     */
    private static double headerExact(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.15g", v));
    }

    /** T = √(p² + m²) − m, written so that it keeps its digits for p ≪ m. */
    static double kineticGeV(double pGeV) {
        return pGeV * pGeV / (Math.sqrt(pGeV * pGeV + M_P * M_P) + M_P);
    }

    /** p = √(T (T + 2m)). */
    static double momentumGeV(double tGeV) {
        return Math.sqrt(tGeV * (tGeV + 2 * M_P));
    }

    /**
     * c/(4π) dN/dE_k [GeV⁻¹ m⁻² s⁻¹ sr⁻¹] at the nodes, [z][R][E] as the file stores it.
     *
     * @param s where J_p is normalised (its local flux and R☉), as for the γ-ray products
     */
    public static float[][][] values(SpatialGrid grid, MomentumGrid m, double[][] density, Dragon2Fits.EnergyAxis e,
                                     GammaSettings s) {
        requireCylindrical(grid);
        double[] p = m.values();
        double scalePerM2 = CM2_PER_M2 * GammaProducts.scale(grid, p, density, s);
        double[] pAt = new double[e.count()];
        double[] factor = new double[e.count()];
        for (int k = 0; k < e.count(); k++) {
            // the reader's E_k, mapped back to p and kept inside the solved range against round-off at either end
            double pk = Math.min(m.pMaxGeV(), Math.max(m.pMinGeV(), momentumGeV(e.ekGeV(k))));
            double beta = pk / Math.sqrt(pk * pk + M_P * M_P);
            pAt[k] = pk;
            factor[k] = scalePerM2 / beta;
        }
        SpectrumInterpolation interp = new SpectrumInterpolation(p, pAt);
        float[][][] out = new float[grid.nZ()][grid.nR()][e.count()];
        double[] n = new double[p.length];
        for (int j = 0; j < grid.nZ(); j++) {
            for (int i = 0; i < grid.nR(); i++) {
                int node = grid.index(i, j);
                for (int k = 0; k < p.length; k++) {
                    n[k] = density[k][node];
                }
                double[] at = interp.apply(n);
                for (int k = 0; k < at.length; k++) {
                    out[j][i][k] = (float) (at[k] * factor[k]);
                }
            }
        }
        return out;
    }

    /** The whole file (protons, Z = 1, A = 1) as bytes, ready for an atomic write. */
    public static byte[] fileBytes(SpatialGrid grid, MomentumGrid m, double[][] density, GammaSettings s)
            throws IOException {
        Dragon2Fits.EnergyAxis e = energyAxis(m);
        float[][][] v = values(grid, m, density, e, s);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("ROBS", s.rSunKpc()); // DRAGON2's observer keys: here, where J_p is normalised
        provenance.put("ZOBS", 0.0);
        provenance.put("JREF_T", s.localFlux().kineticEnergyGeV());
        provenance.put("JREF", s.localFlux().intensityPerM2SrSGeV());
        provenance.put("JREF_U", "m-2 sr-1 s-1 GeV-1 at ROBS, ZOBS");
        provenance.put("INTERP", "ln N linear in ln p between momentum bins");
        return Dragon2Fits.bytes(grid, e, provenance, new Dragon2Fits.Species(1, 1, v));
    }

    /** Refuses what the format cannot hold, with the reason. */
    public static void requireCylindrical(SpatialGrid grid) {
        if (grid.geometry() != Geometry.CYLINDRICAL) {
            throw new IllegalArgumentException("the DRAGON2 format holds the R ≥ 0 half-plane of an axisymmetric "
                    + "(cylindrical) model; this run's grid is " + grid.geometry().key() + " (x, z), which HERMES "
                    + "would read as R, z");
        }
    }
}
