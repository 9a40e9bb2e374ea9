package org.anisocr.validation;

import java.util.ArrayList;
import java.util.List;

/** Errors on successively finer grids, with the observed order of accuracy between each grid and the previous. */
final class ObservedOrders {
    private ObservedOrders() {}

    /** One grid's spacing and relative errors, and the same result with the two observed orders attached. */
    interface GridErrors<T> {
        double h();

        double l2Rel();

        double maxRel();

        T withOrders(Double orderL2, Double orderMax);
    }

    /** The same list (coarse to fine) with the observed orders between each grid and the previous one. */
    static <T extends GridErrors<T>> List<T> withOrders(List<T> grids) {
        List<T> out = new ArrayList<>();
        for (T r : grids) {
            if (!out.isEmpty()) {
                T prev = out.get(out.size() - 1);
                r = r.withOrders(ErrorNorms.order(prev.l2Rel(), r.l2Rel(), prev.h(), r.h()),
                        ErrorNorms.order(prev.maxRel(), r.maxRel(), prev.h(), r.h()));
            }
            out.add(r);
        }
        return out;
    }
}
