package org.anisocr.io;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleBinaryOperator;

/**
 * A full-sky map in the Mollweide projection (equal area), Galactic coordinates as γ-ray sky maps are shown:
 * ℓ = 0 in the centre, ℓ growing to the left (ℓ = 180° at both edges), b = 90° at the top; a graticule every 30°,
 * the colour bar below with {@link MapImage}'s scales (viridis, log or linear; grey where a value has none).
 * Each image pixel is inverse-projected and takes the value the caller returns for its (ℓ, b): the caller decides
 * the sampling (e.g. the HEALPix pixel that holds the point).
 */
public final class MollweideImage {
    static { System.setProperty("java.awt.headless", "true"); }

    private MollweideImage() {}

    private static final int PLOT_W = 960;
    private static final int PLOT_H = PLOT_W / 2;
    private static final int LEFT = 30;
    private static final int TOP = 50;
    private static final int BAR_H = 18;
    private static final int WIDTH = PLOT_W + 2 * LEFT;
    private static final int HEIGHT = TOP + PLOT_H + 110;
    private static final double SQRT2 = Math.sqrt(2);

    /**
     * @param valueAt the value at (ℓ, b) in degrees, ℓ ∈ (−180, 180], b ∈ [−90, 90]
     * @param log     log-scaled colours (values ≤ 0 grey)
     */
    public static void write(Path png, DoubleBinaryOperator valueAt, String title, String barLabel, boolean log)
            throws IOException {
        if (!PlotText.canWrite(png)) {
            return; // no fonts on this machine: said once, the other outputs go on
        }
        double[] values = new double[PLOT_W * PLOT_H];
        boolean[] inside = new boolean[values.length];
        for (int py = 0; py < PLOT_H; py++) {
            for (int px = 0; px < PLOT_W; px++) {
                double[] lb = inverse(px, py);
                if (lb != null) {
                    inside[py * PLOT_W + px] = true;
                    values[py * PLOT_W + px] = valueAt.applyAsDouble(lb[0], lb[1]);
                } else {
                    values[py * PLOT_W + px] = Double.NaN;
                }
            }
        }
        MapImage.Scale scale = MapImage.Scale.of(values, log);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int k = 0; k < values.length; k++) {
            if (inside[k]) {
                img.setRGB(LEFT + k % PLOT_W, TOP + k / PLOT_W, scale.rgb(values[k]));
            }
        }
        drawGraticule(g);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, TOP - 18);
        drawColourBar(g, scale, barLabel);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    /** (ℓ, b) in degrees of the centre of image pixel (px, py), or null outside the ellipse. */
    static double[] inverse(int px, int py) {
        double x = (px + 0.5 - PLOT_W / 2.0) / (PLOT_W / 2.0) * 2 * SQRT2;
        double y = (PLOT_H / 2.0 - py - 0.5) / (PLOT_H / 2.0) * SQRT2;
        if (x * x / 8 + y * y / 2 > 1) {
            return null;
        }
        double theta = Math.asin(Math.max(-1, Math.min(1, y / SQRT2)));
        double b = Math.asin(Math.max(-1, Math.min(1, (2 * theta + Math.sin(2 * theta)) / Math.PI)));
        double l = -Math.PI * x / (2 * SQRT2 * Math.cos(theta));
        if (Math.abs(l) > Math.PI) {
            return null;
        }
        return new double[] {Math.toDegrees(l), Math.toDegrees(b)};
    }

    /** Image position of (ℓ, b) in degrees (forward Mollweide: 2θ + sin 2θ = π sin b by Newton's method). */
    static double[] forward(double lDeg, double bDeg) {
        double b = Math.toRadians(bDeg);
        double theta = b;
        for (int it = 0; it < 50 && Math.abs(Math.abs(b) - Math.PI / 2) > 1e-12; it++) {
            double f = 2 * theta + Math.sin(2 * theta) - Math.PI * Math.sin(b);
            double d = 2 + 2 * Math.cos(2 * theta);
            if (d < 1e-12) {
                break;
            }
            theta -= f / d;
        }
        double x = -2 * SQRT2 / Math.PI * Math.toRadians(lDeg) * Math.cos(theta);
        double y = SQRT2 * Math.sin(theta);
        return new double[] {LEFT + PLOT_W / 2.0 + x / (2 * SQRT2) * PLOT_W / 2.0,
                TOP + PLOT_H / 2.0 - y / SQRT2 * PLOT_H / 2.0};
    }

    private static void drawGraticule(Graphics2D g) {
        g.setColor(new Color(255, 255, 255, 110));
        g.setStroke(new BasicStroke(0.8f));
        for (int l = -180; l <= 180; l += 30) {
            polyline(g, l, true);
        }
        for (int b = -60; b <= 60; b += 30) {
            polyline(g, b, false);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawOval(LEFT, TOP, PLOT_W, PLOT_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int l = -150; l <= 150; l += 60) {
            double[] p = forward(l, 0);
            g.drawString((l < 0 ? l + 360 : l) + "°", (int) p[0] + 3, (int) p[1] - 3);
        }
    }

    /** A meridian (ℓ = const) or a parallel (b = const). */
    private static void polyline(Graphics2D g, double fixed, boolean meridian) {
        double[] prev = null;
        for (int k = 0; k <= 180; k++) {
            double t = meridian ? -90 + k : -180 + 2 * k;
            double[] p = meridian ? forward(fixed, t) : forward(t, fixed);
            if (prev != null) {
                g.drawLine((int) prev[0], (int) prev[1], (int) p[0], (int) p[1]);
            }
            prev = p;
        }
    }

    private static void drawColourBar(Graphics2D g, MapImage.Scale scale, String barLabel) {
        int bx = LEFT + PLOT_W / 6;
        int bw = PLOT_W * 2 / 3;
        int by = TOP + PLOT_H + 25;
        for (int px = 0; px < bw; px++) {
            g.setColor(MapImage.colour((double) px / (bw - 1), scale.diverging()));
            g.fillRect(bx + px, by, 1, BAR_H);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, by, bw, BAR_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        double lo = scale.lo();
        double hi = scale.hi();
        double step = scale.log() ? Math.max(1, MapImage.niceStep(hi - lo, 6)) : MapImage.niceStep(hi - lo, 6);
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-12 * Math.abs(hi); t += step) {
            int x = bx + (int) Math.round((t - lo) / (hi - lo) * bw);
            g.drawLine(x, by + BAR_H, x, by + BAR_H + 5);
            String s = scale.log() ? "1e" + MapImage.fmt(t) : MapImage.fmt(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, by + BAR_H + 20);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        fm = g.getFontMetrics();
        String label = scale.log() ? barLabel + " (log scale)" : barLabel;
        g.drawString(label, LEFT + PLOT_W / 2 - fm.stringWidth(label) / 2, by + BAR_H + 48);
    }
}
