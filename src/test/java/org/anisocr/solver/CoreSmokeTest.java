package org.anisocr.solver;

import org.anisocr.field.*;
import org.anisocr.grid.*;
import org.anisocr.operator.*;
import org.anisocr.source.*;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.steady.*;
import org.junit.jupiter.api.Test;

class CoreSmokeTest {
    @Test void p1() {
        for (int n : new int[]{31, 61, 121}) {
            SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, n, n);
            TransportProblem p = new TransportProblem(g, new MomentumGrid(1, 10, 2), new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
                    new GaussianBumpField(10, 1e-3, 2), new ManufacturedSource());
            long t0 = System.nanoTime();
            double[][] N = new DirectSteadySolver(p, 2).solve();
            long t1 = System.nanoTime();
            double num = 0, den = 0, mx = 0;
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) {
                double e = ManufacturedSource.exact(g, i, j); double d = N[0][g.index(i, j)] - e;
                num += d * d; den += e * e; mx = Math.max(mx, Math.abs(d));
            }
            System.out.printf("n=%d l2=%.3e max=%.3e res=%.2e t=%.2fs%n", n, Math.sqrt(num / den), mx,
                    DiscreteOperator.maxRelativeResidual(p, N), (t1 - t0) * 1e-9);
        }
    }

    @Test void ladder() {
        SpatialGrid g = new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 31, 31);
        TransportProblem p = new TransportProblem(g, new MomentumGrid(1, 10, 2), new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
                new UniformField(10, 0, 10), new ManufacturedSource());
        double[][] direct = new DirectSteadySolver(p, 2).solve();
        try (CpuSplitStepper s = new CpuSplitStepper(p, 2)) {
            System.out.println(MixedTermStability.check(p, 0.1) + " limit " + MixedTermStability.largestStableDt(p, 100));
            var o = DtLadder.run(s, new DtLadder.Settings(0.1, 0.1, 0.5, 100, 1e-10, 50, 200000), null);
            double[][] N = s.state();
            double mx = 0; for (int i = 0; i < N[0].length; i++) mx = Math.max(mx, Math.abs(N[0][i] - direct[0][i]));
            System.out.println(o + " res=" + DiscreteOperator.maxRelativeResidual(p, N) + " maxdiff vs direct " + mx);
        }
    }
}
