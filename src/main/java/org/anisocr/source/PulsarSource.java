package org.anisocr.source;

import org.anisocr.operator.Source;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.FieldDirection;

/**
 * Pulsar-like source distribution (paper eq. 2.2) with a power-law injection spectrum:
 * S = (R/R☉)^a exp(−b (R − R☉)/R☉) exp(−|z|/z0) (p/p0)^(−αinj). Normalisation is arbitrary (rescaled on output).
 * In 3D the same formula is evaluated at R = √(x² + y²): the distribution is axisymmetric.
 */
public record PulsarSource(double a, double b, double rSunKpc, double z0Kpc, double alphaInj, double p0GeV)
        implements Source, Source3D {
    public static final String MODEL = "pulsar";

    public double spatial(double rKpc, double zKpc) {
        return Math.pow(rKpc / rSunKpc, a)
                * Math.exp(-b * (rKpc - rSunKpc) / rSunKpc)
                * Math.exp(-Math.abs(zKpc) / z0Kpc);
    }

    @Override public double spatial(double xKpc, double yKpc, double zKpc) {
        return spatial(Math.sqrt(xKpc * xKpc + yKpc * yKpc), zKpc);
    }

    @Override public double spectrum(double pGeV) { return Math.pow(pGeV / p0GeV, -alphaInj); }

    @Override public double[] rate(FieldDirection direction, double pGeV, double dPerp, double dAni) {
        SpatialGrid g = direction.grid();
        double spectrum = spectrum(pGeV);
        double[] s = new double[g.size()];
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                s[g.index(i, j)] = spatial(g.r(i), g.z(j)) * spectrum;
            }
        }
        return Source.clearBoundary(g, s);
    }

    @Override public String name() { return MODEL; }
}
