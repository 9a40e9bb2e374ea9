package org.anisocr.grid;

import java.util.ArrayList;
import java.util.List;

/** Logarithmically spaced momenta p_k (GeV/c; for protons rigidity in GV equals p in GeV/c). */
public record MomentumGrid(double pMinGeV, double pMaxGeV, int count) {

    public MomentumGrid {
        if (count < 1) {
            throw new IllegalArgumentException("momentum count must be ≥ 1");
        }
        if (!(pMinGeV > 0) || !(pMaxGeV >= pMinGeV)) {
            throw new IllegalArgumentException("need 0 < p_min ≤ p_max");
        }
        if (count == 1 && pMaxGeV != pMinGeV) {
            throw new IllegalArgumentException("one momentum bin needs p_min = p_max");
        }
    }

    public double p(int k) {
        if (count == 1) {
            return pMinGeV;
        }
        return pMinGeV * Math.pow(pMaxGeV / pMinGeV, (double) k / (count - 1));
    }

    public double[] values() {
        double[] p = new double[count];
        for (int k = 0; k < count; k++) {
            p[k] = p(k);
        }
        return p;
    }

    /** Δ log10 p between bins (0 for a single bin). */
    public double log10Step() { return count == 1 ? 0 : Math.log10(pMaxGeV / pMinGeV) / (count - 1); }

    /**
     * Indices k with p_lo ≤ p_k ≤ p_hi (relative slack 1e-9 so log-spaced grid points on the edges count): the
     * spectral-index fit window; IllegalArgumentException when it holds fewer than 2 bins.
     */
    public static int[] window(double[] pGeV, double pLoGeV, double pHiGeV) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < pGeV.length; k++) {
            if (pGeV[k] >= pLoGeV * (1 - 1e-9) && pGeV[k] <= pHiGeV * (1 + 1e-9)) {
                ks.add(k);
            }
        }
        if (ks.size() < 2) {
            throw new IllegalArgumentException("spectral-index window [" + pLoGeV + ", " + pHiGeV + "] GeV holds "
                    + ks.size() + " momentum bin(s) of the grid [" + pGeV[0] + ", " + pGeV[pGeV.length - 1]
                    + "] GeV; at least 2 are needed");
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }
}
