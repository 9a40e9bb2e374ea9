package org.anisocr.validation;

import org.anisocr.field.RealisticField;
import org.anisocr.gas.AnalyticGas;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wind and the energy losses against closed forms, and the particle balance (docs/validation.md). */
class TransportTermsValidationTest {

    /** Upwind advection is first order in Δz: the error halves with Δz (measured 0.0282, 0.0144, 0.0073). */
    @Test void slabWithWindConvergesToItsClosedFormAtFirstOrderInSpace() {
        double coarse = TransportTermsValidation.slab(41, 17, 1.0).maxRelError();
        double fine = TransportTermsValidation.slab(81, 17, 1.0).maxRelError();
        assertTrue(fine < 0.01, "error " + fine);
        double order = TransportTermsValidation.order(coarse, fine, 2);
        assertEquals(1.0, order, 0.1);
    }

    /** The adiabatic loss at the plane (α = 2.2) is first order in Δ ln p (measured 0.101, 0.055, 0.028). */
    @Test void slabAdiabaticLossConvergesAtFirstOrderInMomentum() {
        double coarse = TransportTermsValidation.slab(161, 17, 2.2).maxRelError();
        double fine = TransportTermsValidation.slab(161, 33, 2.2).maxRelError();
        assertTrue(fine < 0.06, "error " + fine);
        assertEquals(1.0, TransportTermsValidation.order(coarse, fine, 2), 0.2);
    }

    /** Losses alone against ∂_p(ṗ N) = Q (measured 0.287, 0.135, 0.065 for 21, 41, 81 bins over 1–100 GeV). */
    @Test void lossesAloneConvergeToTheContinuitySolutionAtFirstOrder() {
        double coarse = TransportTermsValidation.lossesOnly(41, AnalyticGas.galprop()).maxRelError();
        double fine = TransportTermsValidation.lossesOnly(81, AnalyticGas.galprop()).maxRelError();
        assertTrue(fine < 0.08, "error " + fine);
        assertEquals(1.0, TransportTermsValidation.order(coarse, fine, 2), 0.15);
    }

    /** Injected = out by diffusion + out by the wind + through p_min, to round-off (measured 1.1e-14). */
    @Test void particlesAreConservedWithWindAndLosses() {
        TransportTermsValidation.Balance b = TransportTermsValidation.balance(AnalyticGas.galprop(),
                RealisticField.standard());
        assertTrue(Math.abs(b.relativeImbalance()) < 1e-10, "imbalance " + b.relativeImbalance());
        assertTrue(b.advectiveOut() > 0.1 * b.injected() && b.pMinOut() > 0.1 * b.injected(),
                "every channel carries particles: " + b);
    }
}
