package org.anisocr.validation;

import org.anisocr.Slow;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.TransportProblem;
import org.anisocr.validation.GreenFunctionValidation.Case;
import org.anisocr.validation.GreenFunctionValidation.GridResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** G1–G3 (slab) and G1-cyl against exact solutions (docs/physics.md §5). */
class GreenFunctionValidationTest {

    /** Refinement 51² → 101² → 201², fixed Δ = 0.2 kpc, dt ∝ h² (0.001 Myr on 101²), t = 0.25, 0.5, 1 Myr. */
    @Slow
    @ParameterizedTest @EnumSource(value = Case.class, names = {"G1", "G2", "G3", "G1_CYL"})
    void secondOrderAgainstExactSolution(Case c) {
        List<GridResult> r = GreenFunctionValidation.convergence(c, ValidationSuite.G_GRIDS, ValidationSuite.G_DT_ON_51,
                ValidationSuite.G_WIDTH_KPC, ValidationSuite.G_TIMES, 2);
        r.forEach(g -> System.out.println(c.key + " " + g));
        assertTrue(r.get(1).worst().l2Rel() <= Acceptance.gL2At101(c), c.key + " 101²: " + r.get(1).worst());
        assertTrue(r.get(2).worst().l2Rel() <= Acceptance.gL2At201(c), c.key + " 201²: " + r.get(2).worst());
        for (double o : r.get(1).orderL2()) {
            assertTrue(o >= Acceptance.gOrderCoarse(c), c.key + " order 51→101 " + o);
        }
        for (double o : r.get(2).orderL2()) {
            assertTrue(o >= Acceptance.gOrderFine(c), c.key + " order 101→201 " + o);
        }
        for (GridResult g : r) {
            assertTrue(g.times().get(0).massDrift() <= Acceptance.G_MASS_DRIFT, "mass drift " + g.times().get(0));
            for (var t : g.times()) {
                assertTrue(t.boundaryLevel() < 1e-4, "walls matter at " + t);
            }
        }
    }

    /** The paper's own set-up: 101², Δ = min(dR, dz), dt = 0.001 Myr. Coarse (Δ is one cell) but bounded. */
    @ParameterizedTest @EnumSource(value = Case.class, names = {"G1", "G2", "G3", "G1_CYL"})
    void paperSetupErrors(Case c) {
        GridResult g = GreenFunctionValidation.run(c, 101, 0.001, 0, ValidationSuite.G_TIMES, 2);
        System.out.println(c.key + " paper set-up " + g);
        assertTrue(g.worst().l2Rel() <= Acceptance.gPaperL2At101(c), c.key + " " + g.worst());
    }

    @Test void exactSolutionsStartFromThePulse() {
        for (Case c : List.of(Case.G2, Case.G1_CYL)) {
            TransportProblem p = GreenFunctionValidation.problem(c, 51, 0);
            SpatialGrid g = p.grid();
            double[] ex = GreenFunctionValidation.exact(c, g, p.tensor(), 1, g.dR(), 0);
            double[] init = p.initialDensity()[0];
            for (int idx = 0; idx < ex.length; idx++) {
                int i = idx % g.nR();
                int j = idx / g.nR();
                if (!g.isDirichlet(i, j)) {
                    assertEquals(ex[idx], init[idx], 1e-12 * ex[idx] + 1e-300);
                }
            }
        }
    }

    /** The ring-kernel solution conserves ∫ 2πR f dR and tends to the 2D Gaussian far from the axis. */
    @Test void ringKernelConservesMassAndMatchesSlabFarFromAxis() {
        double d = 0.002;
        double t = 1;
        double w = 0.05;
        double rs = 2;
        double m0 = 0;
        double m1 = 0;
        double h = 1e-3;
        for (int i = 0; i <= 4000; i++) {
            double r = i * h;
            double wt = (i == 0 || i == 4000 ? 0.5 : 1) * h * 2 * Math.PI * r;
            m0 += wt * GreenFunctionValidation.radialRing(r, rs, w, d, 0);
            m1 += wt * GreenFunctionValidation.radialRing(r, rs, w, d, t);
        }
        assertEquals(m0, m1, 1e-9 * m0);
        // far from the axis the ring ≈ 1D Gaussian of variance w²/2 + 2Dt, times (Rs/R)^(1/2) to leading order
        double s2 = w * w + 4 * d * t;
        double slab = 1 / Math.sqrt(Math.PI * s2);
        assertEquals(slab, GreenFunctionValidation.radialRing(rs, rs, w, d, t), 2e-3 * slab);
    }

    /**
     * G3 in cylindrical geometry is not the slab Gaussian: the ring density carries a factor ≈ (R_s/R)^(1/2), so in
     * the plane metric the pulse centroid moves inward by ≈ σ²/(2R_s), σ² = Δ²/2 + 2 D_RR t (the "shift" the paper
     * notes for G3). Measured against that estimate, for the faster bin (p = 10 GeV, D_RR = (D∥ + D⊥)/2).
     */
    @Test void cylindricalG3IsShiftedAgainstSlabGaussian() {
        double width = 0.2;
        double t = 1.0;
        GridResult g = GreenFunctionValidation.run(Case.G3_CYL_VS_SLAB, 51, 0.004, width, new double[]{t}, 2);
        var r = g.times().get(0);
        System.out.println("G3 cylindrical vs slab " + r);
        var tensor = Case.G3.tensor();
        double dRR = 0.5 * (tensor.parallel(10) + tensor.perpendicular(10));
        double expected = -(width * width / 2 + 2 * dRR * t) / (2 * GreenFunctionValidation.SOURCE_R_KPC);
        assertEquals(expected, r.centroidShift(), 0.1 * Math.abs(expected), r.toString());
        assertTrue(r.l2Rel() > 0.03, "the slab Gaussian should not fit the cylindrical pulse: " + r);
    }
}
