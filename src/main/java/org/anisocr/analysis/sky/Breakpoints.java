package org.anisocr.analysis.sky;

import java.util.Arrays;

/**
 * Distances along one ray where the integrand is not smooth (a cell face, the surface of a body), collected by an
 * {@link EmissivityField} and sorted by {@link LineOfSight}. A growable buffer reused ray after ray by one thread.
 */
public final class Breakpoints {
    private double[] s = new double[256];
    private int size;

    /** Adds one distance (kpc). */
    public void add(double distanceKpc) {
        if (size == s.length) {
            s = Arrays.copyOf(s, 2 * size);
        }
        s[size++] = distanceKpc;
    }

    int size() { return size; }

    double get(int k) { return s[k]; }

    void clear() { size = 0; }

    /** Sorts the distances; most fields add them in order already, so the check comes first. */
    void sort() {
        for (int k = 1; k < size; k++) {
            if (s[k] < s[k - 1]) {
                Arrays.sort(s, 0, size);
                return;
            }
        }
    }
}
