package org.anisocr.io;

import org.anisocr.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a ring data file of data/ (see data/README.md): CSV with a header line, '#' comment lines allowed, and the
 * columns R_min_kpc, R_max_kpc, value, error (named as in the header; further columns such as the source are kept
 * out). A file with a header and no rows is an empty data set, not an error: the figures then show no points.
 */
public final class RingDataCsv {
    private RingDataCsv() {}

    /** One row: ring edges [kpc], value and its 1σ error, as written in the file. */
    public record Row(double rMinKpc, double rMaxKpc, double value, double error) {}

    public static List<Row> read(Path file, String valueColumn, String errorColumn) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            throw new ConfigException(file + ": no header line");
        }
        List<String> head = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int lo = column(file, head, "R_min_kpc");
        int hi = column(file, head, "R_max_kpc");
        int v = column(file, head, valueColumn);
        int e = column(file, head, errorColumn);
        List<Row> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split(",", -1);
            try {
                out.add(new Row(Double.parseDouble(f[lo].trim()), Double.parseDouble(f[hi].trim()),
                        Double.parseDouble(f[v].trim()), Double.parseDouble(f[e].trim())));
            } catch (RuntimeException ex) {
                throw new ConfigException(file + " line " + (n + 1) + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static int column(Path file, List<String> head, String name) {
        int i = head.indexOf(name);
        if (i < 0) {
            throw new ConfigException(file + ": no column " + name + " (header: " + String.join(",", head) + ")");
        }
        return i;
    }
}
