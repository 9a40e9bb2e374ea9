package org.anisocr.io;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Line plots (α(R) curves, radial profiles) as PNG with XChart, headless. */
public final class LinePlot {
    static { System.setProperty("java.awt.headless", "true"); }

    private LinePlot() {}

    public record Series(String name, double[] x, double[] y, boolean dashed) {
        public Series(String name, double[] x, double[] y) { this(name, x, y, false); }
    }

    public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(620).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setYAxisLogarithmic(logY);
        if (logY) {
            // a labelled tick at every 1..9 × 10^n, so a curve spanning a decade or two can be read off (decade-only
            // ticks left flux.png with the labels 1 and 0.1 alone); a formatting function would make XChart's
            // tick placement linear, so the labels are XChart's own
            st.setYAxisLogarithmicDecadeOnly(false);
        }
        st.setMarkerSize(0);
        int kept = 0;
        for (Series s : series) {
            // NaN cells (no slope: N ≤ 0) are left out of the curve rather than drawn as zeros.
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++)
                if (Double.isFinite(s.y()[i]) && (!logY || s.y()[i] > 0)) { xs.add(s.x()[i]); ys.add(s.y()[i]); }
            if (xs.isEmpty()) continue;
            XYSeries xy = chart.addSeries(s.name(), xs, ys);
            xy.setMarker(SeriesMarkers.NONE);
            xy.setLineWidth(2.2f);
            if (s.dashed()) xy.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            kept++;
        }
        if (kept == 0) chart.addSeries("(no finite values)", new double[] {0}, new double[] {logY ? 1 : 0});
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
