package org.anisocr.solver.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;

import java.util.ArrayList;
import java.util.List;

/**
 * One kernel's argument list as the host passes it: name, C type and value of each parameter, in order.
 * {@link Kernels} builds one per kernel; {@link GpuRuntime#launch} turns it into JCuda's parameter pointer; a test
 * compares the names and types with the kernel's declaration in kernels/*.cu, so host and kernel cannot drift apart.
 */
public final class KernelCall {
    /**
     * One parameter: its name in the kernel, its C type ("int", "long", "double" or "pointer") and its value (an
     * Integer, Long, Double or the CUdeviceptr itself). {@link #params()} packs exactly these values, so a test that
     * reads them reads what the launch passes.
     */
    public record Arg(String name, String type, Object value) {
        /** The value as cuLaunchKernel takes it: a pointer to 4 (int) or 8 bytes, or to the device pointer. */
        Pointer pointer() {
            return switch (type) {
                case "int" -> Pointer.to(new int[] {(Integer) value});
                case "long" -> Pointer.to(new long[] {(Long) value});
                case "double" -> Pointer.to(new double[] {(Double) value});
                case "pointer" -> Pointer.to((CUdeviceptr) value);
                default -> throw new IllegalStateException("parameter " + name + " of unknown type " + type);
            };
        }
    }

    private final String kernel;
    private final List<Arg> args = new ArrayList<>();

    KernelCall(String kernel) {
        this.kernel = kernel;
    }

    public String kernel() {
        return kernel;
    }

    public List<Arg> args() {
        return List.copyOf(args);
    }

    KernelCall i(String name, int v) {
        args.add(new Arg(name, "int", v));
        return this;
    }

    KernelCall l(String name, long v) {
        args.add(new Arg(name, "long", v));
        return this;
    }

    KernelCall d(String name, double v) {
        args.add(new Arg(name, "double", v));
        return this;
    }

    KernelCall p(String name, CUdeviceptr v) {
        args.add(new Arg(name, "pointer", v));
        return this;
    }

    /** The kernelParams pointer of cuLaunchKernel. */
    Pointer params() {
        Pointer[] p = new Pointer[args.size()];
        for (int a = 0; a < p.length; a++) {
            p[a] = args.get(a).pointer();
        }
        return Pointer.to(p);
    }
}
