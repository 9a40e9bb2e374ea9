package org.anisocr.analysis;

import java.util.List;

/**
 * A model profile y(R) on the plane set against measurements made in Galactocentric rings (Fermi-LAT proton indices,
 * densities): the model is averaged over each ring as the measurement is, ⟨y⟩ = ∫ y R dR / ∫ R dR over
 * [R_min, R_max] (area weight of an annulus in the plane; y linear between grid cells), and
 * χ² = Σ ((⟨y⟩ − value)/error)². Points outside the model's radial range are not used.
 */
public final class RingComparison {
    private RingComparison() {}

    /** One ring measurement: ring edges [kpc], value and its 1σ error. */
    public record RingPoint(double rMinKpc, double rMaxKpc, double value, double error) {
        public RingPoint {
            if (!(rMaxKpc > rMinKpc) || !(rMinKpc >= 0)) {
                throw new IllegalArgumentException("ring [" + rMinKpc + ", " + rMaxKpc + "] kpc is empty or negative");
            }
            if (!(error > 0)) {
                throw new IllegalArgumentException(
                        "ring [" + rMinKpc + ", " + rMaxKpc + "] kpc: error must be > 0, got " + error);
            }
        }
        public double rMidKpc() { return 0.5 * (rMinKpc + rMaxKpc); }
    }

    /** χ², the number of points used, and the ring-averaged model value of every point (NaN where not used). */
    public record Chi2(double chi2, int points, double[] modelAverages) {
        public Chi2 {
            modelAverages = modelAverages.clone();
        }

        @Override public double[] modelAverages() { return modelAverages.clone(); }
    }

    /**
     * Area-weighted mean of y over [rMin, rMax] (y linear in R between the nodes r); NaN outside the nodes or if y is.
     */
    public static double ringAverage(double[] r, double[] y, double rMinKpc, double rMaxKpc) {
        if (rMinKpc < r[0] - 1e-12 || rMaxKpc > r[r.length - 1] + 1e-12) {
            return Double.NaN;
        }
        int n = 400;
        double h = (rMaxKpc - rMinKpc) / n;
        double num = 0;
        double den = 0;
        for (int m = 0; m < n; m++) { // midpoint rule: exact for the weight R, second order for y
            double x = rMinKpc + (m + 0.5) * h;
            double v = linear(r, y, x);
            num += v * x;
            den += x;
        }
        return num / den;
    }

    public static Chi2 chi2(double[] r, double[] y, List<RingPoint> data) {
        double sum = 0;
        int used = 0;
        double[] avg = new double[data.size()];
        for (int d = 0; d < data.size(); d++) {
            RingPoint p = data.get(d);
            avg[d] = ringAverage(r, y, p.rMinKpc(), p.rMaxKpc());
            if (Double.isNaN(avg[d])) {
                continue;
            }
            double z = (avg[d] - p.value()) / p.error();
            sum += z * z;
            used++;
        }
        return new Chi2(used == 0 ? Double.NaN : sum, used, avg);
    }

    /** y at R = at, linear between the nodes r (the value the plots show there). */
    public static double valueAt(double[] r, double[] y, double at) { return linear(r, y, at); }

    static double linear(double[] x, double[] y, double at) {
        int i = 0;
        while (i < x.length - 2 && x[i + 1] < at) {
            i++;
        }
        double t = (at - x[i]) / (x[i + 1] - x[i]);
        return y[i] + t * (y[i + 1] - y[i]);
    }
}
