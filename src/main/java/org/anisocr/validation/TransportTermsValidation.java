package org.anisocr.validation;

import org.anisocr.field.MagneticField;
import org.anisocr.field.UniformField;
import org.anisocr.gas.GasModel;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.Convection;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.EnergyLosses;
import org.anisocr.operator.FieldDirection;
import org.anisocr.operator.MomentumTransport;
import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.ProtonLosses;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.Source;
import org.anisocr.operator.SymmetricOperator;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.steady.SchemeSteadySolver;
import org.anisocr.solver.steady.SteadyMethod;
import org.anisocr.solver.steady.SteadySettings;
import org.anisocr.solver.steady.SteadySolver;

import java.util.Arrays;

/**
 * Exact checks of the wind and the energy losses ({@link MomentumTransport}; docs/validation.md "Wind and energy
 * losses"): a 1D slab with a constant wind against its closed form, losses alone against the solution of the
 * continuity equation in p, and the particle balance with both.
 */
public final class TransportTermsValidation {
    /** Slab: wind speed v0 (km/s), diffusion coefficient (kpc²/Myr) and half height (kpc): v0 H / D ≈ 1. */
    static final double SLAB_V0_KM_S = 20;
    static final double SLAB_D_KPC2_PER_MYR = 0.04;
    static final double SLAB_H_KPC = 2;

    private TransportTermsValidation() {}

    /** A source ∝ p^−α on the plane node only (a sheet q δ(z) p^−α, q = 1 per Myr per kpc²), or on every node. */
    record PowerLawSource(double alpha, boolean planeOnly) implements Source {
        @Override public double[] rate(FieldDirection d, double pGeV, double dPerp, double dAni) {
            SpatialGrid g = d.grid();
            double[] s = new double[g.size()];
            double q = Math.pow(pGeV, -alpha);
            for (int j = 0; j < g.nZ(); j++) {
                if (planeOnly && j != g.planeIndex()) {
                    continue;
                }
                for (int i = 0; i < g.nR(); i++) {
                    s[g.index(i, j)] = planeOnly ? q / g.dz() : q;
                }
            }
            return Source.clearBoundary(g, s);
        }

        @Override public String name() { return planeOnly ? "power-law sheet" : "uniform power law"; }
    }

    /** The result of one slab solve: the worst relative error over the compared bins and heights. */
    public record SlabError(int nZ, int bins, double alpha, double maxRelError) {}

    static SteadySolver exactSolver() {
        return new SteadySolver(SteadySettings.defaults(SteadyMethod.DIRECT), 1);
    }

    /**
     * The slab: Cartesian, the field along z (D_zz = D, D_xx = 10⁻⁸ D, so each column is one-dimensional), a wind
     * v = sign(z) v0, a sheet source q δ(z) p^−α, N = 0 at z = ±H. With D independent of p the exact solution is
     * N = p^−α (F/v0)(1 − e^{v0(|z|−H)/D}), F = q / (2 + (2/3)(α − 1)(1 − e^{−v0 H/D})): the flux F leaves each side,
     * and the adiabatic loss at the plane, (2 v0/3)(α − 1) N(0) δ(z), takes the rest. Compared on column x = 0, every
     * height, in the bins below p_max/100 (the top bin has no inflow from above; its deficit fades within ~2 e-folds
     * of p).
     */
    public static SlabError slab(int nZ, int bins, double alpha) {
        SpatialGrid g = new SpatialGrid(Geometry.CARTESIAN, 1, SLAB_H_KPC, 5, nZ);
        MomentumGrid p = new MomentumGrid(1, 1e4, bins);
        DiffusionTensor d = new DiffusionTensor(SLAB_D_KPC2_PER_MYR, 0, 0, 1e-8, 1);
        OperatorCoefficients c = new OperatorCoefficients(new FieldDirection(g, new UniformField(0, 0, 1)));
        MomentumTransport t = new MomentumTransport(g, p, new Convection(SLAB_V0_KM_S, 0), EnergyLosses.NONE, null);
        TransportProblem problem = new TransportProblem(p, d, c, new PowerLawSource(alpha, true), t);
        double[][] n = SchemeSteadySolver.solve(problem, Scheme.PAPER, exactSolver(), 1).density();
        double v0 = SLAB_V0_KM_S * Convection.KPC_PER_MYR_PER_KM_PER_S;
        double dd = SLAB_D_KPC2_PER_MYR;
        double h = SLAB_H_KPC;
        double flux = 1 / (2 + 2.0 / 3 * (alpha - 1) * (1 - Math.exp(-v0 * h / dd)));
        double worst = 0;
        for (int k = 0; k < bins && p.p(k) <= 100 * (1 + 1e-9); k++) {
            double scale = Math.pow(p.p(k), -alpha) * flux / v0;
            for (int j = 1; j < nZ - 1; j++) {
                double exact = scale * (1 - Math.exp(v0 * (Math.abs(g.z(j)) - h) / dd));
                double top = scale * (1 - Math.exp(-v0 * h / dd));
                worst = Math.max(worst, Math.abs(n[k][g.index(0, j)] - exact) / top);
            }
        }
        return new SlabError(nZ, bins, alpha, worst);
    }

    /** The result of one losses-only solve. */
    public record LossesError(int bins, double maxRelError) {}

    /**
     * Losses alone: ionisation, Coulomb and pion losses in GALPROP's gas at (R, z) = (8 kpc, 0), a uniform source
     * Q = p^−2.2 and diffusion too slow to matter (D = 10²⁰ cm²/s: escape takes ~10¹⁰ Myr, losses ~10² Myr). The
     * continuity equation ∂_p(ṗ N) = Q with nothing entering above p_t = p_K (the grid continued by one bin) gives
     * N(p) = (1/|ṗ(p)|) ∫_p^{p_t} Q dp' = (p^−1.2 − p_t^−1.2)/(1.2 |ṗ(p)|). Compared in every bin but the top one.
     */
    public static LossesError lossesOnly(int bins, GasModel gas) {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 16, 0.2, 5, 5);
        MomentumGrid p = new MomentumGrid(1, 100, bins);
        DiffusionTensor d = new DiffusionTensor(1e20 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR, 0, 0, 1, 1);
        OperatorCoefficients c = new OperatorCoefficients(new FieldDirection(g, new UniformField(0, 0, 1)));
        EnergyLosses all = new EnergyLosses(true, true, true, EnergyLosses.DEFAULT_ELECTRON_TEMPERATURE_K);
        MomentumTransport t = new MomentumTransport(g, p, Convection.NONE, all, gas);
        TransportProblem problem = new TransportProblem(p, d, c, new PowerLawSource(2.2, false), t);
        double[][] n = SchemeSteadySolver.solve(problem, Scheme.PAPER, exactSolver(), 1).density();
        int idx = g.index(g.radialIndex(8), g.planeIndex());
        double r = 8;
        double neutral = gas.hiPerCm3(r, 0) + 2 * gas.h2MoleculesPerCm3(r, 0);
        double electrons = gas.hiiPerCm3(r, 0);
        double pTop = p.p(bins - 1) * p.p(1) / p.p(0);
        double worst = 0;
        for (int k = 0; k < bins - 1; k++) {
            double pk = p.p(k);
            double rate = ProtonLosses.momentumLossGeVPerMyr(all, pk, neutral, electrons, neutral + electrons);
            double exact = (Math.pow(pk, -1.2) - Math.pow(pTop, -1.2)) / (1.2 * rate);
            worst = Math.max(worst, Math.abs(n[k][idx] - exact) / exact);
        }
        return new LossesError(bins, worst);
    }

    /** Injected, carried out and crossing p_min, all in particles per Myr, and the relative imbalance. */
    public record Balance(double injected, double diffusiveOut, double advectiveOut, double pMinOut,
                          double relativeImbalance, double residual) {}

    /**
     * Particle balance of the symmetric (conservative) scheme with a wind (v0 = 10 km/s, dv/dz = 10 km/s/kpc) and all
     * losses in GALPROP's gas, the realistic field on a 41×17 grid, 9 bins from 1 to 1000 GeV: what is injected,
     * Σ_k w_k Σ V S_k, leaves through the Dirichlet boundaries by diffusion and by the wind, or crosses p_min.
     */
    public static Balance balance(GasModel gas, MagneticField field) {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 41, 17);
        MomentumGrid p = new MomentumGrid(1, 1000, 9);
        DiffusionTensor d = new DiffusionTensor(1e28 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR, 0.3, 0.5, 0.1, 1);
        OperatorCoefficients c = new OperatorCoefficients(new FieldDirection(g, field));
        EnergyLosses all = new EnergyLosses(true, true, true, EnergyLosses.DEFAULT_ELECTRON_TEMPERATURE_K);
        MomentumTransport t = new MomentumTransport(g, p, new Convection(10, 10), all, gas);
        TransportProblem problem = new TransportProblem(p, d, c, new PowerLawSource(2.2, true), t);
        SteadySolver solver = new SteadySolver(SteadySettings.defaults(SteadyMethod.LU_GMRES).withTolerance(1e-12), 1);
        SteadySolver.Result r = SchemeSteadySolver.solve(problem, Scheme.SYMMETRIC, solver, 1);
        double[][] n = r.density();
        SymmetricOperator op = new SymmetricOperator(problem);
        double injected = 0;
        double diffusive = 0;
        double advective = 0;
        for (int k = 0; k < p.count(); k++) {
            injected += t.cellWidth(k) * op.injected(k);
            diffusive += t.cellWidth(k) * op.boundaryOutflux(k, n[k]);
            advective += t.cellWidth(k) * t.advectiveOutflux(n[k]);
        }
        double pMin = t.pMinOutflux(n[0]);
        double imbalance = (injected - diffusive - advective - pMin) / injected;
        return new Balance(injected, diffusive, advective, pMin, imbalance, r.residual());
    }

    /**
     * Whether the coupled path with a zero wind and no losses gives, bit for bit, the density of the independent-bin
     * path (exact banded LU per bin, the realistic field on a 41×17 grid, 7 bins): the terms add exact zeros. (That a
     * model without [convection] and [losses] never enters the coupled path is checked against the densities recorded
     * before the terms existed, in TransportTermsOffTest.)
     */
    public static boolean zeroTermsBitIdentical(MagneticField field) {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, 41, 17);
        MomentumGrid p = new MomentumGrid(1, 1000, 7);
        DiffusionTensor d = new DiffusionTensor(1e28 / DiffusionTensor.CM2_PER_S_PER_KPC2_PER_MYR, 0.3, 0.5, 0.01, 1);
        OperatorCoefficients c = new OperatorCoefficients(new FieldDirection(g, field));
        Source s = new PowerLawSource(2.2, true);
        MomentumTransport zero = new MomentumTransport(g, p, Convection.NONE, EnergyLosses.NONE, null);
        double[][] plain = SchemeSteadySolver.solve(new TransportProblem(p, d, c, s), Scheme.PAPER, exactSolver(), 1)
                .density();
        double[][] coupled = SchemeSteadySolver.solve(new TransportProblem(p, d, c, s, zero), Scheme.PAPER,
                exactSolver(), 1).density();
        return Arrays.deepEquals(plain, coupled);
    }

    /** Observed order between two errors on grids refined by {@code ratio}. */
    public static double order(double coarse, double fine, double ratio) {
        return Math.log(coarse / fine) / Math.log(ratio);
    }
}
