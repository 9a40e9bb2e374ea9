package org.anisocr.io;

import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;

import java.util.Map;

/** Header cards a caller adds to a FITS file: numbers and booleans keep their type, anything else is a string. */
final class FitsCards {
    private FitsCards() { }

    static void addAll(Header h, Map<String, Object> cards) throws HeaderCardException {
        for (var e : cards.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number n) {
                h.addValue(e.getKey(), n, "");
            } else if (v instanceof Boolean b) {
                h.addValue(e.getKey(), b, "");
            } else {
                h.addValue(e.getKey(), String.valueOf(v), "");
            }
        }
    }
}
