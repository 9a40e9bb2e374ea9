package org.anisocr.config;

import java.util.Arrays;

/** [output]: what to write beside N.fits, and the optional rescaling of the solution. An immutable value: the
 *  momenta are copied in and out.
 *
 * @param dragon2 also write dragon2.fits: the protons in DRAGON2's 2D format, for HERMES (docs/hermes.md)
 */
public record OutputSettings(
        double[] csvMomentaGeV, double normaliseAtSunTo, double normaliseMomentumGeV, double rSunKpc,
        boolean dragon2) {

    public OutputSettings {
        csvMomentaGeV = csvMomentaGeV.clone();
    }

    @Override
    public double[] csvMomentaGeV() {
        return csvMomentaGeV.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputSettings s && Arrays.equals(s.csvMomentaGeV, csvMomentaGeV)
                && Double.compare(s.normaliseAtSunTo, normaliseAtSunTo) == 0
                && Double.compare(s.normaliseMomentumGeV, normaliseMomentumGeV) == 0
                && Double.compare(s.rSunKpc, rSunKpc) == 0 && s.dragon2 == dragon2;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(csvMomentaGeV) + Double.hashCode(normaliseAtSunTo) + 7 * Double.hashCode(rSunKpc)
                + Boolean.hashCode(dragon2);
    }

    @Override
    public String toString() {
        return "OutputSettings[csvMomentaGeV=" + Arrays.toString(csvMomentaGeV)
                + ", normaliseAtSunTo=" + normaliseAtSunTo + ", normaliseMomentumGeV=" + normaliseMomentumGeV
                + ", rSunKpc=" + rSunKpc + ", dragon2=" + dragon2 + "]";
    }

    static OutputSettings read(TableReader t) {
        double[] p = t.optDoubleArray("csv_momenta_GeV", new double[]{10, 100, 1000}, 1e-9, 1e12);
        double norm = t.optDouble("normalise_N_at_sun", 0, 0, Double.MAX_VALUE);
        double pRef = t.optDouble("normalise_p_GeV", 10, 1e-9, 1e12);
        double rSun = t.optDouble("r_sun_kpc", 8.3, 0, 1e4);
        boolean dragon2 = t.optBoolean("dragon2", false);
        t.rejectUnknown();
        return new OutputSettings(p, norm, pRef, rSun, dragon2);
    }
}
