package org.anisocr.analysis.gamma;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.Dragon2Fits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dragon2.fits read back with HERMES's formulas ({@link HermesDragon2DRead}) gives N back: on a synthetic separable
 * density N(p, R, z) = f(p) g(R, z) whose values are known everywhere, not only at the momentum bins.
 */
class Dragon2ProtonsTest {
    private final SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 41, 17);
    private final MomentumGrid momenta = new MomentumGrid(1, 1e4, 33);
    private static final double M_P = 0.938272;

    private static double g(double r, double z) { return (1 + r) * Math.exp(-Math.abs(z)); }

    private double[][] separable(DoubleUnaryOperator f) {
        double[] p = momenta.values();
        double[][] n = new double[p.length][grid.size()];
        for (int k = 0; k < p.length; k++) {
            for (int j = 0; j < grid.nZ(); j++) {
                for (int i = 0; i < grid.nR(); i++) {
                    n[k][grid.index(i, j)] = f.applyAsDouble(p[k]) * g(grid.r(i), grid.z(j));
                }
            }
        }
        return n;
    }

    /** max over species nodes of |ln(N read back / N exact)|, N read back = β c n_T/(4π) / (10⁴ K). */
    private static double maxLogError(HermesDragon2DRead read, double kPerCm2, DoubleUnaryOperator f) {
        double worst = 0;
        for (int iz = 0; iz < read.dimz; iz++) {
            for (int ir = 0; ir < read.dimr; ir++) {
                for (int iE = 0; iE < read.dimE; iE++) {
                    double t = read.ekGeV[iE];
                    double p = Math.sqrt(t * (t + 2 * M_P));
                    double beta = p / (t + M_P);
                    double nBack = beta * HermesDragon2DRead.C_M_PER_S * read.densityPerGeVM3(1, 1, iE, ir, iz)
                            / (4 * Math.PI) / (1e4 * kPerCm2);
                    double nExact = f.applyAsDouble(p) * g(read.r(ir), read.z(iz));
                    worst = Math.max(worst, Math.abs(Math.log(nBack / nExact)));
                }
            }
        }
        return worst;
    }

    @Test void aPowerLawComesBackAtEveryNodeInAbsoluteUnits() throws Exception {
        DoubleUnaryOperator f = p -> Math.pow(p, -2.7);
        byte[] file = Dragon2Protons.fileBytes(grid, momenta, separable(f), GammaSettings.DEFAULT);
        HermesDragon2DRead read = HermesDragon2DRead.read(file);
        // K from the AMS-02 value alone: N(p(103 GeV), 8.3 kpc, 0) = p_ref^−2.7 · 9.3 (N linear in R: the
        // normalisation's interpolation between 8 and 8.5 kpc is exact)
        LocalProtonFlux ams = LocalProtonFlux.AMS02_2015;
        double t = ams.kineticEnergyGeV();
        double pRef = Math.sqrt(t * (t + 2 * M_P));
        double k = ams.intensityPerCm2SrSGeV() / (Math.pow(pRef, -2.7) * 9.3);
        double err = maxLogError(read, k, f);
        System.out.printf("dragon2 read-back, power law: max |ln(N_back/N)| = %.3e over %d nodes%n", err,
                read.dimE * read.dimr * read.dimz);
        assertTrue(err < 2e-7, "float32 rounding only (2^-24 = 6e-8 per value): " + err);
        assertEquals(List.of("1,1"), List.copyOf(read.species.keySet()));
        assertEquals(List.of(), read.notImages);
        assertEquals(2, read.hduCount);
    }

    @Test void theHeaderHoldsTheGridExactlyAndTheLayoutDragon2Writes() throws Exception {
        byte[] file = Dragon2Protons.fileBytes(grid, momenta, separable(p -> Math.pow(p, -2.7)),
                GammaSettings.DEFAULT);
        Dragon2Fits.EnergyAxis e = Dragon2Protons.energyAxis(momenta);
        try (Fits fits = new Fits(new ByteArrayInputStream(file))) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(2, hdus.length);
            Header h = hdus[0].getHeader();
            assertEquals(0, h.getIntValue("NAXIS"));
            assertEquals(0.0, h.getDoubleValue("RMIN"));
            assertEquals(20.0, h.getDoubleValue("RMAX"));
            assertEquals(-4.0, h.getDoubleValue("ZMIN"));
            assertEquals(4.0, h.getDoubleValue("ZMAX"));
            for (String key : new String[] {"DIMR", "DIMZ", "DIME"}) {
                assertEquals(Integer.class, h.findCard(key).valueType(), key + " is an integer key");
            }
            assertEquals(41, h.getIntValue("DIMR"));
            assertEquals(17, h.getIntValue("DIMZ"));
            // T(1 GeV/c) = 0.43299 GeV to T(10⁴ GeV/c) = 9999.06 GeV: ln ratio 10.047 over steps ≤ ln(10)/8 → 36
            assertEquals(36, h.getIntValue("DIME"));
            assertEquals(e.ekMinGeV(), h.getDoubleValue("EKMIN"), 0.0, "EKMIN written to the last bit");
            assertEquals(e.ekinFactor(), h.getDoubleValue("EKIN_FAC"), 0.0, "EKIN_FAC written to the last bit");
            assertEquals(Math.sqrt(1 + M_P * M_P) - M_P, e.ekGeV(0), 1e-14);
            assertEquals(Math.sqrt(1e8 + M_P * M_P) - M_P, e.ekGeV(35), 1e-9);
            assertTrue(Math.log(e.ekinFactor()) <= Math.log(10) / 8, "E step no coarser than the p step");
            assertTrue(hdus[1] instanceof ImageHDU);
            Header s = hdus[1].getHeader();
            assertEquals("IMAGE", s.getStringValue("XTENSION"));
            assertEquals(-32, s.getIntValue("BITPIX"));
            assertEquals(3, s.getIntValue("NAXIS"));
            assertEquals(36, s.getIntValue("NAXIS1"), "axis 1 = E");
            assertEquals(41, s.getIntValue("NAXIS2"), "axis 2 = R");
            assertEquals(17, s.getIntValue("NAXIS3"), "axis 3 = z");
            HeaderCard z = s.findCard("Z_");
            HeaderCard a = s.findCard("A");
            assertEquals(Integer.class, z.valueType());
            assertEquals(Integer.class, a.valueType());
            assertEquals(1, s.getIntValue("Z_"));
            assertEquals(1, s.getIntValue("A"));
            assertEquals("GeV-1 m-2 s-1 sr-1", s.getStringValue("BUNIT"));
            assertTrue(h.getStringValue("CREATOR").startsWith("anisocr "));
        }
    }

    /**
     * A log-parabola ln N = −2.7 ln p − c (ln p)², curvature −2c: the resampling (ln N linear in ln p) is off by at
     * most (Δln p)²/8 · 2c, here c (ln 10/8)²/4 = 1.04e-3 for c = 0.05.
     */
    @Test void aCurvedSpectrumStaysWithinTheStatedInterpolationBound() throws Exception {
        double c = 0.05;
        DoubleUnaryOperator f = p -> Math.exp(-2.7 * Math.log(p) - c * Math.log(p) * Math.log(p));
        double[][] n = separable(f);
        byte[] file = Dragon2Protons.fileBytes(grid, momenta, n, GammaSettings.DEFAULT);
        HermesDragon2DRead read = HermesDragon2DRead.read(file);
        double step = Math.log(10) / 8;
        double bound = step * step / 8 * 2 * c;
        double err = maxLogError(read, GammaProducts.scale(grid, momenta.values(), n, GammaSettings.DEFAULT), f);
        System.out.printf("dragon2 read-back, log-parabola c = %.2f: max |ln(N_back/N)| = %.3e, bound %.3e%n", c, err,
                bound);
        assertTrue(err <= bound + 2e-7, err + " > " + bound);
        assertTrue(err > 0.3 * bound, "the bound is nearly reached between bins: " + err);
    }

    @Test void aCartesianGridIsRefusedWithTheReason() {
        SpatialGrid slab = new SpatialGrid(Geometry.CARTESIAN, 20, 4, 41, 17);
        double[][] n = new double[momenta.count()][slab.size()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dragon2Protons.fileBytes(slab, momenta, n, GammaSettings.DEFAULT));
        assertTrue(e.getMessage().contains("cylindrical") && e.getMessage().contains("cartesian"), e.getMessage());
    }

    @Test void theEnergyAxisSpansTheMomentaWithoutACoarserStep() {
        for (MomentumGrid m : new MomentumGrid[] {new MomentumGrid(0.1, 10, 9), new MomentumGrid(1, 1e4, 33),
            new MomentumGrid(10, 1e6, 41), new MomentumGrid(1, 2, 2)}) {
            Dragon2Fits.EnergyAxis e = Dragon2Protons.energyAxis(m);
            assertEquals(Dragon2Protons.kineticGeV(m.pMinGeV()), e.ekGeV(0), 1e-14 * e.ekGeV(0), m.toString());
            double last = e.ekGeV(e.count() - 1);
            assertEquals(Dragon2Protons.kineticGeV(m.pMaxGeV()), last, 1e-12 * last, m.toString());
            assertTrue(Math.log(e.ekinFactor()) <= Math.log(m.pMaxGeV() / m.pMinGeV()) / (m.count() - 1) + 1e-12);
            // one bin fewer would need a coarser step: dimE is the smallest that keeps the p step
            double coarser = Math.log(last / e.ekGeV(0)) / (e.count() - 2);
            assertTrue(e.count() == 2 || coarser > Math.log(m.pMaxGeV() / m.pMinGeV()) / (m.count() - 1));
        }
    }
}
