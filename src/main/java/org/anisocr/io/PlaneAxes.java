package org.anisocr.io;

import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.grid.SpatialGrid;

/**
 * The two linear axes of a map (kpc), as FITS (CTYPEn, CRVALn, CDELTn) and a plot (axis labels) name them. Values
 * of a map on these axes are stored first axis fastest: index j·nX + i.
 *
 * @param xType   FITS CTYPE1 ("R", "X", "Y")
 * @param xComment what the first axis is, for the FITS comment
 * @param xLabel  plot label of the first axis
 * @param x0Kpc   first node of the first axis
 * @param dxKpc   spacing of the first axis
 * @param nX      nodes along the first axis
 */
public record PlaneAxes(String xType, String xComment, String xLabel, double x0Kpc, double dxKpc, int nX,
                        String yType, String yComment, String yLabel, double y0Kpc, double dyKpc, int nY) {

    /** The (R, z) grid of a 2D model. */
    public static PlaneAxes of(SpatialGrid g) {
        return new PlaneAxes("R", "Galactocentric radius", "R [kpc]", g.r(0), g.dR(), g.nR(),
                "Z", "height above the plane", "z [kpc]", g.z(0), g.dz(), g.nZ());
    }

    /** The plane z = 0 of a 3D grid: (x, y). */
    public static PlaneAxes plane(CartesianGrid3D g) {
        return new PlaneAxes("X", "Galactocentric x (Sun at x < 0)", "x [kpc]", g.xKpc(0), g.dxKpc(), g.nX(),
                "Y", "Galactocentric y", "y [kpc]", g.yKpc(0), g.dyKpc(), g.nY());
    }

    /** The vertical slice y = 0 of a 3D grid: (x, z). */
    public static PlaneAxes sliceXz(CartesianGrid3D g) {
        return new PlaneAxes("X", "Galactocentric x (Sun at x < 0)", "x [kpc]", g.xKpc(0), g.dxKpc(), g.nX(),
                "Z", "height above the plane", "z [kpc]", g.zKpc(0), g.dzKpc(), g.nZ());
    }

    /** The vertical slice x = 0 of a 3D grid: (y, z). */
    public static PlaneAxes sliceYz(CartesianGrid3D g) {
        return new PlaneAxes("Y", "Galactocentric y", "y [kpc]", g.yKpc(0), g.dyKpc(), g.nY(),
                "Z", "height above the plane", "z [kpc]", g.zKpc(0), g.dzKpc(), g.nZ());
    }

    public int size() { return nX * nY; }
    public double x(int i) { return x0Kpc + i * dxKpc; }
    public double y(int j) { return y0Kpc + j * dyKpc; }
    public double xLast() { return x(nX - 1); }
    public double yLast() { return y(nY - 1); }
}
