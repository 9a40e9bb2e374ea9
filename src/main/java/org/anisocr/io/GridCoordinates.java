package org.anisocr.io;

import java.util.Locale;

/**
 * Grid coordinates as a person writes them: with just the decimals the spacing needs (R = 0.3, not
 * 0.30000000000000004; z = 0.05, not 0.0500000), and never "-0.0".
 */
public final class GridCoordinates {
    private GridCoordinates() {}

    /** The fewest decimals (≤ 10) that write every multiple of {@code spacing} exactly. */
    public static int decimals(double spacing) {
        double h = Math.abs(spacing);
        if (!(h > 0) || !Double.isFinite(h)) {
            return 6;
        }
        for (int d = 0; d <= 10; d++) {
            double scaled = h * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }

    public static String format(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
