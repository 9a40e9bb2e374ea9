package org.anisocr.gas;

/**
 * Axisymmetric interstellar hydrogen: number densities in cm⁻³ at Galactocentric radius {@code rKpc} and height
 * {@code zKpc} (both kpc). Every implementation returns finite values ≥ 0 for every (R ≥ 0, z).
 */
public interface GasModel {
    /** Atomic hydrogen n_HI, atoms per cm³. */
    double hiPerCm3(double rKpc, double zKpc);

    /** Molecular hydrogen n_H2, molecules per cm³ (each holds two H atoms). */
    double h2MoleculesPerCm3(double rKpc, double zKpc);

    /** Ionised hydrogen n_HII, protons (= free electrons of the model) per cm³. */
    double hiiPerCm3(double rKpc, double zKpc);

    /** Hydrogen nuclei per cm³, n_HI + 2 n_H2 + n_HII: what the π⁰ emissivity per H atom multiplies. */
    default double hydrogenAtomsPerCm3(double rKpc, double zKpc) {
        return hiPerCm3(rKpc, zKpc) + 2 * h2MoleculesPerCm3(rKpc, zKpc) + hiiPerCm3(rKpc, zKpc);
    }

    /**
     * GALPROP's default axisymmetric gas (nH.cc of GALPROP v54–56: nHI, nH2 with X_CO = 1.9e20, nHII model 1),
     * see {@link AnalyticGas#galprop()}.
     */
    static GasModel galpropDefault() {
        return AnalyticGas.galprop();
    }
}
