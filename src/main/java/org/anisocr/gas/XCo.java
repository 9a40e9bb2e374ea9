package org.anisocr.gas;

/**
 * The CO-to-H2 conversion factor X_CO(R) = N(H2) / W(CO), in cm⁻² (K km s⁻¹)⁻¹, that turns the CO emissivity of
 * {@link MolecularHydrogen} into molecules.
 */
public sealed interface XCo permits XCo.Constant, XCo.StrongEtAl2004 {
    /** X_CO at radius {@code rKpc}, cm⁻² (K km s⁻¹)⁻¹. */
    double cm2PerKKmS(double rKpc);

    /** GALPROP's default: X_CO = 1.9e20 cm⁻² (K km s⁻¹)⁻¹, Strong &amp; Mattox 1996 (A&amp;A 308, L21). */
    static XCo strongMattox1996() {
        return new Constant(1.9e20);
    }

    /** The same X_CO at every radius. */
    record Constant(double valueCm2PerKKmS) implements XCo {
        public Constant {
            if (!(valueCm2PerKKmS > 0) || !Double.isFinite(valueCm2PerKKmS)) {
                throw new IllegalArgumentException("X_CO must be finite and > 0, got " + valueCm2PerKKmS);
            }
        }

        @Override
        public double cm2PerKKmS(double rKpc) {
            return valueCm2PerKKmS;
        }
    }

    /**
     * The radial gradient of Strong et al. 2004 (A&amp;A 422, L47, from the γ-ray rings of EGRET), as GALPROP's
     * {@code n_X_CO = 9} tabulates it: X_CO / 1e20 = 0.4 for R ≤ 3.5 kpc, 0.6 to 5.5, 0.8 to 7.5, 1.5 to 9.5 and 10
     * beyond (steps at the ring edges).
     */
    record StrongEtAl2004() implements XCo {
        /** Upper ring edges (kpc); the value of ring i holds for R ≤ edge i. */
        private static final double[] EDGES_KPC = {3.5, 5.5, 7.5, 9.5};
        /** X_CO per ring, cm⁻² (K km s⁻¹)⁻¹; one more than the edges (the outermost ring). */
        private static final double[] VALUES = {0.4e20, 0.6e20, 0.8e20, 1.5e20, 10.0e20};

        @Override
        public double cm2PerKKmS(double rKpc) {
            for (int i = 0; i < EDGES_KPC.length; i++) {
                if (rKpc <= EDGES_KPC[i]) {
                    return VALUES[i];
                }
            }
            return VALUES[VALUES.length - 1];
        }
    }
}
