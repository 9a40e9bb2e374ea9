package org.anisocr.solver.steady;

import org.anisocr.config.ConfigException;
import org.anisocr.config.Mode;
import org.anisocr.config.ModelConfig;
import org.anisocr.field.MagneticField;
import org.anisocr.field.ToyField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.*;
import org.anisocr.operator.XStandInField;
import org.anisocr.run.ModelRunner;
import org.anisocr.run.RunResult;
import org.anisocr.source.PulsarSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fast steady solvers reach the direct solver's fixed point (≤ 1e-8 relative in max norm) for the paper's
 * and the symmetric operator; the 9-point form of the paper's operator is the operator the rest of the code uses.
 */
class SteadySolverTest {

    /** Rmax = 20 kpc, H = 4 kpc, pulsar source, 5 bins from 1 GeV to 10 TeV. */
    static TransportProblem galaxy(MagneticField f, double epsD, int nR, int nZ) {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, nR, nZ);
        DiffusionTensor t = new DiffusionTensor(0.033143, 0.3, 0.5, epsD, 1);
        return new TransportProblem(g, new MomentumGrid(1, 1e4, 5), t, f, new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1));
    }

    static final MagneticField X = new XStandInField(4.6, 49, 1.0);

    @Test void ninePointFormIsThePapersOperator() {
        TransportProblem p = galaxy(X, 0.01, 41, 21);
        SpatialGrid g = p.grid();
        Random rnd = new Random(3);
        double[] n = new double[g.size()];
        double[] a = new double[g.size()];
        double[] b = new double[g.size()];
        for (int j = 1; j < g.nZ() - 1; j++) {
            for (int i = 0; i < g.nR() - 1; i++) {
                n[g.index(i, j)] = rnd.nextGaussian();
            }
        }
        for (int k = 0; k < p.bins(); k++) {
            DiscreteOperator.apply(p, k, n, a);
            new PaperSteadyOperator(p).matrix(k).apply(n, b);
            double d = 0;
            double m = 0;
            for (int q = 0; q < a.length; q++) {
                d = Math.max(d, Math.abs(a[q] - b[q]));
                m = Math.max(m, Math.abs(a[q]));
            }
            assertEquals(0, d / m, 1e-14, "bin " + k);
        }
    }

    private static void sameFixedPoint(SteadyOperator op, SteadyMethod method) {
        double[][] direct = new SteadySolver(SteadySettings.defaults(SteadyMethod.DIRECT), 2).solve(op, null).density();
        SteadySolver.Result r =
                new SteadySolver(SteadySettings.defaults(method).withTolerance(1e-12), 2).solve(op, null);
        double diff = 0;
        for (int k = 0; k < direct.length; k++) {
            double d = 0;
            double m = 0;
            for (int q = 0; q < direct[k].length; q++) {
                d = Math.max(d, Math.abs(r.density()[k][q] - direct[k][q]));
                m = Math.max(m, Math.abs(direct[k][q]));
            }
            diff = Math.max(diff, d / m);
        }
        System.out.printf("%s %s: sweeps max %d, total %d, LU %d, residual %.2e, max rel diff vs direct %.2e%n",
                op.scheme(), method, r.sweepsMax(), r.sweepsTotal(), r.factorisations(), r.residual(), diff);
        assertTrue(r.converged(), "converged");
        assertTrue(diff <= 1e-8, method + " vs direct " + diff);
        assertEquals(
                r.residual(),
                SchemeSteadySolver.maxRelativeResidual(op, r.density()),
                1e-15,
                "reported residual is the true one");
    }

    @Test void luGmresMatchesDirectOnPaperOperatorAtExtremeAnisotropy() {
        sameFixedPoint(new PaperSteadyOperator(galaxy(X, 0.001, 81, 33)), SteadyMethod.LU_GMRES);
    }

    @Test void luGmresMatchesDirectOnSymmetricOperator() {
        sameFixedPoint(new SymmetricOperator(galaxy(X, 0.01, 81, 33)), SteadyMethod.LU_GMRES);
    }

    @Test void adiGmresMatchesDirectOnToyField() {
        sameFixedPoint(
                new PaperSteadyOperator(galaxy(new ToyField(1, 3.5, 0.5), 0.01, 81, 33)), SteadyMethod.ADI_GMRES);
    }

    @Test void adiGmresMatchesDirectOnXFieldModerateAnisotropy() {
        sameFixedPoint(new PaperSteadyOperator(galaxy(X, 0.1, 81, 33)), SteadyMethod.ADI_GMRES);
        sameFixedPoint(new SymmetricOperator(galaxy(X, 0.1, 81, 33)), SteadyMethod.ADI_GMRES);
    }

    static final String MODEL = """
        [grid]
        r_max_kpc = 20.0
        half_height_kpc = 4.0
        n_r = 61
        n_z = 25
        [momentum]
        p_min_GeV = 1.0
        p_max_GeV = 1000.0
        count = 7
        [diffusion]
        eps_D = 0.01
        [field]
        model = "uniform"
        b_r_uG = 1.0
        b_z_uG = 1.0
        [source]
        model = "pulsar"
        [solver]
        mode = "steady"
        scheme = "%s"
        """;

    @Test void steadyModeRunsEveryScheme() {
        for (String scheme : new String[]{"paper", "symmetric", "symmetric-limited"}) {
            ModelConfig c = ModelConfig.parse("m", MODEL.formatted(scheme));
            RunResult r = ModelRunner.run(c, 2, null);
            System.out.printf(
                    "steady mode, scheme %s: residual %.2e, sweeps %d, details %s%n",
                    scheme, r.residual(), r.steps(), r.details());
            assertEquals(Mode.STEADY, r.mode());
            assertTrue(r.steps() > 0);
            if (!scheme.equals("symmetric-limited")) {
                assertTrue(r.converged());
                assertTrue(r.residual() <= 1e-10, "residual " + r.residual());
            }
        }
    }

    @Test void nonPaperSchemesNeedASteadyMode() {
        String text = MODEL.formatted("symmetric").replace("mode = \"steady\"", "mode = \"ladder\"");
        String msg = assertThrows(ConfigException.class, () -> ModelConfig.parse("m", text)).getMessage();
        assertTrue(msg.contains("solver.scheme"), msg);
    }
}
