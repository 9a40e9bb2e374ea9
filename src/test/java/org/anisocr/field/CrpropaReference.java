package org.anisocr.field;

import org.anisocr.validation.Jf12FieldChecks;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field values printed by CRPropa (src/test/resources/field/*-crpropa-reference.csv, provenance in each file's
 * header), and the comparison the 3D field tests share: per component, relative to |B| at the point.
 */
final class CrpropaReference {

    /** One reference point: position in kpc, field in µG (CRPropa's frame, which is ours). */
    record Point(double xKpc, double yKpc, double zKpc, FieldVector3 bMicroGauss) { }

    private CrpropaReference() { }

    static List<Point> read(String resource) {
        List<Point> points = new ArrayList<>();
        for (double[] row : Jf12FieldChecks.readCrpropaReference(resource)) {
            points.add(new Point(row[0], row[1], row[2], new FieldVector3(row[3], row[4], row[5])));
        }
        return points;
    }

    /**
     * Largest |ours − CRPropa| over components and points, each divided by CRPropa's |B| there; a point where
     * CRPropa's field is zero (inside JF12's cuts) must be zero in ours as well, to 1e-15 µG.
     */
    static double maxRelativeDifference(MagneticField3D field, List<Point> points) {
        double worst = 0;
        for (Point p : points) {
            FieldVector3 ours = field.at(p.xKpc(), p.yKpc(), p.zKpc());
            FieldVector3 ref = p.bMicroGauss();
            double scale = ref.magnitude();
            double[] diff = {ours.bX() - ref.bX(), ours.bY() - ref.bY(), ours.bZ() - ref.bZ()};
            for (double d : diff) {
                if (scale == 0) {
                    assertTrue(Math.abs(d) <= 1e-15, "nonzero field where CRPropa's is zero at " + p);
                } else {
                    worst = Math.max(worst, Math.abs(d) / scale);
                }
            }
        }
        return worst;
    }
}
