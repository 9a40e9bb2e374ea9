package org.anisocr.io;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Whether this JVM can draw text into an image. A compute node without fonts (no fontconfig, no font files: common on
 * clusters and in containers) makes java.awt throw an {@link Error} at the first text it lays out; every PNG writer
 * asks here first and, where text cannot be drawn, skips its plot so that the run still writes its FITS, CSV and JSON
 * products. The first skip says why, in one line, and how to get the plots.
 */
public final class PlotText {
    private static String unavailable; // null: usable; probed once
    private static boolean probed;
    private static boolean said;

    private PlotText() {}

    /** True when text can be drawn (probed once per process, the answer kept). */
    // A capability probe: the font system fails with Errors (InternalError, UnsatisfiedLinkError,
    // NoClassDefFoundError) as well as exceptions, and any of them means "no text here", never a crash.
    @SuppressWarnings("checkstyle:IllegalCatch")
    public static synchronized boolean usable() {
        if (!probed) {
            probed = true;
            System.setProperty("java.awt.headless", "true");
            try {
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString("α", 0, 8);
                g.getFontMetrics().stringWidth("10⁻³");
                g.dispose();
            } catch (Throwable e) { // InternalError, UnsatisfiedLinkError, NoClassDefFoundError from the font system
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                unavailable =
                        root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            }
        }
        return unavailable == null;
    }

    /**
     * Whether {@code png} should be drawn; false (and, the first time, one line saying why) when text cannot be drawn.
     */
    static synchronized boolean canWrite(Path png) {
        if (usable()) {
            return true;
        }
        if (!said) {
            said = true;
            System.err.println("warning: PNG plots skipped (" + png.getFileName()
                    + " and every other): this machine cannot draw text ("
                    + unavailable
                    + "); install fontconfig and a font (Debian/Ubuntu: apt-get install fontconfig fonts-dejavu-core). "
                    + "FITS, CSV and JSON outputs are written as usual.");
        }
        return false;
    }
}
