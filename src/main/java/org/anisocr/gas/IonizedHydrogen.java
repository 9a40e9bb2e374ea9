package org.anisocr.gas;

/**
 * Ionised hydrogen after Cordes et al. 1991 (Nature 354, 121, equation 6 and Table 1), GALPROP's {@code nHII_model
 * = 1}: a thick disk and a Gaussian annulus of free electrons, read as n_HII = n_e,
 * n(R, z) = n1 e^(−|z|/h1) e^(−(R/a1)²) + n2 e^(−|z|/h2) e^(−((R − r2)/a2)²),
 * with n1 = 0.025 cm⁻³, h1 = 1 kpc, a1 = 20 kpc, n2 = 0.2 cm⁻³, h2 = 0.15 kpc, r2 = 4 kpc, a2 = 2 kpc.
 *
 * @param thickPerCm3         n1 (cm⁻³)
 * @param thickHeightKpc      h1 (kpc)
 * @param thickRadialKpc      a1 (kpc)
 * @param annulusPerCm3       n2 (cm⁻³)
 * @param annulusHeightKpc    h2 (kpc)
 * @param annulusRadiusKpc    r2 (kpc)
 * @param annulusWidthKpc     a2 (kpc)
 */
public record IonizedHydrogen(double thickPerCm3, double thickHeightKpc, double thickRadialKpc,
                              double annulusPerCm3, double annulusHeightKpc, double annulusRadiusKpc,
                              double annulusWidthKpc) {
    public IonizedHydrogen {
        if (thickPerCm3 < 0 || annulusPerCm3 < 0 || !(thickHeightKpc > 0) || !(thickRadialKpc > 0)
                || !(annulusHeightKpc > 0) || !(annulusWidthKpc > 0)) {
            throw new IllegalArgumentException("HII model needs densities >= 0 and scales > 0");
        }
    }

    /** Cordes et al. 1991, Table 1 (GALPROP nH.cc, nHII model 1). */
    public static IonizedHydrogen cordes1991() {
        return new IonizedHydrogen(0.025, 1.00, 20.0, 0.200, 0.15, 4.0, 2.0);
    }

    /** n_HII (cm⁻³). */
    public double densityPerCm3(double rKpc, double zKpc) {
        double az = Math.abs(zKpc);
        double u1 = rKpc / thickRadialKpc;
        double u2 = (rKpc - annulusRadiusKpc) / annulusWidthKpc;
        return thickPerCm3 * Math.exp(-az / thickHeightKpc) * Math.exp(-u1 * u1)
                + annulusPerCm3 * Math.exp(-az / annulusHeightKpc) * Math.exp(-u2 * u2);
    }
}
