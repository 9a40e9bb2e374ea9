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

    public static void write(Path png, SpatialGrid grid, double[] values, String title, String barLabel, boolean log,
                             Arrows arrows) throws IOException {
        if (!PlotText.canWrite(png)) return; // no fonts on this machine: said once, the other outputs go on
        double r0 = grid.r(0), r1 = grid.r(grid.nR() - 1), z0 = grid.z(0), z1 = grid.z(grid.nZ() - 1);
        int left = 90, right = 150, top = 50, bottom = 70;
        int plotW = 900;
        int plotH = (int) Math.max(180, Math.min(700, plotW * (z1 - z0) / (r1 - r0)));
        int width = left + plotW + right, height = top + plotH + bottom;

        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            double t = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
            if (Double.isFinite(t)) { lo = Math.min(lo, t); hi = Math.max(hi, t); }
        }
        if (log && hi - lo > 8) lo = hi - 8; // show 8 decades; smaller values saturate at the bottom colour
        if (!(hi > lo)) { hi = (Double.isFinite(lo) ? lo : 0) + 1; if (!Double.isFinite(lo)) lo = 0; }
        // Signed quantities (b_R, D_Rz) get a diverging map centred on zero so the sign change reads at a glance.
        final boolean diverging = !log && lo < 0 && hi > 0;
        if (diverging) { double m = Math.max(-lo, hi); lo = -m; hi = m; }

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        for (int py = 0; py < plotH; py++) {
            double z = z1 - (py + 0.5) / plotH * (z1 - z0);
            int j = (int) Math.max(0, Math.min(grid.nZ() - 1, Math.round((z - z0) / grid.dz())));
            for (int px = 0; px < plotW; px++) {
                double r = r0 + (px + 0.5) / plotW * (r1 - r0);
                int i = (int) Math.max(0, Math.min(grid.nR() - 1, Math.round((r - r0) / grid.dR())));
                double v = values[grid.index(i, j)];
                double t = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
                img.setRGB(left + px, top + py, Double.isFinite(t) ? colour((t - lo) / (hi - lo), diverging).getRGB() : 0xBBBBBB);
            }
        }
        if (arrows != null) drawArrows(g, grid, arrows, left, top, plotW, plotH, r0, r1, z0, z1);

        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(left, top, plotW, plotH);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14), labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        double stepR = niceStep(r1 - r0, 10);
        for (double r = Math.ceil(r0 / stepR) * stepR; r <= r1 + 1e-9; r += stepR) {
            int x = left + (int) Math.round((r - r0) / (r1 - r0) * plotW);
            g.drawLine(x, top + plotH, x, top + plotH + 6);
            String s = fmt(r);
            g.drawString(s, x - fm.stringWidth(s) / 2, top + plotH + 22);
        }
        double stepZ = niceStep(z1 - z0, 8);
        for (double z = Math.ceil(z0 / stepZ) * stepZ; z <= z1 + 1e-9; z += stepZ) {
            int y = top + (int) Math.round((z1 - z) / (z1 - z0) * plotH);
            g.drawLine(left - 6, y, left, y);
            String s = fmt(z);
            g.drawString(s, left - 10 - fm.stringWidth(s), y + fm.getAscent() / 2 - 2);
        }
        g.setFont(labelFont);
        fm = g.getFontMetrics();
        String xl = "R [kpc]";
        g.drawString(xl, left + plotW / 2 - fm.stringWidth(xl) / 2, top + plotH + 50);
        drawVertical(g, "z [kpc]", 28, top + plotH / 2 + fm.stringWidth("z [kpc]") / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, top - 16);

        // Colour bar
        int bx = left + plotW + 30, bw = 22;
        for (int py = 0; py < plotH; py++) {
            g.setColor(colour(1 - (double) py / (plotH - 1), diverging));
            g.fillRect(bx, top + py, bw, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, top, bw, plotH);
        g.setFont(tickFont);
        fm = g.getFontMetrics();
        double stepB = log ? Math.max(1, niceStep(hi - lo, 6)) : niceStep(hi - lo, 6); // whole decades on a log bar
        for (double t = Math.ceil(lo / stepB) * stepB; t <= hi + 1e-12 * Math.abs(hi); t += stepB) {
            int y = top + (int) Math.round((hi - t) / (hi - lo) * plotH);
            g.drawLine(bx + bw, y, bx + bw + 5, y);
            String s = log ? "1e" + fmt(t) : fmt(t);
            g.drawString(s, bx + bw + 8, y + fm.getAscent() / 2 - 2);
        }
        g.setFont(labelFont);
        fm = g.getFontMetrics();
        String bl = log ? barLabel + " (log scale)" : barLabel;
        drawVertical(g, bl, width - 14, top + plotH / 2 + fm.stringWidth(bl) / 2);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void drawArrows(Graphics2D g, SpatialGrid grid, Arrows a, int left, int top, int plotW, int plotH,
                                   double r0, double r1, double z0, double z1) {
        g.setStroke(new BasicStroke(1.3f));
        double len = 0.8 * Math.min(plotW * a.strideR() * grid.dR() / (r1 - r0), plotH * a.strideZ() * grid.dz() / (z1 - z0));
        for (int j = a.strideZ() / 2; j < grid.nZ(); j += a.strideZ())
            for (int i = a.strideR() / 2; i < grid.nR(); i += a.strideR()) {
                int idx = grid.index(i, j);
                double ur = a.uR()[idx], uz = a.uZ()[idx];
                double m = Math.hypot(ur, uz);
                if (!(m > 1e-3)) continue;
                double x = left + (grid.r(i) - r0) / (r1 - r0) * plotW, y = top + (z1 - grid.z(j)) / (z1 - z0) * plotH;
                // arrow length ∝ in-plane fraction |b_pol|; screen y points down
                double dx = len * ur / 2, dy = -len * uz / 2;
                g.setColor(new Color(255, 255, 255, 200));
                g.drawLine((int) (x - dx), (int) (y - dy), (int) (x + dx), (int) (y + dy));
                double ang = Math.atan2(dy, dx), h = Math.max(3, 0.3 * len * m);
                int hx = (int) (x + dx), hy = (int) (y + dy);
                g.drawLine(hx, hy, (int) (hx - h * Math.cos(ang - 0.45)), (int) (hy - h * Math.sin(ang - 0.45)));
                g.drawLine(hx, hy, (int) (hx - h * Math.cos(ang + 0.45)), (int) (hy - h * Math.sin(ang + 0.45)));
            }
    }

    private static void drawVertical(Graphics2D g, String s, int x, int y) {
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(s, x, y);
        g.setTransform(old);
    }

    static Color colour(double t, boolean diverging) {
        if (!(t >= 0)) t = 0;
        if (t > 1) t = 1;
        if (diverging) {
            // blue (−) → white (0) → red (+)
            double u = Math.abs(2 * t - 1);
            int c = (int) Math.round(255 * (1 - u));
            return t < 0.5 ? new Color(c + (int) Math.round(40 * u), c + (int) Math.round(70 * u), 255 - (int) Math.round(90 * u))
                    : new Color(255 - (int) Math.round(75 * u), c, c);
        }
        double f = t * (VIRIDIS.length - 1);
        int k = Math.min(VIRIDIS.length - 2, (int) f);
        double u = f - k;
        int[] a = VIRIDIS[k], b = VIRIDIS[k + 1];
        return new Color((int) Math.round(a[0] + u * (b[0] - a[0])), (int) Math.round(a[1] + u * (b[1] - a[1])),
                (int) Math.round(a[2] + u * (b[2] - a[2])));
    }

    static double niceStep(double range, int target) {
        double raw = range / target, p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private static String fmt(double v) {
        if (Math.abs(v) < 1e-12) return "0";
        if (Math.abs(v - Math.rint(v)) < 1e-9) return Long.toString(Math.round(v));
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
