package org.anisocr.bench;

import org.anisocr.config.ModelConfig;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.NinePointMatrix;
import org.anisocr.operator.SteadyOperator;
import org.anisocr.operator.TransportProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.config.GridRefinement;
import org.anisocr.solver.steady.FlexibleGmres;
import org.anisocr.solver.steady.MultigridPreconditioner;
import org.anisocr.solver.steady.SchemeSteadySolver;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The anisocr side of the per-bin comparison with PETSc (does an external solver beat ours on one large bin?)
 * (bench/highres.sh, bench/HIGHRES.md):
 * writes A = −L_k (the unknowns only: i = 0..NR−2, j = 1..Nz−2, numbered j-major as the node layout) and b = S_k of
 * the chosen bins in PETSc's binary format (big-endian: Mat class id 1211216, rows, cols, nnz, row lengths,
 * column indices, values; Vec class id 1211214, n, values), and times anisocr's mg-gmres on each of them from a
 * cold start on one thread (hierarchy setup + GMRES to the tolerance), the unit that PETSc's per-bin solve is
 * compared with. Prints one JSON object.
 * <pre>java -cp anisocr.jar org.anisocr.bench.OperatorExport CONFIG SPACING_KPC BINS(0,16,32) OUTDIR [TOLERANCE]</pre>
 */
public final class OperatorExport {
    private OperatorExport() {}

    public static void main(String[] args) throws IOException {
        ModelConfig c = GridRefinement.atSpacing(ModelConfig.load(Path.of(args[0])), Double.parseDouble(args[1]));
        List<Integer> bins = Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList();
        Path out = Path.of(args[3]);
        double tol = args.length > 4 ? Double.parseDouble(args[4]) : 1e-10;
        Files.createDirectories(out);
        TransportProblem p = new TransportProblem(c.grid(), c.momenta(), c.diffusion(), c.field(), c.source());
        SteadyOperator op = SchemeSteadySolver.operator(p, c.solver().scheme());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("grid", p.grid().nR() + "x" + p.grid().nZ());
        json.put("unknowns", (long) (p.grid().nR() - 1) * (p.grid().nZ() - 2));
        json.put("scheme", op.scheme());
        json.put("tolerance", tol);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k : bins) {
            NinePointMatrix m = op.matrix(k);
            writeMatrix(m, out.resolve("A-" + k + ".petsc"));
            writeVector(p.grid(), op.source(k), out.resolve("b-" + k + ".petsc"));
            double best = Double.POSITIVE_INFINITY;
            FlexibleGmres.Outcome o = null;
            for (int rep = 0; rep < 2; rep++) { // best of two (the first includes JIT warm-up)
                long t0 = System.nanoTime();
                MultigridPreconditioner mg = new MultigridPreconditioner(m, 2);
                double[] x = new double[p.grid().size()];
                o = new FlexibleGmres(40).solve(m, op.source(k), x, mg, tol, 1000);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("bin", k);
            r.put("anisotropy_ratio", op.anisotropyRatio(k));
            r.put("mg_gmres_seconds_1_thread_cold", best);
            r.put("mg_gmres_iterations", o.iterations());
            r.put("mg_gmres_relative_residual", o.relativeResidual());
            rows.add(r);
        }
        json.put("bins", rows);
        System.out.println(new ObjectMapper().writeValueAsString(json));
    }

    private static int unknown(SpatialGrid g, int i, int j) {
        if (i < 0 || i > g.nR() - 2 || j < 1 || j > g.nZ() - 2) {
            return -1;
        }
        return (j - 1) * (g.nR() - 1) + i;
    }

    static void writeMatrix(NinePointMatrix m, Path file) throws IOException {
        SpatialGrid g = m.grid();
        int rows = (g.nR() - 1) * (g.nZ() - 2);
        int[] len = new int[rows];
        int nnz = 0;
        for (int pass = 0; pass < 2; pass++) {
            try (DataOutputStream o = pass == 0
                    ? null
                    : new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
                if (pass == 1) {
                    o.writeInt(1211216);
                    o.writeInt(rows);
                    o.writeInt(rows);
                    o.writeInt(nnz);
                    for (int l : len) {
                        o.writeInt(l);
                    }
                }
                for (int phase = pass == 0 ? 0 : 1; phase <= (pass == 0 ? 0 : 2); phase++) {
                    for (int j = 1; j <= g.nZ() - 2; j++) {
                        for (int i = 0; i <= g.nR() - 2; i++) {
                            int row = unknown(g, i, j);
                            for (int b = -1; b <= 1; b++) {
                                for (int a = -1; a <= 1; a++) {
                                    int col = unknown(g, i + a, j + b);
                                    if (col < 0) {
                                        continue;
                                    }
                                    double v = m.get(a, b, g.index(i, j));
                                    if (v == 0 && !(a == 0 && b == 0)) {
                                        continue;
                                    }
                                    if (pass == 0) {
                                        len[row]++;
                                        nnz++;
                                    } else if (phase == 1) {
                                        o.writeInt(col); // A = −L
                                    } else {
                                        o.writeDouble(-v); // A = −L
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static void writeVector(SpatialGrid g, double[] s, Path file) throws IOException {
        int rows = (g.nR() - 1) * (g.nZ() - 2);
        try (DataOutputStream o =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            o.writeInt(1211214);
            o.writeInt(rows);
            for (int j = 1; j <= g.nZ() - 2; j++) {
                for (int i = 0; i <= g.nR() - 2; i++) {
                    o.writeDouble(s[g.index(i, j)]);
                }
            }
        }
    }
}
