package org.anisocr.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-panel line figure from a long-format CSV, for the figures of the science notes (docs/science-3d.md):
 * the numbers are gathered from the run folders by a script, the drawing is {@link PanelFigure}'s, so the figures
 * look like the ones the runs write.
 *
 * <p>Input rows {@code panel,series,dashed,x,y} (a header line first); panels and series keep their first-seen
 * order. Usage: {@code java -cp target/anisocr.jar:target/test-classes org.anisocr.io.SeriesPanelsHarness
 * IN.csv OUT.png COLUMNS X_LABEL Y_LABEL [Y_MIN Y_MAX]}.
 */
public final class SeriesPanelsHarness {
    private SeriesPanelsHarness() {}

    /** The points of one curve while reading. */
    private static final class Curve {
        private final boolean dashed;
        private final List<double[]> points = new ArrayList<>();

        Curve(boolean dashed) {
            this.dashed = dashed;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5 && args.length != 7) {
            System.err.println("usage: IN.csv OUT.png COLUMNS X_LABEL Y_LABEL [Y_MIN Y_MAX]");
            System.exit(2);
        }
        Map<String, Map<String, Curve>> panels = read(Path.of(args[0]));
        double yMin = args.length == 7 ? Double.parseDouble(args[5]) : Double.NaN;
        double yMax = args.length == 7 ? Double.parseDouble(args[6]) : Double.NaN;
        List<PanelFigure.Panel> figure = new ArrayList<>();
        for (Map.Entry<String, Map<String, Curve>> p : panels.entrySet()) {
            List<LinePlot.Series> lines = new ArrayList<>();
            for (Map.Entry<String, Curve> s : p.getValue().entrySet()) {
                List<double[]> pts = s.getValue().points;
                double[] x = new double[pts.size()];
                double[] y = new double[pts.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = pts.get(i)[0];
                    y[i] = pts.get(i)[1];
                }
                lines.add(new LinePlot.Series(s.getKey(), x, y, s.getValue().dashed));
            }
            figure.add(new PanelFigure.Panel(p.getKey(), args[3], args[4], lines, List.of(),
                    Double.NaN, Double.NaN, yMin, yMax, false));
        }
        PanelFigure.write(Path.of(args[1]), figure, Integer.parseInt(args[2]), 620, 440);
    }

    private static Map<String, Map<String, Curve>> read(Path csv) throws IOException {
        Map<String, Map<String, Curve>> panels = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(csv);
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",");
            Curve c = panels.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[1], k -> new Curve(Boolean.parseBoolean(f[2])));
            c.points.add(new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        return panels;
    }
}
