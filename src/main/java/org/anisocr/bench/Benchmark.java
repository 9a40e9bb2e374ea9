package org.anisocr.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jcuda.driver.CUdeviceptr;
import org.anisocr.field.GaussianBumpField;
import org.anisocr.field.MagneticField;
import org.anisocr.field.ToyField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.BinStencil;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backend;
import org.anisocr.solver.cpu.CpuSplitStepper;
import org.anisocr.solver.gpu.GpuBatchStepper;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuRuntime;
import org.anisocr.io.AtomicFile;
import org.anisocr.io.Version;
import org.anisocr.source.PulsarSource;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static jcuda.driver.JCudaDriver.*;

/**
 * The split-step benchmark (see bench/README.md for what every figure means): the GPU step
 * (whole step and per kernel, Thomas and PCR line solvers), the CPU reference on the same problem, the
 * device-to-device copy bandwidth of the same GPU in the same run, optionally merged cuSPARSE timings
 * from bench/cusparse/gtsv_bench, and the GPU-vs-CPU difference. Writes one JSON file.
 *
 * <p>On a machine without a usable GPU it still runs the CPU part and writes the JSON with every GPU
 * field null and {@code gpu_unavailable} saying why.
 */
public final class Benchmark {

    /** What to run. Grid is NR x Nz on Rmax = 20 kpc, H = 4 kpc (the paper's realistic domain). */
    public record Options(int nR, int nZ, int momenta, int models, Backend backend, int cpuThreads,
                          int cpuWarmupSteps, int cpuReps, int cpuStepsPerRep, int gpuReps,
                          Path out, Path cusparseJson) {
        public static Options defaults() {
            return new Options(201, 81, 33, 1, Backend.AUTO, 0, 3, 5, 2, 200, null, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Bytes one Thomas sweep moves per unknown and batch entry: forward reads N and S, writes d' and c'; backward reads
     * c' and d', writes x.
     */
    public static final int THOMAS_BYTES_PER_UNKNOWN = 7 * 8;
    /** The least any line solver must move per unknown and entry: read N and S, write N. */
    public static final int MIN_BYTES_PER_UNKNOWN = 3 * 8;

    private Benchmark() {}

    /**
     * The benchmark family: model m alternates a Gaussian-bump field (has a mixed term) and the toy field, εD varies.
     */
    public static List<TransportProblem> family(int nR, int nZ, int momenta, int models) {
        SpatialGrid grid = new SpatialGrid(Geometry.CYLINDRICAL, 20, 4, nR, nZ);
        MomentumGrid p = momenta == 1 ? new MomentumGrid(10, 10, 1) : new MomentumGrid(1, 1e4, momenta);
        double[] epsD = {0.1, 0.03, 0.01};
        double[] epsB = {0.2, 0.5, 1.0};
        List<TransportProblem> out = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            MagneticField field = m % 2 == 0
                    ? new GaussianBumpField(10, 1e-3, 2 + (m / 2) % 3)
                    : new ToyField(1, 3.5, epsB[(m / 2) % 3]);
            DiffusionTensor tensor = new DiffusionTensor(0.033143, 0.3, 0.5, epsD[m % 3], 1);
            out.add(new TransportProblem(grid, p, tensor, field, new PulsarSource(1.9, 5, 8.3, 0.2, 2.2, 1)));
        }
        return out;
    }

    /**
     * A time step the explicit mixed step takes stably on this grid (about 0.2 ΔR Δz / D∥,max); the
     * timings do not depend on it, the GPU-vs-CPU comparison only needs a bounded state.
     */
    public static double benchDtMyr(TransportProblem p) {
        SpatialGrid g = p.grid();
        double dMax = 0;
        for (int k = 0; k < p.bins(); k++) {
            dMax = Math.max(dMax, p.dPerp(k) + p.dAni(k));
        }
        return 0.2 * g.dR() * g.dz() / dMax;
    }

    /** Steps the CPU reference and the GPU take before the two states are compared (also the JIT warm-up). */
    static final int COMPARE_STEPS = 10;

    /** Runs the benchmark (CPU, then GPU where usable, then merges cuSPARSE timings), writes the JSON, returns it. */
    public static SplitStepResult run(Options o, Consumer<String> log) throws IOException {
        GpuInfo info = DeviceHeader.probe(o.backend(), "bench split");
        DeviceHeader header = DeviceHeader.of(info);
        log.accept("building " + o.models() + " model(s) on " + o.nR() + "x" + o.nZ() + " with " + o.momenta()
                + " momenta");
        List<TransportProblem> family = family(o.nR(), o.nZ(), o.momenta(), o.models());
        double dt = benchDtMyr(family.get(0));
        CpuReference cpu = cpuReference(family.get(0), dt, o, log);
        SplitStepResult.GpuTiming gpu = SplitStepResult.GpuTiming.NONE;
        if (DeviceHeader.usable(info)) {
            gpu = gpuTiming(family, dt, cpu, o, log);
        }
        // cuSPARSE, timed by bench/cusparse/gtsv_bench on the same systems, merged here
        JsonNode harness = o.cusparseJson() == null ? null : JSON.readTree(o.cusparseJson().toFile());
        SplitStepResult r = new SplitStepResult(Version.get(), header,
                o.cpuThreads() > 0 ? o.cpuThreads() : Runtime.getRuntime().availableProcessors(),
                o.nR() + "x" + o.nZ(), o.momenta(), o.models(), o.models() * o.momenta(), MODELS_DESCRIPTION, dt,
                cpu.timing, gpu, SplitStepResult.CusparseComparison.of(harness, gpu.kernelUs(), gpu.kernelUsThomas()));
        String device = DeviceHeader.usable(info) ? info.name() : "no-gpu";
        Path out = o.out() != null ? o.out() : AtomicFile.freshName(defaultOut(device));
        writeAtomically(out, JSON.writeValueAsBytes(r));
        log.accept("wrote " + out);
        return r;
    }

    private static final String MODELS_DESCRIPTION = "Rmax=20 kpc, H=4 kpc, pulsar source; even models Gaussian-bump "
            + "field (B_R != 0: mixed term), odd models toy field; epsD cycles 0.1, 0.03, 0.01; delta_par=0.3, "
            + "delta_perp=0.5, p = 1..1e4 GeV";

    /** The CPU's timing, and its state after {@link #COMPARE_STEPS} steps (what the GPU is compared with). */
    private static final class CpuReference {
        final SplitStepResult.CpuTiming timing;
        final double[][] state;

        CpuReference(SplitStepResult.CpuTiming timing, double[][] state) {
            this.timing = timing;
            this.state = state;
        }
    }

    /** The CPU reference on model 0 only (the other models cost the same per step): median of the timed repetitions. */
    private static CpuReference cpuReference(TransportProblem first, double dt, Options o, Consumer<String> log) {
        try (CpuSplitStepper cpu = new CpuSplitStepper(first, o.cpuThreads())) {
            cpu.advance(dt, COMPARE_STEPS);
            double[][] state = cpu.state();
            for (int w = 0; w < o.cpuWarmupSteps(); w++) {
                cpu.advance(dt, 1);
            }
            double[] perStep = new double[o.cpuReps()];
            for (int rep = 0; rep < o.cpuReps(); rep++) {
                long t0 = System.nanoTime();
                cpu.advance(dt, o.cpuStepsPerRep());
                perStep[rep] = (System.nanoTime() - t0) / 1e3 / o.cpuStepsPerRep();
            }
            Arrays.sort(perStep);
            double median = perStep[perStep.length / 2];
            String harness = o.cpuWarmupSteps() + " warm-up steps after " + COMPARE_STEPS + " comparison steps, then "
                    + o.cpuReps() + " timed repetitions of " + o.cpuStepsPerRep() + " steps; median per step; model 0 "
                    + "measured, all-models figure = models x per-model";
            log.accept(
                    String.format(Locale.ROOT, "cpu: %.1f us per step per model (median of %d)", median, o.cpuReps()));
            List<Double> reps = Arrays.stream(perStep).boxed().toList();
            return new CpuReference(new SplitStepResult.CpuTiming(median, median * o.models(), reps, harness), state);
        }
    }

    /** The GPU's step on the whole family: line solvers, graphs, bandwidth, agreement with the CPU, cuSPARSE. */
    private static SplitStepResult.GpuTiming gpuTiming(List<TransportProblem> family, double dt, CpuReference cpu,
                                                       Options o, Consumer<String> log) {
        TransportProblem first = family.get(0);
        try (GpuRuntime rt = GpuRuntime.open(); GpuBatchStepper batch = new GpuBatchStepper(rt, family)) {
            batch.advance(dt, COMPARE_STEPS);
            double maxRelDiff = Measurements.maxRelDiff(batch.state(0), cpu.state);
            double residual = Arrays.stream(batch.relativeResiduals()).limit(first.bins()).max().orElse(0);
            LineSolverTimes t = lineSolverTimes(batch, dt, o.gpuReps());
            double copyGBps = copyBandwidthGBps(rt, o.nR() * (long) o.nZ() * batch.entries() * 8);
            Traffic traffic = traffic(family, batch.entries(), o, t.kernelUsThomas(), copyGBps);
            CusparseTimings cusparseJava = cusparseJava(rt, first, dt, o);
            Double theirs = cusparseJava.bestRPlusZUs();
            log.accept(String.format(Locale.ROOT, "gpu: %.2f us per step (graph, auto line solver); kernels %s; "
                    + "Thomas kernels %s; copy %.0f GB/s", t.stepUs(), t.kernelUs(), t.kernelUsThomas(), copyGBps));
            double speedupVsCpu = cpu.timing.stepUsAllModels() / t.stepUs();
            return new SplitStepResult.GpuTiming(t.stepUs(), t.stepUsThomas(), t.stepUsPcr(), t.stepUsNoGraph(),
                    t.kernelUs(), t.kernelUsThomas(), t.kernelUsPcr(), copyGBps, traffic.fraction(),
                    traffic.fractionMinTraffic(), traffic.bytes(), speedupVsCpu, maxRelDiff,
                    t.graphProblem(), residual, cusparseJava,
                    theirs == null ? null : SplitStepResult.speedup(theirs, t.kernelUs()),
                    theirs == null ? null : SplitStepResult.speedup(theirs, t.kernelUsThomas()));
        }
    }

    /** The step and its kernels with the default configuration, each line solver forced, and without graphs. */
    private record LineSolverTimes(double stepUs, double stepUsThomas, double stepUsPcr, double stepUsNoGraph,
                                   Map<String, Double> kernelUs, Map<String, Double> kernelUsThomas,
                                   Map<String, Double> kernelUsPcr, String graphProblem) {
        LineSolverTimes {
            kernelUs = Collections.unmodifiableMap(new LinkedHashMap<>(kernelUs));
            kernelUsThomas = Collections.unmodifiableMap(new LinkedHashMap<>(kernelUsThomas));
            kernelUsPcr = Collections.unmodifiableMap(new LinkedHashMap<>(kernelUsPcr));
        }
    }

    private static LineSolverTimes lineSolverTimes(GpuBatchStepper batch, double dt, int reps) {
        Map<String, Double> kernel = batch.kernelMicros(dt, 50);
        double step = batch.stepMicros(dt, reps);
        String graphProblem = batch.graphProblem();
        batch.setLineSolver(GpuBatchStepper.LineSolver.THOMAS);
        Map<String, Double> kernelThomas = batch.kernelMicros(dt, 50);
        double stepThomas = batch.stepMicros(dt, reps);
        batch.setLineSolver(GpuBatchStepper.LineSolver.PCR);
        Map<String, Double> kernelPcr = batch.kernelMicros(dt, 50);
        double stepPcr = batch.stepMicros(dt, reps);
        batch.setLineSolver(GpuBatchStepper.LineSolver.AUTO);
        batch.setUseGraphs(false);
        double stepNoGraph = batch.stepMicros(dt, reps);
        batch.setUseGraphs(true);
        return new LineSolverTimes(step, stepThomas, stepPcr, stepNoGraph, kernel, kernelThomas, kernelPcr,
                graphProblem);
    }

    /** Bytes the Thomas sweeps move per step (and the least any line solver must), as shares of the copy bandwidth. */
    private record Traffic(long bytes, double fraction, double fractionMinTraffic) {}

    private static Traffic traffic(List<TransportProblem> family, long entries, Options o, Map<String, Double> thomasUs,
                                   double copyGBps) {
        long unknownsR = entries * (o.nZ() - 2) * (long) (o.nR() - 1);
        long unknownsZ = entries * (o.nR() - 1) * (long) (o.nZ() - 2);
        long tables = family.stream().map(TransportProblem::coefficients).distinct().count();
        long coefBytes = 2 * 3 * 8L * o.nR() * o.nZ() * tables;   // 3 rows x (iso, ani) per sweep, read once per model
        long bytes = (unknownsR + unknownsZ) * THOMAS_BYTES_PER_UNKNOWN + 2 * coefBytes;
        long minBytes = (unknownsR + unknownsZ) * MIN_BYTES_PER_UNKNOWN + 2 * coefBytes;
        double sweepUs = thomasUs.get("sweep_r_thomas") + thomasUs.get("sweep_z_thomas");
        double bytesPerSecond = copyGBps * 1e9;
        return new Traffic(bytes, bytes / (sweepUs * 1e-6) / bytesPerSecond,
                minBytes / (sweepUs * 1e-6) / bytesPerSecond);
    }

    /** cuSPARSE from Java on model 0's systems, replicated per model; the C harness cross-checks it. */
    private static CusparseTimings cusparseJava(GpuRuntime rt, TransportProblem first, double dt, Options o) {
        long systemBytes = exportBytes(o.nR(), o.nZ(), o.momenta());
        if (systemBytes > MAX_SYSTEMS_BYTES) {
            return CusparseTimings.unavailable(String.format(Locale.ROOT, "skipped: model 0's systems are %.1f GB, "
                    + "over %.1f GB", systemBytes / 1e9, MAX_SYSTEMS_BYTES / 1e9));
        }
        return CusparseBaseline.measure(rt, tridiagonalSystems(first, dt), o.models(), 20);
    }

    /**
     * Merges gtsv_bench timings into a bench JSON written earlier (the device script times the split step
     * first and cuSPARSE after it, so that the more valuable figure exists even if the harness fails):
     * sets {@code cusparse} and recomputes the two {@code speedup_vs_cusparse} figures from the file's own kernel
     * times. The file is read as a tree, not as a {@link SplitStepResult}: files of earlier versions merge too.
     */
    public static void mergeCusparseInto(Path benchJson, Path cusparseJson) throws IOException {
        ObjectNode r = (ObjectNode) JSON.readTree(benchJson.toFile());
        TypeReference<Map<String, Double>> kernels = new TypeReference<>() {};
        Map<String, Double> kernelUs = r.path("kernel_us").isObject()
                ? JSON.convertValue(r.get("kernel_us"), kernels) : null;
        Map<String, Double> kernelUsThomas = r.path("kernel_us_thomas").isObject()
                ? JSON.convertValue(r.get("kernel_us_thomas"), kernels) : null;
        JsonNode harness = JSON.readTree(cusparseJson.toFile());
        SplitStepResult.CusparseComparison merged =
                SplitStepResult.CusparseComparison.of(harness, kernelUs, kernelUsThomas);
        r.setAll((ObjectNode) JSON.valueToTree(merged));
        writeAtomically(benchJson, JSON.writeValueAsBytes(r));
    }

    /**
     * Largest set of model-0 systems the cuSPARSE baselines handle (export file, Java copies): 2001x801x33 would be
     * 2.5 GB, and the cuSPARSE comparison is made at 201x81 (25 MB); the large grid measures bandwidth.
     */
    public static final long MAX_SYSTEMS_BYTES = 1_000_000_000L;

    /** Bytes {@link #exportSystems} writes for an nR x nZ grid with this many momentum bins (R and z sweeps). */
    public static long exportBytes(int nR, int nZ, int bins) {
        long r = 3L * 8 * (nR - 1) * (long) (nZ - 2) * bins;
        long z = 3L * 8 * (nZ - 2) * (long) (nR - 1) * bins;
        return 8 + r + 8 + z;
    }

    /** Device-to-device copy bandwidth, bytes read + bytes written per second, of a buffer of at least 256 MiB. */
    static double copyBandwidthGBps(GpuRuntime rt, long fieldBytes) {
        long bytes = Math.max(256L << 20, Math.min(fieldBytes, 2L << 30));
        CUdeviceptr a = rt.allocate(bytes, "copy-bandwidth source");
        CUdeviceptr b = rt.allocate(bytes, "copy-bandwidth target");
        cuMemsetD8Async(a, (byte) 1, bytes, rt.stream());
        for (int w = 0; w < 3; w++) {
            cuMemcpyDtoDAsync(b, a, bytes, rt.stream());
        }
        int reps = 20;
        float ms = rt.elapsedMs(() -> {
            for (int i = 0; i < reps; i++) {
                cuMemcpyDtoDAsync(b, a, bytes, rt.stream());
            }
        });
        return 2.0 * bytes * reps / (ms * 1e-3) / 1e9;
    }

    /** bench/results/&lt;device&gt;-&lt;date&gt;.json with the device name made file-safe. */
    public static Path defaultOut(String device) {
        return Path.of("bench", "results", fileSafe(device) + "-" + LocalDate.now(ZoneOffset.UTC) + ".json");
    }

    /**
     * A device name as a file-name part: lower case, runs of other characters as one '-' ("NVIDIA H100 80GB" →
     * "nvidia-h100-80gb").
     */
    static String fileSafe(String device) {
        return device.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * One sweep direction's tridiagonal systems in strided layout (system after system, batch stride m;
     * lower[0] = upper[m−1] = 0): the Crank–Nicolson matrices CpuSplitStepper forms (−dt/2·L, 1 + dt/2·C, −dt/2·U
     * from BinStencil) for every line of every bin. The arrays (m × batch each) are shared, not copied: built once
     * for a benchmark and only read by the timed solves.
     */
    public record TridiagonalSystems(int m, int batch, double[] lower, double[] diag, double[] upper) {}

    /** Model {@code p}'s systems of the R sweep (index 0) and of the z sweep (index 1). */
    public static TridiagonalSystems[] tridiagonalSystems(TransportProblem p, double dt) {
        SpatialGrid g = p.grid();
        int nR = g.nR();
        int nZ = g.nZ();
        double h = dt / 2;
        TridiagonalSystems[] out = new TridiagonalSystems[2];
        for (int dir = 0; dir < 2; dir++) {
            int m = dir == 0 ? nR - 1 : nZ - 2;
            int linesPerBin = dir == 0 ? nZ - 2 : nR - 1;
            int batch = linesPerBin * p.bins();
            double[][] abc = new double[3][m * batch];
            for (int k = 0; k < p.bins(); k++) {
                BinStencil s = new BinStencil(p, k);
                for (int line = 0; line < linesPerBin; line++) {
                    int sys = k * linesPerBin + line;
                    for (int q = 0; q < m; q++) {
                        int idx = dir == 0 ? g.index(q, line + 1) : g.index(line, q + 1);
                        double l = dir == 0 ? s.rLower(idx) : s.zLower(idx);
                        double c = dir == 0 ? s.rCentre(idx) : s.zCentre(idx);
                        double u = dir == 0 ? s.rUpper(idx) : s.zUpper(idx);
                        abc[0][sys * m + q] = q == 0 ? 0 : -h * l;
                        abc[1][sys * m + q] = 1 + h * c;
                        abc[2][sys * m + q] = q == m - 1 ? 0 : -h * u;
                    }
                }
            }
            out[dir] = new TridiagonalSystems(m, batch, abc[0], abc[1], abc[2]);
        }
        return out;
    }

    /**
     * Writes {@link #tridiagonalSystems} of model 0 for bench/cusparse/gtsv_bench: little-endian int32 m, int32 batch,
     * then lower, diag, upper as float64 arrays, first for the R sweep, then for the z sweep. The right-hand sides
     * are left to the harness.
     */
    public static void exportSystems(TransportProblem p, double dt, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 20))) {
            for (TridiagonalSystems t : tridiagonalSystems(p, dt)) {
                ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(t.m()).putInt(t.batch());
                out.write(head.array());
                ByteBuffer buf = ByteBuffer.allocate(8 * t.m() * t.batch()).order(ByteOrder.LITTLE_ENDIAN);
                for (double[] arr : new double[][]{t.lower(), t.diag(), t.upper()}) {
                    buf.clear();
                    buf.asDoubleBuffer().put(arr);
                    out.write(buf.array());
                }
            }
        }
    }

    /** The command checked an explicit --out up front (and --overwrite); a default name is always a fresh one. */
    private static void writeAtomically(Path out, byte[] bytes) throws IOException {
        AtomicFile.write(out, true, "--out", bytes);
    }
}
