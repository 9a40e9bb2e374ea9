package org.anisocr.analysis;

import org.anisocr.field.FieldVector;
import org.anisocr.field.MagneticField;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.MapFits;
import org.anisocr.io.MapImage;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.FieldDirection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code anisocr field} writes (docs/physics.md §6, Fig. 3): the field b = B/|B| on the grid, |B|, and the tensor
 * components D_RR, D_zz, D_Rz at a reference momentum, as {@code field.fits} plus PNG maps. The tensor comes from
 * {@link FieldDirection}, the same object the solver uses, so the maps show exactly what is solved.
 */
public final class FieldMaps {
    private FieldMaps() {}

    /**
     * Fig. 3 style: colour = in-plane fraction |b_pol| = sqrt(b_R² + b_z²) of the unit vector (small where B_φ
     * dominates, so transport in (R, z) is nearly isotropic), arrows = direction (b_R, b_z).
     */
    public static void directionMap(SpatialGrid grid, MagneticField field, Path png) throws IOException {
        Poloidal u = Poloidal.of(grid, field);
        double[] pol = new double[grid.size()];
        for (int idx = 0; idx < pol.length; idx++) {
            pol[idx] = Math.hypot(u.bR()[idx], u.bZ()[idx]);
        }
        MapImage.write(
                png,
                grid,
                pol,
                "Field direction (" + field.name() + "): arrows (b_R, b_z), colour sqrt(b_R² + b_z²)",
                "in-plane fraction of b = B/|B|",
                false,
                u.arrows(grid));
    }

    /**
     * The paper's Fig. 1: the field in the (R, z) plane (axisymmetric, so the azimuthal average is the field itself).
     * Colour = b_z = B_z/|B|, the vertical share of the unit vector that sets the parallel escape; arrows = (b_R, b_z).
     */
    public static void verticalComponentMap(SpatialGrid grid, MagneticField field, Path png, String title)
            throws IOException {
        Poloidal u = Poloidal.of(grid, field);
        MapImage.write(png, grid, u.bZ(), title, "b_z = B_z/|B|", false, u.arrows(grid));
    }

    /** b_R and b_z of the unit vector b = B/|B| at every node (0 where |B| = 0); grid-sized arrays, shared, not
     *  copied: built by {@link #of} and only read by this class's map writers. */
    private record Poloidal(double[] bR, double[] bZ) {
        static Poloidal of(SpatialGrid grid, MagneticField field) {
            double[] bR = new double[grid.size()];
            double[] bZ = new double[grid.size()];
            for (int j = 0; j < grid.nZ(); j++) {
                for (int i = 0; i < grid.nR(); i++) {
                    int idx = grid.index(i, j);
                    FieldVector b = field.at(grid.r(i), grid.z(j));
                    double m = b.magnitude();
                    if (m > 0) {
                        bR[idx] = b.bR() / m;
                        bZ[idx] = b.bZ() / m;
                    }
                }
            }
            return new Poloidal(bR, bZ);
        }

        /** About 25 × 12 arrows over the map. */
        MapImage.Arrows arrows(SpatialGrid grid) {
            return new MapImage.Arrows(bR, bZ, Math.max(1, grid.nR() / 25), Math.max(1, grid.nZ() / 12));
        }
    }

    public static void writeAll(
            SpatialGrid grid, MagneticField field, DiffusionTensor tensor, double pRefGeV, Path outDir)
            throws IOException {
        int n = grid.size();
        double[] bR = new double[n];
        double[] bPhi = new double[n];
        double[] bZ = new double[n];
        double[] mag = new double[n];
        for (int j = 0; j < grid.nZ(); j++) {
            for (int i = 0; i < grid.nR(); i++) {
                int idx = grid.index(i, j);
                FieldVector b = field.at(grid.r(i), grid.z(j));
                double m = b.magnitude();
                mag[idx] = m;
                if (m > 0) {
                    bR[idx] = b.bR() / m;
                    bPhi[idx] = b.bPhi() / m;
                    bZ[idx] = b.bZ() / m;
                }
            }
        }
        FieldDirection dir = new FieldDirection(grid, field);
        double dPerp = tensor.perpendicular(pRefGeV);
        double dAni = tensor.anisotropic(pRefGeV);
        double[] dRR = new double[n];
        double[] dZZ = new double[n];
        double[] dRZ = new double[n];
        for (int idx = 0; idx < n; idx++) {
            dRR[idx] = dir.dRR(idx, dPerp, dAni);
            dZZ[idx] = dir.dZZ(idx, dPerp, dAni);
            dRZ[idx] = dir.dRZ(idx, dPerp, dAni);
        }
        List<MapFits.Plane> planes = new ArrayList<>(List.of(
                new MapFits.Plane("b_R", "1", bR),
                new MapFits.Plane("b_phi", "1", bPhi),
                new MapFits.Plane("b_z", "1", bZ),
                new MapFits.Plane("|B|", "uG", mag),
                new MapFits.Plane("D_RR", "kpc2/Myr", dRR),
                new MapFits.Plane("D_zz", "kpc2/Myr", dZZ),
                new MapFits.Plane("D_Rz", "kpc2/Myr", dRZ)));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("FIELD", field.name());
        header.put("P_REF", pRefGeV);
        header.put("EPS_D", tensor.epsD());
        header.put("DELTAPAR", tensor.deltaPar());
        header.put("DELTAPRP", tensor.deltaPerp());
        MapFits.write(outDir.resolve("field.fits"), grid, planes, header);

        directionMap(grid, field, outDir.resolve("field.png"));
        MapImage.write(outDir.resolve("field_B.png"), grid, mag, "|B| (" + field.name() + ")", "|B| [µG]", false, null);
        String p = ModelAnalysis.momentumLabel(pRefGeV) + " GeV";
        MapImage.write(outDir.resolve("field_D_RR.png"), grid, dRR, "D_RR at p = " + p, "D_RR [kpc²/Myr]", false, null);
        MapImage.write(outDir.resolve("field_D_zz.png"), grid, dZZ, "D_zz at p = " + p, "D_zz [kpc²/Myr]", false, null);
        MapImage.write(outDir.resolve("field_D_Rz.png"), grid, dRZ, "D_Rz at p = " + p, "D_Rz [kpc²/Myr]", false, null);
    }
}
