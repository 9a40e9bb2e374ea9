package org.anisocr.grid;

/** Logarithmically spaced momenta p_k (GeV/c; for protons rigidity in GV equals p in GeV/c). */
public record MomentumGrid(double pMinGeV, double pMaxGeV, int count) {

    public MomentumGrid {
        if (count < 1) throw new IllegalArgumentException("momentum count must be ≥ 1");
        if (!(pMinGeV > 0) || !(pMaxGeV >= pMinGeV)) throw new IllegalArgumentException("need 0 < p_min ≤ p_max");
        if (count == 1 && pMaxGeV != pMinGeV) throw new IllegalArgumentException("one momentum bin needs p_min = p_max");
    }

    public double p(int k) {
        if (count == 1) return pMinGeV;
        return pMinGeV * Math.pow(pMaxGeV / pMinGeV, (double) k / (count - 1));
    }

    public double[] values() {
        double[] p = new double[count];
        for (int k = 0; k < count; k++) p[k] = p(k);
        return p;
    }

    /** Δ log10 p between bins (0 for a single bin). */
    public double log10Step() { return count == 1 ? 0 : Math.log10(pMaxGeV / pMinGeV) / (count - 1); }
}
