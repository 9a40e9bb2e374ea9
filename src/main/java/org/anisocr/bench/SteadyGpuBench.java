package org.anisocr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anisocr.field.RealisticField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.SolverTuning.SteadyKernel;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuSteadySolver;
import org.anisocr.solver.steady.DirectSteadySolver;
import org.anisocr.source.PulsarSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GPU targets of the steady solve: the steady solve ({@link GpuSteadySolver}, exact banded LU on the device) of
 * the realistic
 * model, 201×81 grid, 33 momenta, for one model (target ≤ 0.1 s on one H100) and for a 64-model family (≤ 1 s).
 * Usage (on the GPU machine, see bench/run-on-device.sh):
 * <pre>java -cp anisocr.jar org.anisocr.bench.SteadyGpuBench [--grid 201x81] [--momenta 33] [--models 1,64] [--reps 3] [--no-reference] --out FILE</pre>
 * Per case: wall_seconds = the whole {@code solve} call (uploads, all kernels, device residual, download), best of
 * --reps after one warm-up; device_seconds = launch of the first kernel to the end of the residual (host-timed
 * across a stream synchronisation); for the first case also the agreement with the Java direct solve
 * (max rel. diff over bins) and that solve's time on this machine's CPU, unless --no-reference (the device script
 * times the 64-model family apart from the one-model case, whose reference it already has).
 */
public final class SteadyGpuBench {
    public static List<TransportProblem> family(int nR, int nZ, int momenta, int models) {
        SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, nR, nZ);
        MomentumGrid p = new MomentumGrid(1, 1e4, momenta);
        RealisticField field = RealisticField.standard();
        double[] epsD = {0.01, 0.1, 0.03, 0.001};
        double[] dPerp = {0.5, 0.6, 0.7, 0.55};
        List<TransportProblem> out = new ArrayList<>();
        for (int m = 0; m < models; m++)
            out.add(new TransportProblem(grid, p, new DiffusionTensor(0.033143, 0.3, dPerp[(m / 4) % 4], epsD[m % 4], 1), field,
                    new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1)));
        return out;
    }

    public static void main(String[] args) throws Exception {
        int nR = 201, nZ = 81, momenta = 33, reps = 3;
        String modelsArg = "1,64";
        boolean reference = true;
        Path out = null;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--grid" -> { String[] g = args[++a].split("x"); nR = Integer.parseInt(g[0]); nZ = Integer.parseInt(g[1]); }
                case "--momenta" -> momenta = Integer.parseInt(args[++a]);
                case "--models" -> modelsArg = args[++a];
                case "--reps" -> reps = Integer.parseInt(args[++a]);
                case "--out" -> out = Path.of(args[++a]);
                case "--no-reference" -> reference = false;
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        GpuInfo info = GpuDevice.probe();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "steady-gpu (issue 6): GpuSteadySolver, banded LU per system on the device, realistic field");
        r.put("device", info.available() ? info.name() : null);
        r.put("device_detail", info.describe());
        r.put("grid", nR + "x" + nZ);
        r.put("momenta", momenta);
        r.put("bytes_per_system", GpuSteadySolver.bytesPerSystem(nR, nZ));
        List<Map<String, Object>> cases = new ArrayList<>();
        r.put("cases", cases);
        if (info.available()) {
            try (GpuSteadySolver gpu = new GpuSteadySolver()) {
                boolean firstCase = reference;
                for (String ms : modelsArg.split(",")) {
                    int models = Integer.parseInt(ms.trim());
                    List<TransportProblem> family = family(nR, nZ, momenta, models);
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("models", models);
                    c.put("systems", models * momenta);
                    GpuSteadySolver.Result warm = gpu.solve(family), best = null;
                    for (int q = 0; q < reps; q++) {
                        GpuSteadySolver.Result res = gpu.solve(family);
                        if (best == null || res.wallSeconds() < best.wallSeconds()) best = res;
                    }
                    c.put("kernel", best.kernel());
                    c.put("systems_per_launch", best.chunkSize());
                    c.put("launches", best.chunks());
                    c.put("blocks_per_multiprocessor", gpu.lastBlocksPerMultiprocessor());   // occupancy, max shared carveout
                    c.put("wall_seconds", best.wallSeconds());
                    c.put("device_seconds", best.deviceSeconds());
                    c.put("wall_seconds_per_model", best.wallSeconds() / models);
                    c.put("warmup_wall_seconds", warm.wallSeconds());
                    c.put("residual_max", best.maxResidual());
                    if (firstCase && best.kernel().equals("steady_band_lu_shm")) {   // the global-memory kernel, for comparison
                        gpu.kernel(SteadyKernel.GLOBAL);
                        GpuSteadySolver.Result g = gpu.solve(family);
                        c.put("global_kernel_wall_seconds", g.wallSeconds());
                        c.put("global_kernel_device_seconds", g.deviceSeconds());
                        c.put("max_rel_diff_global_vs_shm", Measurements.maxRelDiff(g.density()[0], best.density()[0]));
                        gpu.kernel(SteadyKernel.AUTO);
                    }
                    if (firstCase) {
                        long t0 = System.nanoTime();
                        double[][] ref = new DirectSteadySolver(family.get(0), 0).solve();
                        c.put("cpu_direct_seconds_model0", (System.nanoTime() - t0) * 1e-9);
                        c.put("cpu_threads", Runtime.getRuntime().availableProcessors());
                        c.put("max_rel_diff_vs_cpu_direct_model0", Measurements.maxRelDiff(best.density()[0], ref));
                        firstCase = false;
                    }
                    System.out.println(String.format(Locale.ROOT, "%d model(s) x %d momenta: %.4f s wall (%.4f s device, %s), residual %.2e",
                            models, momenta, best.wallSeconds(), best.deviceSeconds(), best.kernel(), best.maxResidual()));
                    cases.add(c);
                }
            }
        } else {
            r.put("gpu_unavailable", info.reason());
            System.out.println("no usable GPU (" + info.reason() + "): nothing timed");
        }
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(r);
        if (out == null) System.out.write(json);
        else {
            if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, json);
        }
        System.out.flush();
    }
}
