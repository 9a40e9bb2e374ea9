package org.anisocr.solver.gpu;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

import java.nio.charset.StandardCharsets;

import static jcuda.driver.JCudaDriver.*;

/**
 * Finds out, once per JVM, whether the GPU backend can run here: the JCuda native library and the
 * CUDA driver load, a device exists, and the committed fatbin loads on it (which also catches a
 * driver too old for the toolkit that built it). Never throws: every failure becomes a reason.
 *
 * <p>{@link #switchOff} makes it answer "no GPU" with a reason, e.g. for {@code ANISOCR_GPU=off}, which the command
 * line reads: the solver layer reads no environment or system property.
 */
public final class GpuDevice {
    private static GpuInfo cached;
    /** Why the GPU is switched off, or null while it is not. */
    private static String offReason;

    private GpuDevice() {}

    /** From now on {@link #probe} answers "no usable GPU" with {@code reason}, whatever this machine has. */
    public static synchronized void switchOff(String reason) {
        offReason = reason;
    }

    /** Undoes {@link #switchOff}: the probe reports the machine again. */
    public static synchronized void switchOn() {
        offReason = null;
    }

    public static synchronized GpuInfo probe() {
        // Checked on every call (the real probe is cached) so a test or a user can switch the GPU off at any time.
        if (offReason != null) {
            return GpuInfo.unavailable(offReason);
        }
        if (cached == null) {
            cached = probeOnce();
        }
        return cached;
    }

    private static GpuInfo probeOnce() {
        try {
            // Loads libJCudaDriver, which links libcuda.so.1: without a driver this is an UnsatisfiedLinkError.
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            int[] count = {0};
            cuDeviceGetCount(count);
            if (count[0] == 0) {
                return GpuInfo.unavailable("CUDA driver present but no CUDA device");
            }
            CUdevice dev = new CUdevice();
            cuDeviceGet(dev, 0);
            byte[] nameBytes = new byte[256];
            cuDeviceGetName(nameBytes, nameBytes.length, dev);
            String name = new String(nameBytes, StandardCharsets.US_ASCII).trim().replace("\0", "");
            long[] mem = {0};
            cuDeviceTotalMem(mem, dev);
            int sms = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
            int major = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
            int minor = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
            int[] driver = {0};
            cuDriverGetVersion(driver);
            String moduleProblem = tryLoadModule(dev);
            if (moduleProblem != null) {
                return new GpuInfo(
                        false,
                        "kernels do not load on " + name + " (driver " + driver[0] + "): " + moduleProblem,
                        name,
                        mem[0],
                        sms,
                        major,
                        minor,
                        driver[0]);
            }
            return new GpuInfo(true, "ok", name, mem[0], sms, major, minor, driver[0]);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            String msg = String.valueOf(e.getMessage());
            // JCuda's message nests the loader's: pick out the usual cause, a machine without the NVIDIA driver.
            if (msg.contains("libcuda.so.1: cannot open shared object file")) {
                return GpuInfo.unavailable("no NVIDIA driver: libcuda.so.1 not found");
            }
            return GpuInfo.unavailable("JCuda driver library not loadable: " + firstLine(msg));
        } catch (RuntimeException | LinkageError e) {
            // not swallowed: the probe never throws, every failure becomes the reason the GPU is unavailable
            return GpuInfo.unavailable(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    /** Why the committed kernels do not load on the device (the CUDA error), or null when they do. */
    private static String tryLoadModule(CUdevice dev) {
        CUcontext ctx = new CUcontext();
        String problem = null;
        try {
            cuDevicePrimaryCtxRetain(ctx, dev);
            cuCtxSetCurrent(ctx);
            CUmodule module = new CUmodule();
            GpuRuntime.loadKernels(module);
            cuModuleUnload(module);
        } catch (RuntimeException | LinkageError e) {
            problem = firstLine(e.getMessage());
        }
        try {
            cuDevicePrimaryCtxRelease(dev);
        } catch (RuntimeException e) {
            if (problem == null) {
                problem = "releasing the probe's context: " + firstLine(e.getMessage());
            }
        }
        return problem;
    }

    private static int attribute(CUdevice dev, int attribute) {
        int[] v = {0};
        cuDeviceGetAttribute(v, attribute, dev);
        return v[0];
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
