package org.anisocr.validation;

import org.anisocr.field.FieldVector3;
import org.anisocr.field.JanssonFarrar2012Field;
import org.anisocr.field.MagneticField3D;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JF12 regular field (Jansson &amp; Farrar 2012, ApJ 757, 14) against what can be checked from outside the code
 * ("jf12-field"). The paper prints its best-fit parameters (Table 1) and maps, but no field values at points, so:
 * <ul>
 *   <li>an independent public implementation: CRPropa's JF12Field at the points of
 *       /field/jf12-crpropa-reference.csv (provenance in its header: CRPropa commit db97df1), per component relative
 *       to |B|;</li>
 *   <li>the paper's construction (§5.1): in the spiral region B_R/B_φ = tan 11.5° (the arms' pitch angle);</li>
 *   <li>§5.1: b_8 is fixed by conservation of the magnetic flux, so the net flux through the circle R = 5 kpc
 *       (the inner edge of the arms, inside which the ring is purely azimuthal) vanishes: ∮ B_R dφ / ∮ |B_R| dφ,
 *       which with the rounded published b_j is Σ b_j ln(r_j/r_(j−1)) / Σ |b_j| ln(r_j/r_(j−1)) = −0.0046, not 0;</li>
 *   <li>the field is divergence-free where it is smooth (disk: B ∝ 1/R along logarithmic spirals with B_z = 0;
 *       X-field: built from flux conservation along straight field lines, §5.3; toroidal halo: azimuthal and
 *       independent of φ): |∇·B| · 1 kpc / |B| by fourth-order central differences (step 1e-3 kpc) at arm centres,
 *       away from the discontinuities (arm boundaries, R = 5 kpc, the 1 kpc sphere, the plane);</li>
 *   <li>§5.3: outside R_Xc the X-field lines have the constant elevation Θ_X0 = 49°.</li>
 * </ul>
 */
public final class Jf12FieldChecks {
    public static final String CRPROPA_RESOURCE = "/field/jf12-crpropa-reference.csv";
    static final double PITCH_DEG = 11.5;
    static final double X_ELEVATION_DEG = 49.0;
    /** Arm boundaries on the −x axis (JF12 Table 1, kpc) and the arms' b_j (µG). */
    static final double[] ARM_BOUNDARY_KPC = {5.1, 6.3, 7.1, 8.3, 9.8, 11.4, 12.7, 15.5};
    static final double[] ARM_B_MICRO_GAUSS = {0.1, 3.0, -0.9, -0.8, -2.0, -4.2, 0.0, 2.7};

    private Jf12FieldChecks() {}

    /** Largest |ours − CRPropa| / |B_CRPropa| over points and components, and the number of points. */
    public static double[] crpropa() {
        MagneticField3D jf12 = JanssonFarrar2012Field.jf12();
        double worst = 0;
        int count = 0;
        for (double[] row : readCrpropaReference(CRPROPA_RESOURCE)) {
            FieldVector3 ours = jf12.at(row[0], row[1], row[2]);
            double scale = Math.sqrt(row[3] * row[3] + row[4] * row[4] + row[5] * row[5]);
            double[] diff = {ours.bX() - row[3], ours.bY() - row[4], ours.bZ() - row[5]};
            for (double d : diff) {
                // where CRPropa's field is zero (inside the cuts) ours must be zero too: any difference fails
                worst = Math.max(worst, scale == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(d) / scale);
            }
            count++;
        }
        return new double[] {worst, count};
    }

    /**
     * Field values printed by CRPropa: rows {x, y, z (kpc), B_x, B_y, B_z (µG)} of a CSV resource on the class path
     * (comment lines start with #, the column header with x_kpc).
     */
    public static List<double[]> readCrpropaReference(String resource) {
        InputStream in = Jf12FieldChecks.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("x_kpc") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] row = new double[6];
                for (int c = 0; c < 6; c++) {
                    row[c] = Double.parseDouble(f[c]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A point at radius R on the spiral through the centre of arm j (its geometric mean radius on the −x axis). */
    static double[] armCentre(int arm, double rKpc, double zKpc) {
        double lower = arm == 0 ? ARM_BOUNDARY_KPC[7] * Math.exp(-2 * Math.PI * tanPitch()) : ARM_BOUNDARY_KPC[arm - 1];
        double centre = Math.sqrt(lower * ARM_BOUNDARY_KPC[arm]);
        // r_(−x) = R e^(−(φ − π) tan i) = centre
        double phi = Math.PI - Math.log(centre / rKpc) / tanPitch();
        return new double[] {rKpc * Math.cos(phi), rKpc * Math.sin(phi), zKpc};
    }

    private static double tanPitch() { return Math.tan(Math.toRadians(PITCH_DEG)); }

    /** Largest |atan(B_R/B_φ) − 11.5°| (degrees) of the disk alone over arm centres at R = 6, 8.5, 12, 16 kpc. */
    public static double pitchDeviationDeg() {
        MagneticField3D disk = new JanssonFarrar2012Field(true, false, false);
        double worst = 0;
        for (int arm = 0; arm < ARM_BOUNDARY_KPC.length; arm++) {
            if (ARM_B_MICRO_GAUSS[arm] == 0) {
                continue; // b_7 = 0: no direction
            }
            for (double r : new double[] {6, 8.5, 12, 16}) {
                double[] p = armCentre(arm, r, 0.1);
                FieldVector3 b = disk.at(p[0], p[1], p[2]);
                double c = p[0] / r;
                double s = p[1] / r;
                double angle = Math.toDegrees(Math.atan(b.radial(c, s) / b.azimuthal(c, s)));
                worst = Math.max(worst, Math.abs(angle - PITCH_DEG));
            }
        }
        return worst;
    }

    /** ∮ B_R dφ / ∮ |B_R| dφ just outside R = 5 kpc on the plane side z = 0.1 kpc (midpoint rule, 2e5 points). */
    public static double netFluxThroughRing() {
        MagneticField3D disk = new JanssonFarrar2012Field(true, false, false);
        int m = 200_000;
        double r = 5.0 + 1e-9;
        double net = 0;
        double abs = 0;
        for (int a = 0; a < m; a++) {
            double phi = -Math.PI + 2 * Math.PI * (a + 0.5) / m;
            double c = Math.cos(phi);
            double s = Math.sin(phi);
            double bR = disk.at(r * c, r * s, 0.1).radial(c, s);
            net += bR;
            abs += Math.abs(bR);
        }
        return net / abs;
    }

    /** The same ratio from the published numbers alone: Σ b_j ln(r_j/r_(j−1)) / Σ |b_j| ln(r_j/r_(j−1)). */
    public static double netFluxFromTable() {
        double net = 0;
        double abs = 0;
        double lower = ARM_BOUNDARY_KPC[7] * Math.exp(-2 * Math.PI * tanPitch());
        for (int arm = 0; arm < ARM_BOUNDARY_KPC.length; arm++) {
            double width = Math.log(ARM_BOUNDARY_KPC[arm] / lower);
            net += ARM_B_MICRO_GAUSS[arm] * width;
            abs += Math.abs(ARM_B_MICRO_GAUSS[arm]) * width;
            lower = ARM_BOUNDARY_KPC[arm];
        }
        return net / abs;
    }

    /** Largest |∇·B| · 1 kpc / |B| of the full field at arm centres, R = 6, 8.5, 12 kpc, z = 0.25, −0.6, 1.5 kpc. */
    public static double maxDivergence() {
        MagneticField3D jf12 = JanssonFarrar2012Field.jf12();
        double worst = 0;
        for (int arm = 0; arm < ARM_BOUNDARY_KPC.length; arm++) {
            for (double r : new double[] {6, 8.5, 12}) {
                for (double z : new double[] {0.25, -0.6, 1.5}) {
                    double[] p = armCentre(arm, r, z);
                    double m = jf12.at(p[0], p[1], p[2]).magnitude();
                    worst = Math.max(worst, Math.abs(divergence(jf12, p)) / m);
                }
            }
        }
        return worst;
    }

    static double divergence(MagneticField3D f, double[] p) {
        double h = 1e-3;
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            double[] d = new double[3];
            d[a] = h;
            double plus1 = component(f.at(p[0] + d[0], p[1] + d[1], p[2] + d[2]), a);
            double minus1 = component(f.at(p[0] - d[0], p[1] - d[1], p[2] - d[2]), a);
            double plus2 = component(f.at(p[0] + 2 * d[0], p[1] + 2 * d[1], p[2] + 2 * d[2]), a);
            double minus2 = component(f.at(p[0] - 2 * d[0], p[1] - 2 * d[1], p[2] - 2 * d[2]), a);
            sum += (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * h);
        }
        return sum;
    }

    private static double component(FieldVector3 b, int a) {
        return a == 0 ? b.bX() : a == 1 ? b.bY() : b.bZ();
    }

    /** Largest |elevation − 49°| (degrees) of the X-field alone outside R_Xc, at R = 8, 10, 14 kpc, z = ±0.5, ±2. */
    public static double xElevationDeviationDeg() {
        MagneticField3D x = new JanssonFarrar2012Field(false, false, true);
        double worst = 0;
        for (double r : new double[] {8, 10, 14}) {
            for (double z : new double[] {0.5, -0.5, 2, -2}) {
                double phi = 0.7 * r;
                FieldVector3 b = x.at(r * Math.cos(phi), r * Math.sin(phi), z);
                double bR = b.radial(Math.cos(phi), Math.sin(phi));
                double elevation = Math.toDegrees(Math.atan(Math.abs(b.bZ() / bR)));
                worst = Math.max(worst, Math.abs(elevation - X_ELEVATION_DEG));
            }
        }
        return worst;
    }
}
