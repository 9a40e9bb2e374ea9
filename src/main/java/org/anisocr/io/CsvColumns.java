package org.anisocr.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes equal-length numeric columns as CSV; NaN is written as "nan" so readers see a missing value, not 0.
 * The first column is a coordinate on a uniform grid and is written with the decimals its spacing needs
 * ({@link GridCoordinates}).
 */
public final class CsvColumns {
    private CsvColumns() {}

    public static void write(Path file, String[] header, double[]... columns) throws IOException {
        int n = columns[0].length;
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("columns of unequal length");
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write('\n');
            int decimals = GridCoordinates.decimals(n > 1 ? columns[0][1] - columns[0][0] : 1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (int c = 0; c < columns.length; c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    double v = columns[c][i];
                    sb.append(
                            Double.isNaN(v)
                                    ? "nan"
                                    : c == 0 ? GridCoordinates.format(v, decimals) : Double.toString(v));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        }
    }
}
