package org.anisocr.gas;

/**
 * A gas model built of the three analytic components.
 *
 * @param hi  atomic hydrogen
 * @param h2  molecular hydrogen with its X_CO
 * @param hii ionised hydrogen
 */
public record AnalyticGas(AtomicHydrogen hi, MolecularHydrogen h2, IonizedHydrogen hii) implements GasModel {
    public AnalyticGas {
        if (hi == null || h2 == null || hii == null) {
            throw new IllegalArgumentException("a gas model needs HI, H2 and HII components");
        }
    }

    /**
     * GALPROP's default axisymmetric gas (nH.cc of v54–56 with nHI_model = nH2_model = nHII_model = 1): Gordon
     * &amp; Burton 1976 HI, the B88 + F07 + W90 H2 table with X_CO = 1.9e20, Cordes et al. 1991 HII.
     */
    public static AnalyticGas galprop() {
        return galprop(XCo.strongMattox1996());
    }

    /** {@link #galprop()} with another X_CO (e.g. {@link XCo.StrongEtAl2004}). */
    public static AnalyticGas galprop(XCo xCo) {
        return new AnalyticGas(AtomicHydrogen.gordonBurton1976(), MolecularHydrogen.galprop(xCo),
                IonizedHydrogen.cordes1991());
    }

    @Override
    public double hiPerCm3(double rKpc, double zKpc) {
        return hi.densityPerCm3(rKpc, zKpc);
    }

    @Override
    public double h2MoleculesPerCm3(double rKpc, double zKpc) {
        return h2.densityPerCm3(rKpc, zKpc);
    }

    @Override
    public double hiiPerCm3(double rKpc, double zKpc) {
        return hii.densityPerCm3(rKpc, zKpc);
    }
}
