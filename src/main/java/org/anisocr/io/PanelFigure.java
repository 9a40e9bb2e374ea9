package org.anisocr.io;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure of several line-plot panels side by side (the paper's multi-panel figures), each panel an XChart rendered
 * headless and tiled into one PNG. Besides curves ({@link LinePlot.Series}) a panel can carry measured points with a
 * vertical 1σ error bar and a horizontal bar from the ring's inner to its outer edge ({@link Points}).
 */
public final class PanelFigure {
    static { System.setProperty("java.awt.headless", "true"); }

    private PanelFigure() {}

    /** Ten distinguishable line colours (matplotlib's "tab10"), used in order: no two curves of a panel share a hue. */
    static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    /** Measurements: x with its bin edges [xLo, xHi], y with its 1σ error. */
    public record Points(String name, double[] x, double[] xLo, double[] xHi, double[] y, double[] yErr) {
        /** Copies in and out: a few points per ring, so a value is cheap to keep. */
        public Points {
            x = x.clone();
            xLo = xLo.clone();
            xHi = xHi.clone();
            y = y.clone();
            yErr = yErr.clone();
        }

        @Override public double[] x() { return x.clone(); }
        @Override public double[] xLo() { return xLo.clone(); }
        @Override public double[] xHi() { return xHi.clone(); }
        @Override public double[] y() { return y.clone(); }
        @Override public double[] yErr() { return yErr.clone(); }
    }

    /** One panel; xMin/xMax/yMin/yMax NaN = automatic. */
    public record Panel(String title, String xLabel, String yLabel, List<LinePlot.Series> lines, List<Points> points,
                        double xMin, double xMax, double yMin, double yMax, boolean logY) {
        public Panel {
            lines = List.copyOf(lines);
            points = List.copyOf(points);
        }

        public Panel(String title, String xLabel, String yLabel, List<LinePlot.Series> lines, List<Points> points) {
            this(title, xLabel, yLabel, lines, points, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }
    }

    public static void write(Path png, List<Panel> panels, int columns, int panelWidth, int panelHeight)
            throws IOException {
        if (!PlotText.canWrite(png)) {
            return; // no fonts on this machine: said once, the other outputs go on
        }
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage all = new BufferedImage(columns * panelWidth, rows * panelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int k = 0; k < panels.size(); k++) {
            BufferedImage img = BitmapEncoder.getBufferedImage(chart(panels.get(k), panelWidth, panelHeight));
            g.drawImage(img, (k % columns) * panelWidth, (k / columns) * panelHeight, null);
        }
        g.dispose();
        ImageIO.write(all, "png", png.toFile());
    }

    static XYChart chart(Panel p, int width, int height) {
        XYChart chart = styledChart(p, width, height);
        int kept = addLines(chart, p);
        kept += addPoints(chart, p);
        if (kept == 0) {
            chart.addSeries("(no finite values)", new double[]{0}, new double[]{p.logY() ? 1 : 0});
        }
        return chart;
    }

    /** An empty chart with the panel's titles, white background, type sizes, log scale and axis limits. */
    private static XYChart styledChart(Panel p, int width, int height) {
        XYChart chart = new XYChartBuilder()
                .width(width)
                .height(height)
                .title(p.title())
                .xAxisTitle(p.xLabel())
                .yAxisTitle(p.yLabel())
                .build();
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        int big = width >= 900 ? 2 : 0; // single 900-px plots (LinePlot) get the larger type
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16 + big));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13 + big / 2));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14 + big));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12 + big / 2));
        st.setYAxisLogarithmic(p.logY());
        if (p.logY()) {
            // a labelled tick at every 1..9 × 10^n, so a curve spanning a decade or two can be read off (decade-only
            // ticks left flux.png with the labels 1 and 0.1 alone); a formatting function would make XChart's
            // tick placement linear, so the labels are XChart's own
            st.setYAxisLogarithmicDecadeOnly(false);
        }
        setAxisLimits(st, p);
        return chart;
    }

    /** The panel's fixed axis limits; a NaN limit is left to XChart. */
    private static void setAxisLimits(XYStyler st, Panel p) {
        if (!Double.isNaN(p.xMin())) {
            st.setXAxisMin(p.xMin());
        }
        if (!Double.isNaN(p.xMax())) {
            st.setXAxisMax(p.xMax());
        }
        if (!Double.isNaN(p.yMin())) {
            st.setYAxisMin(p.yMin());
        }
        if (!Double.isNaN(p.yMax())) {
            st.setYAxisMax(p.yMax());
        }
    }

    /**
     * The panel's curves, each cut to its finite values inside the x limits (and > 0 on a log axis), coloured in
     * palette order; a curve with nothing left is skipped. Returns how many were drawn.
     */
    private static int addLines(XYChart chart, Panel p) {
        int kept = 0;
        for (LinePlot.Series s : p.lines()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                boolean inX = (Double.isNaN(p.xMin()) || x[i] >= p.xMin() - 1e-9)
                        && (Double.isNaN(p.xMax()) || x[i] <= p.xMax() + 1e-9);
                if (inX && Double.isFinite(y[i]) && (!p.logY() || y[i] > 0)) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), xs, ys);
            xy.setMarker(SeriesMarkers.NONE);
            xy.setLineColor(PALETTE[kept % PALETTE.length]);
            xy.setLineWidth(2.0f);
            if (s.dashed()) {
                xy.setLineStyle(new BasicStroke(
                        2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            }
            kept++;
        }
        return kept;
    }

    /**
     * The panel's measurements: black circles with their 1σ error bars and each ring's edges as a horizontal bar
     * (left out of the legend); an empty set is skipped. Returns how many sets were drawn.
     */
    private static int addPoints(XYChart chart, Panel p) {
        int kept = 0;
        for (Points pts : p.points()) {
            if (pts.x().length == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(pts.name(), pts.x(), pts.y(), pts.yErr());
            xy.setMarker(SeriesMarkers.CIRCLE);
            xy.setMarkerColor(Color.BLACK);
            xy.setLineColor(Color.BLACK);
            xy.setLineStyle(new BasicStroke(0f));
            double[] xLo = pts.xLo();
            double[] xHi = pts.xHi();
            double[] y = pts.y();
            for (int i = 0; i < xLo.length; i++) { // ring edges as a horizontal bar
                XYSeries edge = chart.addSeries(pts.name() + " ring " + i, new double[] {xLo[i], xHi[i]},
                        new double[] {y[i], y[i]});
                edge.setMarker(SeriesMarkers.NONE);
                edge.setLineColor(Color.BLACK);
                edge.setLineWidth(1.2f);
                edge.setShowInLegend(false);
            }
            kept++;
        }
        return kept;
    }
}
