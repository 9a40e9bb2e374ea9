package org.anisocr.io;

import org.anisocr.grid.SpatialGrid;

import javax.imageio.ImageIO;
import java.awt.*;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A colour map of one quantity on the (R, z) grid, drawn with java.awt into a PNG (XChart 3.8.8's HeatMapChart
 * labels every cell as a category, which is unreadable on a 201×81 grid). Axes in kpc, a labelled colour bar,
 * optional log scale and an optional direction field (arrows of a unit vector in the (R, z) plane).
 */
public final class MapImage {
    static { System.setProperty("java.awt.headless", "true"); }

    private MapImage() {}

    /** Viridis anchor colours (matplotlib), interpolated linearly. */
    private static final int[][] VIRIDIS = {
            {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
            {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}};

    /** A unit-vector field drawn every strideR, strideZ nodes; the grid-sized arrays are shared, not copied (read
     * once). */
    public record Arrows(double[] uR, double[] uZ, int strideR, int strideZ) {}

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 17);

    /**
     * Where the plot goes in the image (pixels) and which (R, z) range it shows (kpc).
     *
     * @param left   width of the margin left of the plot (z ticks and label)
     * @param top    height of the margin above the plot (the title)
     * @param plotW  plot width
     * @param plotH  plot height: the grid's aspect ratio, kept between 180 and 700
     * @param width  image width: margins, plot and colour bar
     * @param height image height
     */
    private record Frame(int left, int top, int plotW, int plotH, int width, int height,
                         double r0, double r1, double z0, double z1) {
        /** {@code square}: a plot as wide as high where the axes span the same length (the plane x–y). */
        static Frame of(PlaneAxes grid, boolean square) {
            double r0 = grid.x0Kpc();
            double r1 = grid.xLast();
            double z0 = grid.y0Kpc();
            double z1 = grid.yLast();
            int left = 90;
            int right = 150;
            int top = 50;
            int bottom = 70;
            int plotW = 900;
            int plotH = (int) Math.max(180, Math.min(700, plotW * (z1 - z0) / (r1 - r0)));
            if (square && plotH < plotW * (z1 - z0) / (r1 - r0)) {
                plotW = (int) Math.round(plotH * (r1 - r0) / (z1 - z0));
            }
            return new Frame(left, top, plotW, plotH, left + plotW + right, top + plotH + bottom, r0, r1, z0, z1);
        }
    }

    /**
     * The colour scale: values (log10 values when {@code log}) from lo to hi, diverging around 0 for signed data;
     * shared with {@link MollweideImage}.
     */
    record Scale(double lo, double hi, boolean log, boolean diverging) {
        static Scale of(double[] values, boolean log) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                double t = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
                if (Double.isFinite(t)) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
            if (log && hi - lo > 8) {
                lo = hi - 8; // show 8 decades; smaller values saturate at the bottom colour
            }
            if (!(hi > lo)) {
                hi = (Double.isFinite(lo) ? lo : 0) + 1;
                if (!Double.isFinite(lo)) {
                    lo = 0;
                }
            }
            // Signed quantities (b_R, D_Rz) get a diverging map centred on zero so the sign change reads at a glance.
            boolean diverging = !log && lo < 0 && hi > 0;
            if (diverging) {
                double m = Math.max(-lo, hi);
                lo = -m;
                hi = m;
            }
            return new Scale(lo, hi, log, diverging);
        }

        /** The colour of a value; grey where it has none (NaN, or ≤ 0 on a log scale). */
        int rgb(double v) {
            double t = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
            return Double.isFinite(t) ? colour((t - lo) / (hi - lo), diverging).getRGB() : 0xBBBBBB;
        }
    }

    public static void write(Path png, SpatialGrid grid, double[] values, String title, String barLabel, boolean log,
                             Arrows arrows) throws IOException {
        write(png, PlaneAxes.of(grid), grid, values, title, barLabel, log, arrows);
    }

    /** A map on any two linear axes (a plane or slice of a 3D grid), values[j·nX + i], no arrows. */
    public static void write(Path png, PlaneAxes axes, double[] values, String title, String barLabel, boolean log)
            throws IOException {
        write(png, axes, null, values, title, barLabel, log, null);
    }

    private static void write(Path png, PlaneAxes axes, SpatialGrid arrowGrid, double[] values, String title,
                              String barLabel, boolean log, Arrows arrows) throws IOException {
        if (!PlotText.canWrite(png)) {
            return; // no fonts on this machine: said once, the other outputs go on
        }
        Frame f = Frame.of(axes, arrowGrid == null);
        Scale scale = Scale.of(values, log);
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        paintCells(img, axes, values, f, scale);
        if (arrows != null) {
            drawArrows(g, arrowGrid, arrows, f);
        }
        drawAxes(g, f, title, axes);
        drawColourBar(g, f, scale, barLabel);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    /** Each pixel of the plot takes the value of the nearest grid node. */
    private static void paintCells(BufferedImage img, PlaneAxes grid, double[] values, Frame f, Scale scale) {
        for (int py = 0; py < f.plotH(); py++) {
            double z = f.z1() - (py + 0.5) / f.plotH() * (f.z1() - f.z0());
            int j = (int) Math.max(0, Math.min(grid.nY() - 1, Math.round((z - f.z0()) / grid.dyKpc())));
            for (int px = 0; px < f.plotW(); px++) {
                double r = f.r0() + (px + 0.5) / f.plotW() * (f.r1() - f.r0());
                int i = (int) Math.max(0, Math.min(grid.nX() - 1, Math.round((r - f.r0()) / grid.dxKpc())));
                img.setRGB(f.left() + px, f.top() + py, scale.rgb(values[j * grid.nX() + i]));
            }
        }
    }

    /** The plot's frame, R and z ticks with their labels, the axis names and the title. */
    private static void drawAxes(Graphics2D g, Frame f, String title, PlaneAxes axes) {
        int left = f.left();
        int top = f.top();
        int plotW = f.plotW();
        int plotH = f.plotH();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(left, top, plotW, plotH);
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        double stepR = niceStep(f.r1() - f.r0(), 10);
        for (double r = Math.ceil(f.r0() / stepR) * stepR; r <= f.r1() + 1e-9; r += stepR) {
            int x = left + (int) Math.round((r - f.r0()) / (f.r1() - f.r0()) * plotW);
            g.drawLine(x, top + plotH, x, top + plotH + 6);
            String s = fmt(r);
            g.drawString(s, x - fm.stringWidth(s) / 2, top + plotH + 22);
        }
        double stepZ = niceStep(f.z1() - f.z0(), 8);
        for (double z = Math.ceil(f.z0() / stepZ) * stepZ; z <= f.z1() + 1e-9; z += stepZ) {
            int y = top + (int) Math.round((f.z1() - z) / (f.z1() - f.z0()) * plotH);
            g.drawLine(left - 6, y, left, y);
            String s = fmt(z);
            g.drawString(s, left - 10 - fm.stringWidth(s), y + fm.getAscent() / 2 - 2);
        }
        g.setFont(LABEL_FONT);
        fm = g.getFontMetrics();
        String xl = axes.xLabel();
        g.drawString(xl, left + plotW / 2 - fm.stringWidth(xl) / 2, top + plotH + 50);
        drawVertical(g, axes.yLabel(), 28, top + plotH / 2 + fm.stringWidth(axes.yLabel()) / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, top - 16);
    }

    /** The colour bar right of the plot, with ticks (whole decades on a log scale) and its label. */
    private static void drawColourBar(Graphics2D g, Frame f, Scale scale, String barLabel) {
        int top = f.top();
        int plotH = f.plotH();
        int bx = f.left() + f.plotW() + 30;
        int bw = 22;
        for (int py = 0; py < plotH; py++) {
            g.setColor(colour(1 - (double) py / (plotH - 1), scale.diverging()));
            g.fillRect(bx, top + py, bw, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, top, bw, plotH);
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        double lo = scale.lo();
        double hi = scale.hi();
        double stepB = scale.log() ? Math.max(1, niceStep(hi - lo, 6)) : niceStep(hi - lo, 6);
        for (double t = Math.ceil(lo / stepB) * stepB; t <= hi + 1e-12 * Math.abs(hi); t += stepB) {
            int y = top + (int) Math.round((hi - t) / (hi - lo) * plotH);
            g.drawLine(bx + bw, y, bx + bw + 5, y);
            String s = scale.log() ? "1e" + fmt(t) : fmt(t);
            g.drawString(s, bx + bw + 8, y + fm.getAscent() / 2 - 2);
        }
        g.setFont(LABEL_FONT);
        fm = g.getFontMetrics();
        String bl = scale.log() ? barLabel + " (log scale)" : barLabel;
        drawVertical(g, bl, f.width() - 14, top + plotH / 2 + fm.stringWidth(bl) / 2);
    }

    private static void drawArrows(Graphics2D g, SpatialGrid grid, Arrows a, Frame f) {
        int left = f.left();
        int top = f.top();
        int plotW = f.plotW();
        int plotH = f.plotH();
        double r0 = f.r0();
        double r1 = f.r1();
        double z0 = f.z0();
        double z1 = f.z1();
        g.setStroke(new BasicStroke(1.3f));
        double len = 0.8
                * Math.min(plotW * a.strideR() * grid.dR() / (r1 - r0), plotH * a.strideZ() * grid.dz() / (z1 - z0));
        for (int j = a.strideZ() / 2; j < grid.nZ(); j += a.strideZ()) {
            for (int i = a.strideR() / 2; i < grid.nR(); i += a.strideR()) {
                int idx = grid.index(i, j);
                double ur = a.uR()[idx];
                double uz = a.uZ()[idx];
                double m = Math.hypot(ur, uz);
                if (!(m > 1e-3)) {
                    continue;
                }
                double x = left + (grid.r(i) - r0) / (r1 - r0) * plotW;
                double y = top + (z1 - grid.z(j)) / (z1 - z0) * plotH;
                // arrow length ∝ in-plane fraction |b_pol|; screen y points down
                double dx = len * ur / 2;
                double dy = -len * uz / 2;
                g.setColor(new Color(255, 255, 255, 200));
                g.drawLine((int) (x - dx), (int) (y - dy), (int) (x + dx), (int) (y + dy));
                double ang = Math.atan2(dy, dx);
                double h = Math.max(3, 0.3 * len * m);
                int hx = (int) (x + dx);
                int hy = (int) (y + dy);
                g.drawLine(hx, hy, (int) (hx - h * Math.cos(ang - 0.45)), (int) (hy - h * Math.sin(ang - 0.45)));
                g.drawLine(hx, hy, (int) (hx - h * Math.cos(ang + 0.45)), (int) (hy - h * Math.sin(ang + 0.45)));
            }
        }
    }

    private static void drawVertical(Graphics2D g, String s, int x, int y) {
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(s, x, y);
        g.setTransform(old);
    }

    static Color colour(double t, boolean diverging) {
        if (!(t >= 0)) {
            t = 0;
        }
        if (t > 1) {
            t = 1;
        }
        if (diverging) {
            // blue (−) → white (0) → red (+)
            double u = Math.abs(2 * t - 1);
            int c = (int) Math.round(255 * (1 - u));
            return t < 0.5
                    ? new Color(
                            c + (int) Math.round(40 * u), c + (int) Math.round(70 * u), 255 - (int) Math.round(90 * u))
                    : new Color(255 - (int) Math.round(75 * u), c, c);
        }
        double f = t * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) f);
        double u = f - k;
        int[] a = VIRIDIS[k];
        int[] b = VIRIDIS[k + 1];
        return new Color((int) Math.round(a[0] + u * (b[0] - a[0])), (int) Math.round(a[1] + u * (b[1] - a[1])),
                (int) Math.round(a[2] + u * (b[2] - a[2])));
    }

    static double niceStep(double range, int target) {
        double raw = range / target;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    static String fmt(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
