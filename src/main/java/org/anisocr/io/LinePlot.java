package org.anisocr.io;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Line plots (α(R) curves, radial profiles) as PNG with XChart, headless. */
public final class LinePlot {
    static { System.setProperty("java.awt.headless", "true"); }

    private LinePlot() {}

    /** One curve; the points are copied in and out (a profile of a few hundred nodes). */
    public record Series(String name, double[] x, double[] y, boolean dashed) {
        public Series {
            x = x.clone();
            y = y.clone();
        }

        public Series(String name, double[] x, double[] y) { this(name, x, y, false); }

        @Override public double[] x() { return x.clone(); }
        @Override public double[] y() { return y.clone(); }
    }

    public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY)
            throws IOException {
        if (!PlotText.canWrite(png)) {
            return; // no fonts on this machine: said once, the other outputs go on
            // One panel of PanelFigure: the same styling, NaN cells left out of the curves rather than drawn as zeros.
        }
        XYChart chart = PanelFigure.chart(new PanelFigure.Panel(title, xLabel, yLabel, series, List.of(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, logY), 900, 620);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
