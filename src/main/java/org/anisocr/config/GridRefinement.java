package org.anisocr.config;

import org.anisocr.grid.SpatialGrid;

import java.math.BigDecimal;
import java.math.MathContext;


/** A model at another grid spacing dR = dz (grid studies, benchmarks): everything else as configured. */
public final class GridRefinement {
    private GridRefinement() {}

    /** The model with dR = dz = d kpc, named {@code <name>-d<d>}; d must divide Rmax and 2H into whole cells. */
    public static ModelConfig atSpacing(ModelConfig c, double d) {
        if (c.is3d()) {
            throw new ConfigException(c.name() + " is a 3D model: grid refinement is for 2D models; change [grid]"
                    + " dx_kpc and dz_kpc instead");
        }
        SpatialGrid g = c.grid();
        int cellsR = cells(g.rMaxKpc(), d, "r_max_kpc");
        int cellsZ = cells(2 * g.halfHeightKpc(), d, "2·half_height_kpc");
        SpatialGrid fine = new SpatialGrid(g.geometry(), g.rMaxKpc(), g.halfHeightKpc(), cellsR + 1, cellsZ + 1);
        return new ModelConfig(
                c.name() + "-d" + label(d),
                fine,
                c.momenta(),
                c.diffusion(),
                c.field(),
                c.source(),
                c.solver(),
                c.output(),
                c.text(),
                c.analysis(),
                c.gas(),
                c.convection(),
                c.losses(),
                null,
                c.sky());
    }

    private static int cells(double length, double d, String what) {
        if (!(d > 0) || !Double.isFinite(d)) {
            throw ConfigException.outOfRange("--levels", d, "spacings > 0 kpc");
        }
        double n = length / d;
        long rounded = Math.round(n);
        if (Math.abs(n - rounded) > 1e-6 * n || rounded < 2) {
            throw ConfigException.outOfRange(
                    "--levels", d, "spacings that divide " + what + " = " + length + " kpc into at least 2 cells");
        }
        if (rounded > 1_000_000) {
            throw ConfigException.outOfRange("--levels", d, "at most 10^6 cells along a direction");
        }
        return (int) rounded;
    }

    /** 0.0125 → "0.0125", 0.1 → "0.1" (6 significant digits, no trailing zeros). */
    public static String label(double d) {
        return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
