package org.anisocr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.anisocr.grid.CartesianGrid3D;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.SymmetricOperator3D;
import org.anisocr.solver.steady3d.Steady3DResult;
import org.anisocr.solver.steady3d.Steady3DSettings;
import org.anisocr.solver.steady3d.SteadySolver3D;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anisocr side of the per-bin 3D comparison with PETSc + hypre (bench/highres3d.sh): for the model
 * ({@link Steady3DBench.Options#realistic}: JF12, δ∥ = 0.3, δ⊥ = 0.7, 33 momenta) at one spacing and εD, writes
 * A = −L (the free nodes only, numbered in node order) and b = S of the chosen bins in PETSc's binary format
 * (big-endian: Mat class id 1211216, rows, cols, nnz, row lengths, column indices, values; Vec class id 1211214,
 * n, values), and times anisocr on each bin from a cold start on one thread: the hierarchy (once per model, given
 * apart) and the bin's solve to the tolerance. Prints one JSON object.
 * <pre>java -cp anisocr.jar org.anisocr.bench.OperatorExport3D SPACING_KPC EPS_D BINS(0,16,32) OUTDIR [TOLERANCE]</pre>
 * The script's other half, the whole run of every bin ({@link Steady3DBench}, its result as JSON):
 * <pre>java -cp anisocr.jar org.anisocr.bench.OperatorExport3D run SPACING_KPC EPS_D BIN_THREADS</pre>
 */
public final class OperatorExport3D {
    private OperatorExport3D() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("run")) {
            Steady3DBench.Options o = Steady3DBench.Options.realistic(Double.parseDouble(args[1]),
                    Double.parseDouble(args[2]), Steady3DSettings.defaults());
            Steady3DBench.Result r = Steady3DBench.run(o.withBins(null, true, Integer.parseInt(args[3])));
            System.out.println(new ObjectMapper().writeValueAsString(r));
            return;
        }
        double spacing = Double.parseDouble(args[0]);
        double epsD = Double.parseDouble(args[1]);
        List<Integer> bins = Arrays.stream(args[2].split(",")).map(Integer::parseInt).toList();
        Path out = Path.of(args[3]);
        double tol = args.length > 4 ? Double.parseDouble(args[4]) : 1e-10;
        Files.createDirectories(out);
        Steady3DSettings settings = new Steady3DSettings(tol, 4000);
        Steady3DBench.Options o = Steady3DBench.Options.realistic(spacing, epsD, settings);
        CartesianGrid3D grid = o.grid();
        long t0 = System.nanoTime();
        SymmetricOperator3D operator = new SymmetricOperator3D(grid, o.field().build());
        SteadySolver3D solver = new SteadySolver3D(operator, settings);
        solver.levels(); // the hierarchy, once per model
        double setup = (System.nanoTime() - t0) / 1e9;
        int[] free = freeNumbering(grid);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("grid", grid.nX() + "x" + grid.nY() + "x" + grid.nZ());
        json.put("unknowns", Arrays.stream(free).filter(f -> f >= 0).count());
        json.put("eps_D", epsD);
        json.put("tolerance", tol);
        json.put("anisocr_setup_seconds_once_per_model", setup);
        double[] spatial = Steady3DBench.pulsarSource(grid);
        DiffusionTensor d = Steady3DBench.diffusion(o);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k : bins) {
            double p = Steady3DBench.momentum(o.momenta(), k);
            double[] source = Steady3DBench.source(spatial, p);
            double[] stencil = operator.stencil27(d.parallel(p), d.perpendicular(p));
            writeMatrix(grid, stencil, free, out.resolve("A-" + k + ".petsc"));
            writeVector(source, free, out.resolve("b-" + k + ".petsc"));
            double best = Double.POSITIVE_INFINITY;
            Steady3DResult r = null;
            for (int rep = 0; rep < 2; rep++) { // best of two (the first includes JIT warm-up)
                long t1 = System.nanoTime();
                r = solver.solve(d.parallel(p), d.perpendicular(p), source, null);
                best = Math.min(best, (System.nanoTime() - t1) / 1e9);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bin", k);
            row.put("p_GeV", p);
            row.put("anisocr_mg_cg_seconds_1_thread_cold", best);
            row.put("anisocr_mg_cg_iterations", r.iterations());
            row.put("anisocr_mg_cg_relative_residual", r.relativeResidual());
            rows.add(row);
        }
        json.put("bins", rows);
        System.out.println(new ObjectMapper().writeValueAsString(json));
    }

    /** Row number of every free node in node order, −1 at Dirichlet nodes. */
    static int[] freeNumbering(CartesianGrid3D g) {
        int[] free = new int[g.size()];
        int next = 0;
        for (int k = 0; k < g.nZ(); k++) {
            for (int j = 0; j < g.nY(); j++) {
                for (int i = 0; i < g.nX(); i++) {
                    free[g.index(i, j, k)] = g.isDirichlet(i, j, k) ? -1 : next++;
                }
            }
        }
        return free;
    }

    /** A = −L on the free nodes, from L's 27-point coefficients c[s·n + p]. */
    static void writeMatrix(CartesianGrid3D g, double[] c, int[] free, Path file) throws IOException {
        int n = g.size();
        int[] offsets = new int[27];
        for (int s = 0; s < 27; s++) {
            offsets[s] = (s % 3 - 1) + ((s / 3) % 3 - 1) * g.nX() + (s / 9 - 1) * g.nX() * g.nY();
        }
        int rows = 0;
        long nnz = 0;
        List<Integer> lengths = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (free[p] >= 0) {
                int len = 0;
                for (int s = 0; s < 27; s++) {
                    if (c[s * n + p] != 0 || s == 13) {
                        len++;
                    }
                }
                lengths.add(len);
                nnz += len;
                rows++;
            }
        }
        try (DataOutputStream o = open(file)) {
            o.writeInt(1211216);
            o.writeInt(rows);
            o.writeInt(rows);
            o.writeInt(Math.toIntExact(nnz));
            for (int len : lengths) {
                o.writeInt(len);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < n; p++) {
                    if (free[p] < 0) {
                        continue;
                    }
                    for (int s = 0; s < 27; s++) { // s increasing: columns in increasing node order
                        if (c[s * n + p] != 0 || s == 13) {
                            if (pass == 0) {
                                o.writeInt(free[p + offsets[s]]);
                            } else {
                                o.writeDouble(-c[s * n + p]); // A = −L
                            }
                        }
                    }
                }
            }
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
    }

    static void writeVector(double[] s, int[] free, Path file) throws IOException {
        int rows = (int) Arrays.stream(free).filter(f -> f >= 0).count();
        try (DataOutputStream o = open(file)) {
            o.writeInt(1211214);
            o.writeInt(rows);
            for (int p = 0; p < s.length; p++) {
                if (free[p] >= 0) {
                    o.writeDouble(s[p]);
                }
            }
        }
    }
}
