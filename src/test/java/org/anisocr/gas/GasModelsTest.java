package org.anisocr.gas;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic gas against the numbers of its sources: values at reference points worked by hand from the
 * published tables, the tables against checksums and against each other, continuity across every node and blend
 * edge, positivity, and masses and columns against the literature.
 */
class GasModelsTest {
    private static final double KPC = MolecularHydrogen.KPC_IN_CM;
    private static final double M_H_G = 1.6735575e-24;
    private static final double M_SUN_G = 1.98847e33;
    private static final double R_SUN_KPC = 8.5;
    private static final AnalyticGas GAS = AnalyticGas.galprop();

    @Test
    void hiAtReferencePoints() {
        double dlMidplane = 0.395 + 0.107 + 0.064;
        // (8.5, 0): Y halfway between the 8.25 (0.36) and 8.75 (0.32) ring centres; a quarter of the DL90 -> CKM86
        // blend (8 to 10 kpc), whose mid-plane values are 0.566 and 0.57
        double f = dlMidplane + (0.57 - dlMidplane) * 0.25;
        assertEquals(f * 0.34 / 0.33, GAS.hiPerCm3(8.5, 0), 1e-12);
        assertEquals(0.5842, GAS.hiPerCm3(8.5, 0), 1e-4);
        // a ring centre inside 8 kpc: Y / n_GB times the DL90 mid-plane
        assertEquals(0.33 / 0.33 * dlMidplane, GAS.hiPerCm3(5.25, 0), 1e-12);
        assertEquals(0.10 / 0.33 * dlMidplane, GAS.hiPerCm3(0.3, 0), 1e-12);
        // beyond the last ring centre (15.75 kpc): the 3 kpc exponential tail on CKM86
        assertEquals(0.06 * Math.exp(-(20 - 15.75) / 3) / 0.33 * 0.57, GAS.hiPerCm3(20, 0), 1e-12);
        double h = 0.0523 * Math.exp(0.11 * 12.25);
        assertEquals(0.36 / 0.33 * 0.57 * Math.exp(-Math.pow(0.5 / h, 2)), GAS.hiPerCm3(12.25, 0.5), 1e-12);
    }

    @Test
    void h2AtReferencePoints() {
        double x = 1.9e20;
        // B88 node 5.25 kpc: emissivity 9.6, z0 = -0.001 kpc
        assertEquals(9.6 * x / KPC, GAS.h2MoleculesPerCm3(5.25, -0.001), 1e-12);
        // half a width above the mid-plane: half the peak
        assertEquals(0.5 * 9.6 * x / KPC, GAS.h2MoleculesPerCm3(5.25, -0.001 + 0.082), 1e-12);
        // (8.5, 0): halfway between the 8.25 and 8.75 nodes
        double z0 = (-0.004 + 0.013) / 2;
        double zh = (0.080 + 0.066) / 2;
        double expected = (5.0 + 3.6) / 2 * Math.exp(-Math.log(2) * Math.pow(z0 / zh, 2)) * x / KPC;
        assertEquals(expected, GAS.h2MoleculesPerCm3(8.5, 0), 1e-12);
        assertEquals(0.2641, GAS.h2MoleculesPerCm3(8.5, 0), 1e-4);
        assertEquals(43.7 * x / KPC, GAS.h2MoleculesPerCm3(0, 0), 1e-12);
        assertEquals(0, GAS.h2MoleculesPerCm3(21.01, 0));
        AnalyticGas gradient = AnalyticGas.galprop(new XCo.StrongEtAl2004());
        assertEquals(1.5 / 1.9, gradient.h2MoleculesPerCm3(8.5, 0) / GAS.h2MoleculesPerCm3(8.5, 0), 1e-12);
    }

    @Test
    void hiiAtReferencePoints() {
        assertEquals(0.025 + 0.2 * Math.exp(-4), GAS.hiiPerCm3(0, 0), 1e-15);
        assertEquals(0.025 * Math.exp(-0.04) + 0.2, GAS.hiiPerCm3(4, 0), 1e-15);
        assertEquals(0.025 * Math.exp(-0.5) * Math.exp(-0.01) + 0.2 * Math.exp(-0.5 / 0.15) * Math.exp(-1),
                GAS.hiiPerCm3(2, -0.5), 1e-15);
        assertEquals(GAS.hiiPerCm3(7, 0.3), GAS.hiiPerCm3(7, -0.3));
    }

    @Test
    void totalHydrogenCountsTwoAtomsPerMolecule() {
        double r = 5.0;
        double z = 0.02;
        assertEquals(GAS.hiPerCm3(r, z) + 2 * GAS.h2MoleculesPerCm3(r, z) + GAS.hiiPerCm3(r, z),
                GAS.hydrogenAtomsPerCm3(r, z), 1e-15);
        assertEquals(GAS, GasModel.galpropDefault());
    }

    /** Checksums typed from the sources, so that a mistyped entry fails; and the two H2 tables must agree. */
    @Test
    void tablesAreTranscribedAsPublished() {
        assertEquals(30, AtomicHydrogen.GB76_RING_EDGES_KPC.length);
        assertEquals(30, AtomicHydrogen.GB76_DENSITY_PER_CM3.length);
        assertEquals(7.25, Arrays.stream(AtomicHydrogen.GB76_DENSITY_PER_CM3).sum(), 1e-12);
        assertEquals(18, MolecularHydrogen.B88_R_KPC.length);
        assertEquals(100.7, Arrays.stream(MolecularHydrogen.B88_CO).sum(), 1e-9);
        assertEquals(44, MolecularHydrogen.GALPROP_R_KPC.length);
        assertEquals(193.677, Arrays.stream(MolecularHydrogen.GALPROP_CO).sum(), 1e-9);
        for (double[] t : List.of(MolecularHydrogen.GALPROP_CO, MolecularHydrogen.GALPROP_Z0_KPC,
                MolecularHydrogen.GALPROP_ZH_KPC, MolecularHydrogen.B88_CO, MolecularHydrogen.B88_Z0_KPC)) {
            assertTrue(t.length == 44 || t.length == 18);
        }
        increasing(AtomicHydrogen.GB76_RING_EDGES_KPC);
        increasing(MolecularHydrogen.B88_R_KPC);
        increasing(MolecularHydrogen.GALPROP_R_KPC);
        // GALPROP's current table repeats B88 at 2.25-9.75 kpc (its nodes 16-31 are B88's 1-16)
        for (int k = 1; k <= 16; k++) {
            int g = k + 15;
            assertEquals(MolecularHydrogen.B88_R_KPC[k], MolecularHydrogen.GALPROP_R_KPC[g], "R " + k);
            assertEquals(MolecularHydrogen.B88_CO[k], MolecularHydrogen.GALPROP_CO[g], "CO " + k);
            assertEquals(MolecularHydrogen.B88_Z0_KPC[k], MolecularHydrogen.GALPROP_Z0_KPC[g], "z0 " + k);
            assertEquals(MolecularHydrogen.B88_ZH_KPC[k], MolecularHydrogen.GALPROP_ZH_KPC[g], "zh " + k);
        }
    }

    private static void increasing(double[] r) {
        for (int i = 1; i < r.length; i++) {
            assertTrue(r[i] > r[i - 1], "node " + i + " of " + Arrays.toString(r));
        }
    }

    @Test
    void interpolationIsExactAtTheNodes() {
        MolecularHydrogen h2 = MolecularHydrogen.galprop();
        for (int k = 0; k < MolecularHydrogen.GALPROP_R_KPC.length; k++) {
            double r = MolecularHydrogen.GALPROP_R_KPC[k];
            double z0 = MolecularHydrogen.GALPROP_Z0_KPC[k];
            assertEquals(MolecularHydrogen.GALPROP_CO[k] * 1.9e20 / KPC, h2.densityPerCm3(r, z0), 1e-14, "R " + r);
        }
        AtomicHydrogen hi = AtomicHydrogen.gordonBurton1976();
        for (int k = 0; k < 13; k++) {
            double centre = 0.5 * (AtomicHydrogen.GB76_RING_EDGES_KPC[k] + AtomicHydrogen.GB76_RING_EDGES_KPC[k + 1]);
            assertEquals(AtomicHydrogen.GB76_DENSITY_PER_CM3[k] / 0.33 * 0.566, hi.densityPerCm3(centre, 0), 1e-12);
        }
    }

    /** No jumps: the two one-sided limits agree at every table node and blend edge (H2 ends at 21 kpc by design). */
    @Test
    void continuousAcrossNodesAndBlends() {
        List<Double> kinks = new ArrayList<>(List.of(8.0, 10.0, 15.75, 1.0));
        Arrays.stream(MolecularHydrogen.GALPROP_R_KPC).filter(r -> r > 0 && r < 21).forEach(kinks::add);
        Arrays.stream(AtomicHydrogen.GB76_RING_EDGES_KPC).filter(r -> r > 0).forEach(kinks::add);
        double eps = 1e-10;
        for (double r : kinks) {
            for (double z : new double[] {0, 0.05, -0.2, 0.7, 2.0}) {
                assertEquals(GAS.hiPerCm3(r - eps, z), GAS.hiPerCm3(r + eps, z), 1e-8, "HI at " + r + ", " + z);
                assertEquals(GAS.h2MoleculesPerCm3(r - eps, z), GAS.h2MoleculesPerCm3(r + eps, z), 1e-7,
                        "H2 at " + r + ", " + z);
                assertEquals(GAS.hiiPerCm3(r - eps, z), GAS.hiiPerCm3(r + eps, z), 1e-10, "HII at " + r);
            }
        }
    }

    @Test
    void finiteAndNonNegativeEverywhere() {
        for (XCo x : List.of(XCo.strongMattox1996(), new XCo.StrongEtAl2004())) {
            AnalyticGas g = AnalyticGas.galprop(x);
            for (double r = 0; r <= 40; r += 0.037) {
                for (double z = -6; z <= 6; z += 0.029) {
                    double[] n = {g.hiPerCm3(r, z), g.h2MoleculesPerCm3(r, z), g.hiiPerCm3(r, z)};
                    for (double v : n) {
                        assertTrue(Double.isFinite(v) && v >= 0, "n = " + v + " at " + r + ", " + z);
                    }
                }
            }
        }
        MolecularHydrogen b88 = MolecularHydrogen.bronfman1988();
        assertEquals(0, b88.densityPerCm3(10.3, 0));
        assertTrue(b88.densityPerCm3(5, 0) > 0);
    }

    /**
     * DL90's vertical profile integrates to their mean HI column 6.2e20 cm⁻² at 4-8 kpc (how GALPROP normalises
     * HI, nH.cc), and the model's area-averaged column over 4-8 kpc keeps it within 3 %.
     */
    @Test
    void hiColumnMatchesDickeyLockman() {
        AtomicHydrogen.DickeyLockman1990 dl = AtomicHydrogen.DickeyLockman1990.published();
        double gauss = Math.sqrt(Math.PI / Math.log(2)) / 2;
        double closed = (0.395 * 0.212 * gauss + 0.107 * 0.530 * gauss + 0.064 * 2 * 0.403) * KPC;
        assertEquals(6.2e20, closed, 0.002 * 6.2e20);
        assertEquals(closed, columnCm2(dl::densityPerCm3, 8), 1e-6 * closed);
        double sum = 0;
        double area = 0;
        for (double r = 4.025; r < 8; r += 0.05) {
            double rr = r;
            sum += r * columnCm2(z -> GAS.hiPerCm3(rr, z), 5);
            area += r;
        }
        assertEquals(6.2e20, sum / area, 0.03 * 6.2e20);
    }

    /**
     * H2 inside the solar circle: of order 1e9 M☉ (Heyer &amp; Dame 2015, ARA&amp;A 53, 583: about 1e9 M☉ of
     * H2 in the Galaxy, most of it inside the solar circle, at X_CO ≈ 2e20); this model gives 7.4e8, checked within
     * a factor 2. HI within 16 kpc: a few 1e9 M☉ (Kalberla &amp; Kerp 2009, ARA&amp;A 47, 27, give about 8e9 M☉
     * out to 40 kpc; GB76 stops at 16 kpc); this model gives 2.9e9, checked in 1.5e9-6e9. Hydrogen only, no helium.
     */
    @Test
    void massesAgreeWithTheLiterature() {
        double h2 = 2 * massSun((r, z) -> GAS.h2MoleculesPerCm3(r, z), R_SUN_KPC, 1.0, 0.005, 0.002);
        assertTrue(h2 > 5e8 && h2 < 2e9, "H2 mass inside R_sun " + h2);
        assertEquals(7.41e8, h2, 0.01 * 7.41e8);
        double hi = massSun((r, z) -> GAS.hiPerCm3(r, z), 16, 4.0, 0.01, 0.004);
        assertTrue(hi > 1.5e9 && hi < 6e9, "HI mass inside 16 kpc " + hi);
    }

    /**
     * The HII column above the Sun, ∫0^∞ n_e dz, is the pulsar dispersion measure DM sin|b| that Cordes et al.
     * fitted: n1 h1 e^(−(R/a1)²) + n2 h2 e^(−((R−r2)/a2)²) = 21 pc cm⁻³ at 8.5 kpc, within the observed 15-35
     * (Gaensler et al. 2008, PASA 25, 184: 25.6 pc cm⁻³).
     */
    @Test
    void hiiDispersionMeasureAboveTheSun() {
        double closed = 1000 * (0.025 * 1.0 * Math.exp(-Math.pow(R_SUN_KPC / 20, 2))
                + 0.2 * 0.15 * Math.exp(-Math.pow((R_SUN_KPC - 4) / 2, 2)));
        double dm = 0;
        double dz = 0.0005;
        for (double z = dz / 2; z < 25; z += dz) {
            dm += GAS.hiiPerCm3(R_SUN_KPC, z) * dz * 1000;
        }
        assertEquals(closed, dm, 1e-4 * closed);
        assertTrue(dm > 15 && dm < 35, "DM_perp " + dm);
    }

    @Test
    void rejectsBrokenTables() {
        assertThrows(IllegalArgumentException.class, () -> new RadialTable(new double[] {0, 2, 1},
                new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new RadialTable(new double[] {0, 1},
                new double[] {1}));
        RadialTable ok = new RadialTable(new double[] {0, 1, 2}, new double[] {1, 2, 3});
        RadialTable other = new RadialTable(new double[] {0, 1.5, 2}, new double[] {0.1, 0.1, 0.1});
        assertThrows(IllegalArgumentException.class, () -> new MolecularHydrogen(ok, other, other,
                XCo.strongMattox1996()));
        assertThrows(IllegalArgumentException.class, () -> new XCo.Constant(-1));
        assertEquals(2.5, ok.at(1.5), 1e-15);
        assertEquals(3, ok.at(7), 1e-15);
        assertEquals(1, ok.at(-1), 1e-15);
    }

    @Test
    void strongEtAl2004Steps() {
        XCo x = new XCo.StrongEtAl2004();
        assertEquals(0.4e20, x.cm2PerKKmS(1));
        assertEquals(0.6e20, x.cm2PerKKmS(4));
        assertEquals(0.8e20, x.cm2PerKKmS(7.5));
        assertEquals(1.5e20, x.cm2PerKKmS(8.5));
        assertEquals(10e20, x.cm2PerKKmS(12));
    }

    private interface Profile {
        double at(double z);
    }

    private interface Density {
        double at(double r, double z);
    }

    private static double columnCm2(Profile p, double zMaxKpc) {
        double dz = 0.0005;
        double s = 0;
        for (double z = -zMaxKpc + dz / 2; z < zMaxKpc; z += dz) {
            s += p.at(z) * dz;
        }
        return s * KPC;
    }

    /** Mass in M☉ of one H atom per unit of n, inside rMax and |z| &lt; zMax (midpoint rule). */
    private static double massSun(Density n, double rMaxKpc, double zMaxKpc, double dr, double dz) {
        double s = 0;
        for (double r = dr / 2; r < rMaxKpc; r += dr) {
            for (double z = -zMaxKpc + dz / 2; z < zMaxKpc; z += dz) {
                s += 2 * Math.PI * r * dr * dz * n.at(r, z);
            }
        }
        return s * KPC * KPC * KPC * M_H_G / M_SUN_G;
    }
}
