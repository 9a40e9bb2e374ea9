package org.anisocr.field;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field values printed by CRPropa (src/test/resources/field/*-crpropa-reference.csv, provenance in each file's
 * header), and the comparison the 3D field tests share: per component, relative to |B| at the point.
 */
final class CrpropaReference {

    /** One reference point: position in kpc, field in µG (CRPropa's frame, which is ours). */
    record Point(double xKpc, double yKpc, double zKpc, FieldVector3 bMicroGauss) { }

    private CrpropaReference() { }

    static List<Point> read(String resource) throws IOException {
        List<Point> points = new ArrayList<>();
        InputStream in = CrpropaReference.class.getResourceAsStream(resource);
        assertNotNull(in, resource);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("x_kpc") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                points.add(new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        new FieldVector3(Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                                Double.parseDouble(f[5]))));
            }
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
