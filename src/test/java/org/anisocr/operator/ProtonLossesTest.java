package org.anisocr.operator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proton loss rates against independent numbers. */
class ProtonLossesTest {

    /**
     * Minimum ionisation: the PDG's stopping power of hydrogen gas, 4.103 MeV cm²/g (PDG, "Atomic and nuclear
     * properties of materials", H2 gas), times ρ = m_H n_H and v gives the rate for n_H = 1 cm⁻³; the helium
     * (n_He = 0.11 n_H, two electrons, I = 44 eV) adds 2·0.11·B_He/B_H ≈ 0.2 of it (B_He/B_H ≈ 0.93 at βγ = 3.5).
     * Agreement within 5 %.
     */
    @Test void ionisationAtItsMinimumMatchesThePdgStoppingPowerOfHydrogen() {
        double p = 3.5 * ProtonLosses.MP_GEV; // βγ = 3.5, near the minimum
        double beta = ProtonLosses.beta(p);
        double hydrogenOnly = 4.103e-3 * 1.6735575e-24 * ProtonLosses.C_CM_PER_S * beta; // GeV/s
        double withHelium = hydrogenOnly * (1 + 2 * 0.11 * 0.93);
        assertEquals(1, ProtonLosses.ionisationGeVPerS(p, 1) / withHelium, 0.05);
    }

    /** Pion production: nothing below threshold; above, close to κ σ_inel c n T with κ σ_inel ≈ 0.5·30 mb at 10 GeV. */
    @Test void pionLossHasAThresholdAndTheInelasticScale() {
        assertEquals(0, ProtonLosses.pionGeVPerS(0.7, 1)); // T = 0.24 GeV < 0.28 GeV
        double p = 10;
        double t = Math.hypot(p, ProtonLosses.MP_GEV) - ProtonLosses.MP_GEV;
        double estimate = 0.5 * 30e-27 * ProtonLosses.C_CM_PER_S * t;
        double ratio = ProtonLosses.pionGeVPerS(p, 1) / estimate;
        assertTrue(ratio > 0.3 && ratio < 1.5, "ratio " + ratio);
    }

    /** Coulomb losses scale with n_e (up to the slow ln Λ) and vanish without free electrons. */
    @Test void coulombScalesWithTheElectronDensity() {
        assertEquals(0, ProtonLosses.coulombGeVPerS(1, 0, 1e4));
        double one = ProtonLosses.coulombGeVPerS(1, 1, 1e4);
        double ten = ProtonLosses.coulombGeVPerS(1, 10, 1e4);
        assertTrue(ten / one > 9 && ten / one < 10, "ratio " + ten / one);
        EnergyLosses all = new EnergyLosses(true, true, true, 1e4);
        double sum = ProtonLosses.ionisationGeVPerS(1, 1) + one + ProtonLosses.pionGeVPerS(1, 1);
        assertEquals(sum / ProtonLosses.beta(1) * ProtonLosses.S_PER_MYR,
                ProtonLosses.momentumLossGeVPerMyr(all, 1, 1, 1, 1), 1e-12 * sum * ProtonLosses.S_PER_MYR);
    }
}
