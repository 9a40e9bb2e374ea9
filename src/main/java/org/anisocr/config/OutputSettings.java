package org.anisocr.config;

/** [output]: what to write beside N.fits, and the optional rescaling of the solution. */
public record OutputSettings(double[] csvMomentaGeV, double normaliseAtSunTo, double normaliseMomentumGeV, double rSunKpc) {

    static OutputSettings read(TableReader t) {
        double[] p = t.optDoubleArray("csv_momenta_GeV", new double[]{10, 100, 1000}, 1e-9, 1e12);
        double norm = t.optDouble("normalise_N_at_sun", 0, 0, Double.MAX_VALUE);
        double pRef = t.optDouble("normalise_p_GeV", 10, 1e-9, 1e12);
        double rSun = t.optDouble("r_sun_kpc", 8.3, 0, 1e4);
        t.rejectUnknown();
        return new OutputSettings(p, norm, pRef, rSun);
    }
}
