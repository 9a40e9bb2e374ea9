package org.anisocr.source;

import org.anisocr.operator.Source;
import org.anisocr.operator.FieldDirection;

/** S = 0: the solution must stay exactly zero (a check of §5). */
public record NoSource() implements Source {
    public static final String MODEL = "none";

    @Override public double[] rate(FieldDirection direction, double pGeV, double dPerp, double dAni) {
        return new double[direction.grid().size()];
    }

    @Override public String name() { return MODEL; }
}
