package org.anisocr.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FK06 spiral arms as a density: the ring average, where the arms lie, the erf it uses. */
class SpiralArmSourceTest {
    private final SpiralArmSource fk06 = SpiralArmSource.fk06(2.2);

    /** Mean of the arm factor over a ring (midpoint rule, which is spectrally accurate for a periodic integrand). */
    private double ringMean(double rKpc) {
        int n = 20_000;
        double sum = 0;
        for (int q = 0; q < n; q++) {
            double phi = 2 * Math.PI * (q + 0.5) / n;
            sum += fk06.armFactor(rKpc * Math.cos(phi), rKpc * Math.sin(phi));
        }
        return sum / n;
    }

    @Test void theArmsMoveTheSourceInAzimuthButKeepTheRadialProfile() {
        // exact up to the erf approximation (absolute 1.5e-7 per term, divided by W where the shift is small)
        for (double r : new double[] {0.3, 2, 5, 8.5, 12, 19.5}) {
            assertEquals(1.0, ringMean(r), 2e-5, "ring average at R = " + r);
        }
        assertEquals(1.0, fk06.armFactor(0, 0));
        // the radial profile of Yusifov & Küçük 2004 is 1 at R☉
        assertEquals(1.0, fk06.radial(8.5), 1e-15);
    }

    @Test void nearTheSunTheArmsAreWhereFk06PutThem() {
        // Along the Sun's direction (φ = π), the Carina–Sagittarius arm lies inside the solar circle (θ(R) = π/2 + 2π
        // at R = 3.48 e^((π/2 + 2π − 4.71)/4.25) ≈ 7.3 kpc) and Perseus outside (≈ 10.6 kpc): the factor peaks there.
        double sagittarius = 3.48 * Math.exp((Math.PI / 2 + 2 * Math.PI - 4.71) / 4.25);
        double perseus = 4.90 * Math.exp((Math.PI / 2 + 2 * Math.PI - 4.09) / 4.89);
        assertEquals(7.3, sagittarius, 0.05);
        assertEquals(10.6, perseus, 0.05);
        double between = fk06.armFactor(-9.0, 0);
        assertTrue(fk06.armFactor(-sagittarius, 0) > 2 * between, "Sagittarius arm brighter than the interarm");
        assertTrue(fk06.armFactor(-perseus, 0) > 2 * between, "Perseus arm brighter than the interarm");
    }

    @Test void theNormalCdfIsAccurateToTheQuotedBound() {
        // Φ(1), Φ(−2), Φ(0.5) from the exact erf (Abramowitz & Stegun Table 7.1)
        assertEquals(0.8413447460685429, SpiralArmSource.normalCdf(1), 2e-7);
        assertEquals(0.0227501319481792, SpiralArmSource.normalCdf(-2), 2e-7);
        assertEquals(0.6914624612740131, SpiralArmSource.normalCdf(0.5), 2e-7);
        assertEquals(0.5, SpiralArmSource.normalCdf(0), 1e-9);
    }

    @Test void theShapeIsSeparableAndThinInZ() {
        double inPlane = fk06.spatial(-8.0, 1.0, 0);
        assertEquals(inPlane * Math.exp(-0.1 / 0.05), fk06.spatial(-8.0, 1.0, -0.1), 1e-15 * inPlane);
        assertEquals(Math.pow(10, -2.2), fk06.spectrum(10), 1e-15);
    }
}
