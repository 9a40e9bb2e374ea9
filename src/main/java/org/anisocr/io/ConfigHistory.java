package org.anisocr.io;

import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The model file in a FITS header's HISTORY cards, given back character for character.
 *
 * <p>FITS cards hold printable ASCII only and drop trailing blanks, so each line of the file is escaped first:
 * a backslash becomes {@code \\}, every other character outside printable ASCII (tab, carriage return, ü, Ω, ∇,
 * each UTF-16 unit of an emoji) becomes {@code \\uXXXX}, and a blank that would end a card becomes {@code \\u0020}.
 * A line starts a card {@code CONFIG <text>}; a line longer than one card goes on in cards {@code CONFIG+<text>},
 * joined without separator. An escape is never split between cards.
 */
public final class ConfigHistory {
    /** Width of a HISTORY card's text: 72 columns less the blank nom-tam puts first, with room to spare. */
    static final int WIDTH = 68;
    private static final String FIRST = "CONFIG ";
    private static final String NEXT = "CONFIG+";
    private static final String BLANK = "\\u0020";

    private ConfigHistory() {}

    /** The HISTORY card texts for {@code text}, in order. */
    public static List<String> cards(String text) {
        List<String> cards = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            addLine(cards, escape(line));
        }
        return cards;
    }

    /** The config text of a FITS file's primary header; empty when it has no CONFIG cards. */
    public static Optional<String> read(Path fitsFile) throws IOException {
        try (Fits fits = new Fits(fitsFile.toFile())) {
            return fromHistory(fits.getHDU(0).getHeader());
        } catch (FitsException e) {
            throw new IOException("cannot read FITS " + fitsFile + ": " + e.getMessage(), e);
        }
    }

    /** The config text of a header's CONFIG cards; empty when it has none. */
    public static Optional<String> fromHistory(Header h) {
        List<StringBuilder> lines = new ArrayList<>();
        for (Iterator<HeaderCard> it = h.iterator(); it.hasNext(); ) {
            HeaderCard c = it.next();
            if (!"HISTORY".equals(c.getKey()) || c.getComment() == null) {
                continue;
            }
            String t = c.getComment().startsWith(" ") ? c.getComment().substring(1) : c.getComment();
            if (t.startsWith(NEXT) && !lines.isEmpty()) {
                lines.get(lines.size() - 1).append(t, NEXT.length(), t.length());
            } else if (t.equals(FIRST.strip()) || t.startsWith(FIRST)) {
                lines.add(new StringBuilder(t.length() > FIRST.length() ? t.substring(FIRST.length()) : ""));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> text = new ArrayList<>();
        for (StringBuilder l : lines) {
            text.add(unescape(l.toString()));
        }
        return Optional.of(String.join("\n", text));
    }

    /** Printable ASCII as it is, the backslash doubled, everything else as \\uXXXX. */
    static String escape(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The inverse of {@link #escape}. A backslash not followed by an escape (written before escaping was used)
     * stays as it is.
     */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                b.append('\\');
                i++;
            } else if (c == '\\' && isUnicodeEscape(s, i)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isUnicodeEscape(String s, int at) {
        if (at + 6 > s.length() || s.charAt(at + 1) != 'u') {
            return false;
        }
        for (int k = at + 2; k < at + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One escaped line as a CONFIG card and as many CONFIG+ cards as it needs, none ending in a blank. */
    private static void addLine(List<String> cards, String e) {
        int width = WIDTH - FIRST.length();
        int at = 0;
        boolean first = true;
        while (first || at < e.length()) {
            int end = escapeBoundary(e, at, Math.min(at + width, e.length()));
            while (end > at && e.charAt(end - 1) == ' ') {
                end--; // the blanks open the next card, where FITS keeps them
            }
            String piece;
            if (end > at || at == e.length()) {
                piece = e.substring(at, end);
            } else { // a card's worth of blanks: the last one escaped so that FITS keeps them all
                int blanks = Math.min(width - BLANK.length(), spacesFrom(e, at) - 1);
                piece = " ".repeat(blanks) + BLANK;
                end = at + blanks + 1;
            }
            cards.add((first ? FIRST : NEXT) + piece);
            at = end;
            first = false;
        }
    }

    /** The largest position ≤ end that does not cut an escape, scanning from at (itself a boundary). */
    private static int escapeBoundary(String e, int at, int end) {
        int i = at;
        while (i < end) {
            int step = e.charAt(i) != '\\' ? 1 : e.charAt(i + 1) == '\\' ? 2 : 6;
            if (i + step > end) {
                return i;
            }
            i += step;
        }
        return end;
    }

    private static int spacesFrom(String e, int at) {
        int i = at;
        while (i < e.length() && e.charAt(i) == ' ') {
            i++;
        }
        return i - at;
    }
}
