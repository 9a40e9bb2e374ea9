package org.anisocr.operator;

import static org.anisocr.operator.Stencil.*;

/**
 * The stencil of one momentum bin: each coefficient is D⊥·iso + (D∥ − D⊥)·ani, combined on demand
 * (no per-bin copy of the tables). Sign convention as in {@link Stencil}: centres are positive and enter with a minus.
 */
public final class BinStencil {
    private final double dPerp;
    private final double dAni;
    private final double[] rLo;
    private final double[] rLoA;
    private final double[] rCe;
    private final double[] rCeA;
    private final double[] rUp;
    private final double[] rUpA;
    private final double[] zLo;
    private final double[] zLoA;
    private final double[] zCe;
    private final double[] zCeA;
    private final double[] zUp;
    private final double[] zUpA;
    private final double[] mx;
    private final double[] mxA;

    public BinStencil(TransportProblem problem, int k) {
        this(problem.coefficients(), problem.dPerp(k), problem.dAni(k));
    }

    public BinStencil(OperatorCoefficients c, double dPerp, double dAni) {
        this.dPerp = dPerp;
        this.dAni = dAni;
        double[][] i = c.isotropicTable();
        double[][] a = c.anisotropicTable();
        rLo = i[R_LOWER.ordinal()]; rLoA = a[R_LOWER.ordinal()];
        rCe = i[R_CENTRE.ordinal()]; rCeA = a[R_CENTRE.ordinal()];
        rUp = i[R_UPPER.ordinal()]; rUpA = a[R_UPPER.ordinal()];
        zLo = i[Z_LOWER.ordinal()]; zLoA = a[Z_LOWER.ordinal()];
        zCe = i[Z_CENTRE.ordinal()]; zCeA = a[Z_CENTRE.ordinal()];
        zUp = i[Z_UPPER.ordinal()]; zUpA = a[Z_UPPER.ordinal()];
        mx = i[MIXED.ordinal()]; mxA = a[MIXED.ordinal()];
    }

    public double rLower(int idx) { return dPerp * rLo[idx] + dAni * rLoA[idx]; }
    public double rCentre(int idx) { return dPerp * rCe[idx] + dAni * rCeA[idx]; }
    public double rUpper(int idx) { return dPerp * rUp[idx] + dAni * rUpA[idx]; }
    public double zLower(int idx) { return dPerp * zLo[idx] + dAni * zLoA[idx]; }
    public double zCentre(int idx) { return dPerp * zCe[idx] + dAni * zCeA[idx]; }
    public double zUpper(int idx) { return dPerp * zUp[idx] + dAni * zUpA[idx]; }
    public double mixed(int idx) { return dPerp * mx[idx] + dAni * mxA[idx]; }
}
