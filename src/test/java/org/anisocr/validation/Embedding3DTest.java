package org.anisocr.validation;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.validation.ValidationSuite.TestReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 3D against 2D for an axisymmetric model (on a reduced domain: the full-size row takes ~50 s with the CG baseline
 * and runs in `anisocr validate`), mirror symmetries of the 3D solution, and the JF12 field checks.
 */
class Embedding3DTest {

    @Test
    void axisymmetric3dAgreesWith2dAndConvergesAtSecondOrder() {
        // R_max = 12 kpc, H = 2 kpc at 0.5 and 0.25 kpc: measured max difference 1.45e-2 and 3.90e-3 (order 1.89)
        List<AxisymmetricEmbedding3D.Result> r = AxisymmetricEmbedding3D.convergence(List.of(
                new AxisymmetricEmbedding3D.Size(12, 2, 0.5), new AxisymmetricEmbedding3D.Size(12, 2, 0.25)));
        r.forEach(System.out::println);
        AxisymmetricEmbedding3D.Result fine = r.get(1);
        assertTrue(fine.maxRel() <= Acceptance.AXISYM_MAX_AT_QUARTER_KPC, fine.toString());
        assertTrue(fine.orderMax() >= Acceptance.AXISYM_ORDER_MIN, fine.toString());
        assertTrue(fine.relAtSun() <= Acceptance.AXISYM_SUN_AT_QUARTER_KPC, fine.toString());
        assertTrue(fine.azimuthalSpread() < r.get(0).azimuthalSpread() / 3, "the 3D solution becomes axisymmetric");
    }

    @Test
    void ringAverageIsExactForQuadraticsAndFourthOrder() {
        // cubic interpolation: R² = x² + y² exactly; a Gaussian in R with an error that falls like h⁴
        double[] gaussianError = new double[2];
        double[] spacings = {0.5, 0.25};
        for (int s = 0; s < 2; s++) {
            double h = spacings[s];
            int n = (int) Math.rint(2 * 4 / h) + 1;
            CartesianGrid3D g = new CartesianGrid3D(4, 1, n, n, 3, false);
            double[] quadratic = Steady3DRuns.sample(g, (x, y, z) -> x * x + y * y, false);
            assertEquals(2.3 * 2.3, AxisymmetricEmbedding3D.ringAverage(g, quadratic, 2.3, 1)[0], 1e-12);
            double[] gaussian = Steady3DRuns.sample(g, (x, y, z) -> Math.exp(-(x * x + y * y) / 2), false);
            gaussianError[s] = Math.abs(AxisymmetricEmbedding3D.ringAverage(g, gaussian, 1.3, 1)[0]
                    - Math.exp(-1.3 * 1.3 / 2));
        }
        double order = Math.log(gaussianError[0] / gaussianError[1]) / Math.log(2);
        System.out.printf("ring average of exp(−R²/2) at R = 1.3: errors %.2e, %.2e, order %.2f%n",
                gaussianError[0], gaussianError[1], order);
        assertTrue(order > 3.5, "order " + order);
    }

    @Test
    void mirrorSymmetriesHoldToRoundOffAndTheFullJf12FieldHasNone() {
        List<Mirror3DChecks.Check> checks = Mirror3DChecks.run(20, 4, 1);
        checks.forEach(System.out::println);
        for (var c : checks) {
            if (c.symmetry()) {
                assertTrue(c.measure().value() <= Acceptance.MIRROR_3D, c.toString());
            } else {
                // the check sees an asymmetry where there is one: JF12's disk and X-field flip with opposite signs
                assertTrue(c.measure().value() > 1e-2, c.toString());
            }
        }
        assertEquals(4, checks.stream().filter(Mirror3DChecks.Check::symmetry).count());
        assertTrue(ValidationSuite.mirror3d().passed());
    }

    @Test
    void jf12FieldRowPasses() {
        TestReport r = ValidationSuite.jf12Field();
        r.criteria().forEach(System.out::println);
        assertTrue(r.passed(), r.criteria().toString());
        // Table 1's rounded b_j: Σ b_j ln(r_j/r_(j−1)) / Σ |b_j| ln(r_j/r_(j−1)), by hand −0.0109/2.39
        assertEquals(-0.00477, Jf12FieldChecks.netFluxFromTable(), 1e-4);
        assertFalse(Math.abs(Jf12FieldChecks.netFluxThroughRing()) < 1e-6, "the rounding of b_8 is visible");
    }
}
