package org.anisocr.solver.gpu;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What nvcc makes of the kernels, checked against what the host asks of them, without a GPU (skips where nvcc is not
 * installed). The kernels are compiled for sm_75 and sm_90 as kernels/build.sh compiles them, keeping the PTX and the
 * ptxas report:
 * <ul>
 *   <li>PTX signatures: every {@code .entry} parameter has the width and kind of the value {@link Kernels} passes
 *       (int: .u32/.s32; long: .u64 used as a number; double: .f64; pointer: .u64 used as an address);</li>
 *   <li>launch limits: the registers and static shared memory ptxas reports, with the block size and dynamic shared
 *       memory the Java side launches each kernel with, fit one SM (64K registers, 48 KiB shared without opt-in).</li>
 * </ul>
 */
class KernelPtxTest {
    private static final List<String> ARCHS = List.of("sm_75", "sm_90");
    private static final int REGISTERS_PER_SM = 65536;
    private static final int SHARED_WITHOUT_OPT_IN = 48 * 1024;

    @TempDir
    static Path work;
    /** arch → kernel → PTX parameter kinds ("u32", "u64", "f64", "ptr", "unused"). */
    private static final Map<String, Map<String, List<String>>> PTX = new TreeMap<>();
    /** arch → kernel → {registers, static shared bytes, spill store bytes}. */
    private static final Map<String, Map<String, int[]>> RESOURCES = new TreeMap<>();

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        String nvcc = nvcc();
        Assumptions.assumeTrue(nvcc != null, "no nvcc on this machine: the PTX and ptxas checks need it");
        for (String arch : ARCHS) {
            Path dir = Files.createDirectories(work.resolve(arch));
            String number = arch.substring(3);
            List<String> cmd = List.of(nvcc, "-cubin", "-O3", "-fmad=false", "-std=c++17",
                    "-gencode", "arch=compute_" + number + ",code=" + arch, "-Xptxas", "-v", "--keep", "--keep-dir",
                    dir.toString(), "-o", dir.resolve("anisocr.cubin").toString(), "kernels/anisocr.cu");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "nvcc did not finish");
            assertEquals(0, p.exitValue(), "nvcc failed for " + arch + ":\n" + log);
            System.out.printf("nvcc %s: %.1f s%n", arch, (System.nanoTime() - t0) * 1e-9);
            PTX.put(arch, ptxSignatures(Files.readString(dir.resolve("anisocr.ptx"))));
            RESOURCES.put(arch, ptxasResources(log));
        }
    }

    @Test
    void ptxParameterKindsMatchTheJavaArguments() throws Exception {
        Map<String, List<String>> host = KernelSignatureTest.hostCalls();
        for (String arch : ARCHS) {
            Map<String, List<String>> ptx = PTX.get(arch);
            assertEquals(host.keySet(), ptx.keySet(), arch + ": kernels in the PTX vs methods of Kernels");
            int checked = 0;
            List<String> mismatches = new ArrayList<>();
            for (String kernel : host.keySet()) {
                List<String> javaArgs = host.get(kernel);
                List<String> kinds = ptx.get(kernel);
                assertEquals(javaArgs.size(), kinds.size(), arch + " " + kernel + ": parameter count " + kinds);
                for (int k = 0; k < kinds.size(); k++) {
                    String javaType = javaArgs.get(k).split(" ")[0];
                    if (!fits(javaType, kinds.get(k))) {
                        mismatches.add(kernel + " slot " + k + " (" + javaArgs.get(k) + "): PTX " + kinds.get(k));
                    }
                    checked++;
                }
            }
            System.out.printf(
                    "PTX %s: %d kernels, %d parameters, %d mismatches%n", arch, ptx.size(), checked, mismatches.size());
            assertTrue(mismatches.isEmpty(), arch + ": " + String.join("\n", mismatches));
        }
    }

    /** Whether a PTX parameter takes the Java value: width, and number or address ("unused" only needs the width). */
    static boolean fits(String javaType, String ptxKind) {
        return switch (javaType) {
            case "int" -> ptxKind.equals("u32") || ptxKind.equals("s32");
            case "long" -> ptxKind.equals("u64") || ptxKind.equals("unused");
            case "double" -> ptxKind.equals("f64");
            case "pointer" -> ptxKind.equals("ptr") || ptxKind.equals("unused");
            default -> false;
        };
    }

    @Test
    void registersAndSharedMemoryFitTheLaunches() {
        Map<String, Launch> launches = launches();
        for (String arch : ARCHS) {
            Map<String, int[]> res = RESOURCES.get(arch);
            assertEquals(launches.keySet(), res.keySet(), arch + ": kernels in the ptxas report vs the launch table");
            List<String> problems = new ArrayList<>();
            StringBuilder table = new StringBuilder();
            for (Map.Entry<String, Launch> e : launches.entrySet()) {
                String kernel = e.getKey();
                Launch l = e.getValue();
                int[] r = res.get(kernel);
                // registers are allocated per warp in units of 256 (8 a thread)
                long registers = (long) ((r[0] + 7) / 8 * 8) * roundUp(l.threads(), 32);
                long shared = (long) r[1] + l.dynamicShared();
                table.append(String.format(
                        "  %-20s %3d regs x %4d threads = %6d, smem %5d + %5d dynamic%s%n",
                        kernel,
                        r[0],
                        l.threads(),
                        registers,
                        r[1],
                        l.dynamicShared(),
                        r[2] > 0 ? ", spills " + r[2] + " bytes" : ""));
                if (l.threads() > 1024 || registers > REGISTERS_PER_SM) {
                    problems.add(
                            kernel + ": " + r[0] + " registers x " + l.threads() + " threads > " + REGISTERS_PER_SM);
                }
                if (shared > SHARED_WITHOUT_OPT_IN) {
                    problems.add(kernel + ": " + shared + " bytes of shared memory > " + SHARED_WITHOUT_OPT_IN);
                }
            }
            System.out.printf("ptxas %s:%n%s", arch, table);
            assertTrue(problems.isEmpty(), arch + ": " + String.join("\n", problems));
        }
    }

    /** Threads per block and dynamic shared bytes of the largest launch of each kernel, from the host's constants. */
    record Launch(int threads, int dynamicShared) {}

    static Map<String, Launch> launches() {
        Map<String, Launch> m = new TreeMap<>();
        m.put("sweep_r_thomas", new Launch(GpuBatchStepper.BLOCK, 0));
        m.put("sweep_z_thomas", new Launch(GpuBatchStepper.BLOCK, 0));
        // GpuBatchStepper.sweep: the next power of two of the unknowns (at most PCR_MAX), 4 arrays of doubles
        m.put("sweep_pcr", new Launch(GpuBatchStepper.PCR_MAX, 32 * GpuBatchStepper.PCR_MAX));
        // GpuBatchStepper and DeviceBatch launch the element-wise and partial-reduction kernels with 256 threads
        m.put("mixed_step", new Launch(256, 0));
        m.put("change_partial", new Launch(256, 0));
        m.put("residual_partial", new Launch(256, 0));
        m.put("reduce_columns", new Launch(LaunchRules.REDUCE_THREADS, 0));
        // the _shm variant's window is opted in per launch, checked against the device's limit by GpuSteadySolver
        m.put("steady_band_lu", new Launch(GpuSteadySolver.BLOCK, 0));
        m.put("steady_band_lu_shm", new Launch(GpuSteadySolver.BLOCK, 0));
        for (String k : List.of(
                "mg_relax_r",
                "mg_relax_z",
                "mg_stencil",
                "mg_restrict",
                "mg_prolong_add",
                "mg_coarsest_solve",
                "mg_dot_partial",
                "mg_combine",
                "mg_scale")) {
            m.put(k, new Launch(GpuMultigridBatch.BLOCK, 0));
        }
        int pcr = GpuMultigridBatch.pcrBlock(GpuMultigridBatch.PCR_MAX_UNKNOWNS);
        m.put("mg_relax_pcr", new Launch(pcr, 4 * 8 * pcr));
        for (String k : List.of("mg_assemble_paper", "mg_galerkin_halve", "mg_line_factors")) {
            m.put(k, new Launch(GpuMultigridSetup.BLOCK, 0));
        }
        m.put("mg_coarsest_factor", new Launch(GpuMultigridSetup.FACTOR_BLOCK, 0));
        return m;
    }

    private static int roundUp(int v, int unit) {
        return (v + unit - 1) / unit * unit;
    }

    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+\\.(\\w+)\\s+(\\w+)");
    private static final Pattern ADDRESS = Pattern.compile("\\[(%rd\\d+)");
    private static final Pattern DEFINITION = Pattern.compile("^(\\S+)\\s+(%rd\\d+),\\s*(.*);");
    private static final Pattern REGISTER = Pattern.compile("%rd\\d+");

    /** Kernel → the kind of each parameter: its PTX type, and for .u64 whether the body uses it as an address. */
    static Map<String, List<String>> ptxSignatures(String ptx) {
        Map<String, List<String>> out = new TreeMap<>();
        List<int[]> spans = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), m.group(2)});
        }
        for (int e = 0; e < spans.size(); e++) {
            int end = e + 1 < spans.size() ? spans.get(e + 1)[0] : ptx.length();
            List<String> body = ptx.substring(spans.get(e)[1], end).lines().map(String::trim).toList();
            List<String> kinds = new ArrayList<>();
            Matcher p = PARAM.matcher(heads.get(e)[1]);
            while (p.find()) {
                kinds.add(p.group(1).equals("u64") ? u64Kind(body, p.group(2)) : p.group(1));
            }
            out.put(heads.get(e)[0], kinds);
        }
        return out;
    }

    /**
     * "ptr" when the parameter's register, or one derived from it by add/sub/mov, addresses memory ([%rd…]) or is
     * converted to a global address (cvta.to.global); "u64" when used only as a number; "unused" when never loaded.
     * A straight-line walk over the body: nvcc loads each parameter once, at the top.
     */
    static String u64Kind(List<String> body, String param) {
        int from = -1;
        Set<String> derived = new HashSet<>();
        for (int i = 0; i < body.size() && from < 0; i++) {
            Matcher d = DEFINITION.matcher(body.get(i));
            if (body.get(i).startsWith("ld.param.u64") && body.get(i).contains("[" + param + "]") && d.find()) {
                derived.add(d.group(2));
                from = i + 1;
            }
        }
        if (from < 0) {
            return "unused";
        }
        for (String line : body.subList(from, body.size())) {
            Matcher a = ADDRESS.matcher(line);
            while (a.find()) {
                if (derived.contains(a.group(1))) {
                    return "ptr";
                }
            }
            Matcher d = DEFINITION.matcher(line);
            if (!d.find()) {
                continue;
            }
            String op = d.group(1);
            boolean fromParam = REGISTER.matcher(d.group(3)).results().anyMatch(r -> derived.contains(r.group()));
            if (fromParam && op.startsWith("cvta.to.global")) {
                return "ptr";
            }
            String base = op.split("\\.")[0];
            if (fromParam && (base.equals("add") || base.equals("sub") || base.equals("mov"))) {
                derived.add(d.group(2));
            } else {
                derived.remove(d.group(2)); // the register now holds something else
            }
        }
        return "u64";
    }

    private static final Pattern COMPILING = Pattern.compile("Compiling entry function '(\\w+)'");
    private static final Pattern USED = Pattern.compile("Used (\\d+) registers(?:.*?(\\d+) bytes smem)?");
    private static final Pattern SPILL = Pattern.compile("(\\d+) bytes spill stores");

    /** Kernel → {registers, static shared bytes, spill store bytes} from ptxas -v. */
    static Map<String, int[]> ptxasResources(String log) {
        Map<String, int[]> out = new LinkedHashMap<>();
        String current = null;
        int spill = 0;
        for (String line : log.lines().toList()) {
            Matcher c = COMPILING.matcher(line);
            if (c.find()) {
                current = c.group(1);
                spill = 0;
            }
            Matcher s = SPILL.matcher(line);
            if (s.find()) {
                spill = Integer.parseInt(s.group(1));
            }
            Matcher u = USED.matcher(line);
            if (u.find() && current != null) {
                out.put(current, new int[] {
                    Integer.parseInt(u.group(1)), u.group(2) == null ? 0 : Integer.parseInt(u.group(2)), spill
                });
                current = null;
            }
        }
        return new TreeMap<>(out);
    }

    @Test
    void parsesPtxasLinesAndParameterUses() {
        Map<String, int[]> r = ptxasResources("ptxas info    : Compiling entry function 'k' for 'sm_90'\n"
                + "ptxas info    : Function properties for k\n"
                + "    8 bytes stack frame, 4 bytes spill stores, 4 bytes spill loads\n"
                + "ptxas info    : Used 64 registers, used 1 barriers, 5136 bytes smem, 448 bytes cmem[0]\n");
        assertEquals(List.of(64, 5136, 4), List.of(r.get("k")[0], r.get("k")[1], r.get("k")[2]));
        List<String> body = List.of("ld.param.u64 %rd1, [k_param_0];", "ld.param.u64 %rd2, [k_param_1];",
                "shl.b64 %rd5, %rd2, 3;", "add.s64 %rd3, %rd1, %rd5;", "ld.global.nc.f64 %fd1, [%rd3];",
                "shl.b64 %rd1, %rd4, 3;", "ld.global.nc.f64 %fd2, [%rd1];");
        assertEquals("ptr", u64Kind(body, "k_param_0"));
        assertEquals("u64", u64Kind(body, "k_param_1"), "an index scaled into an offset is not an address");
        assertEquals("unused", u64Kind(body, "k_param_2"));
        assertTrue(fits("int", "u32") && !fits("long", "u32") && !fits("pointer", "u64") && !fits("long", "ptr"));
    }

    /** $NVCC, nvcc on the PATH, or $CUDA_HOME/bin/nvcc; null when none runs. */
    private static String nvcc() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("NVCC") != null) {
            candidates.add(System.getenv("NVCC"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(dir + "/nvcc");
        }
        if (System.getenv("CUDA_HOME") != null) {
            candidates.add(System.getenv("CUDA_HOME") + "/bin/nvcc");
        }
        candidates.add("/usr/local/cuda/bin/nvcc");
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }
}
