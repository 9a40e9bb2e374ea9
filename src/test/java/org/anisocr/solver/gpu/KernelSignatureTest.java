package org.anisocr.solver.gpu;

import jcuda.driver.CUdeviceptr;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Host and kernels cannot drift apart without a GPU: every {@code __global__} kernel in kernels/*.cu has exactly one
 * typed method in {@link Kernels}, and the argument list that method builds has the kernel's parameter names and C
 * types (int, long, double, pointer) in the kernel's order.
 */
class KernelSignatureTest {
    private static final Pattern KERNEL = Pattern.compile(
            "extern\\s+\"C\"\\s+__global__\\s+void\\s+"
                    + "(?:__launch_bounds__\\s*\\([^)]*\\)\\s*)?(\\w+)\\s*\\(([^)]*)\\)");

    /** Kernel name → its parameters as "type name", parsed from the CUDA sources. */
    static Map<String, List<String>> declaredKernels() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> s = Files.list(Path.of("kernels"))) {
            sources = s.filter(p -> p.toString().endsWith(".cu")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no kernels/*.cu found (run from the repository root)");
        for (Path f : sources) {
            Matcher m = KERNEL.matcher(Files.readString(f));
            while (m.find()) {
                List<String> params = new ArrayList<>();
                for (String raw : m.group(2).split(",")) {
                    params.add(param(raw));
                }
                assertNull(out.put(m.group(1), params), "kernel " + m.group(1) + " declared twice");
            }
        }
        return out;
    }

    /** "const double* __restrict__ dPerpOf" → "pointer dPerpOf"; "long T" → "long T". */
    static String param(String raw) {
        String p = raw.replace("__restrict__", " ").replace("const", " ").trim().replaceAll("\\s+", " ");
        String name = p.substring(p.replaceAll("[\\s*]+$", "").lastIndexOf(p.contains("*") ? '*' : ' ') + 1).trim();
        if (p.contains("*")) {
            return "pointer " + name;
        }
        String type = p.substring(0, p.lastIndexOf(' ')).trim();
        return type + " " + name;
    }

    /** Kernel name → the arguments its Kernels method passes, "type name". */
    static Map<String, List<String>> hostCalls() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (Method method : Kernels.class.getDeclaredMethods()) {
            if (method.getReturnType() != KernelCall.class || Modifier.isPrivate(method.getModifiers())) {
                continue;
            }
            Class<?>[] types = method.getParameterTypes();
            Object[] args = new Object[types.length];
            for (int a = 0; a < types.length; a++) {
                args[a] = types[a] == int.class ? 0 : types[a] == long.class ? 0L : types[a] == double.class ? 0.0
                        : types[a] == boolean.class ? (Object) false
                        : types[a] == CUdeviceptr.class ? new CUdeviceptr() : types[a].getEnumConstants()[0];
            }
            KernelCall call = (KernelCall) method.invoke(null, args);
            List<String> params = call.args().stream().map(x -> x.type() + " " + x.name()).toList();
            assertNull(out.put(call.kernel(), params), "two Java methods launch " + call.kernel());
        }
        return out;
    }

    @Test void everyKernelHasOneTypedMethodWithItsParameterList() throws Exception {
        Map<String, List<String>> declared = declaredKernels();
        Map<String, List<String>> host = hostCalls();
        assertEquals(23, declared.size(), "kernels found: " + declared.keySet());
        assertEquals(declared.keySet(), host.keySet(), "kernels without a Java method, or methods without a kernel");
        for (String k : declared.keySet()) {
            assertEquals(declared.get(k), host.get(k), "parameters of " + k);
        }
    }

    @Test void parsesQualifiedParameters() {
        assertEquals("pointer dPerpOf", param(" const double* __restrict__ dPerpOf"));
        assertEquals("pointer n", param("double* n"));
        assertEquals("long T", param("long T"));
        assertEquals("double dt", param("\n   double dt"));
    }
}
