package org.anisocr.solver.gpu;

import org.anisocr.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CUDA kernels, compiled as C++ by kernels/emu/run.sh (quick set: EMU_QUICK=1), run on problems exported from
 * the Java reference and compared with it: the split-step kernels (Thomas and PCR), both steady banded-LU
 * kernels, the batched mg-gmres kernels (every operation vs CpuMultigridBatch; the PCR relaxation too) and its setup
 * kernels (bitwise vs CpuMultigridBatch.pack). Runs wherever g++ is (CI has it); skips, by assumption, where it is not.
 */
@Slow
class KernelEmulationTest {
    @Test void kernelsEmulatedOnTheCpuAgreeWithTheJavaReference() throws IOException, InterruptedException {
        Assumptions.assumeTrue(hasGpp(), "no g++ on this machine: the kernel emulation needs it");
        String out = runEmulation(false);
        long ok = out.lines().filter(l -> l.equals("OK")).count();
        assertTrue(
                ok >= 8 + 24 + 76 + 76 + 3,
                "expected every case to print OK (8 split-step, 24 steady, 76 batched multigrid "
                        + "with 6 of mg_relax_pcr, 76 multigrid setup, 3 zero-line launches), got " + ok + ":\n" + out);
        assertZeroLineCasesRan(out);
    }

    /**
     * The sanitized build (EMU_SANITIZE=1, quick case list): AddressSanitizer and UBSan on every emulator, NaN in
     * dynamic shared memory before each block, the steady kernels at the production block of 256, the zero-line
     * launches, and ThreadSanitizer on the kernels that meet at __syncthreads. Any sanitizer report fails the run.
     */
    @Test void sanitizedEmulationReportsNothing() throws IOException, InterruptedException {
        Assumptions.assumeTrue(hasGpp(), "no g++ on this machine: the kernel emulation needs it");
        Assumptions.assumeTrue(sanitizersLink(), "g++ here cannot link -fsanitize=address,undefined and thread");
        String out = runEmulation(true);
        long ok = out.lines().filter(l -> l.equals("OK")).count();
        assertTrue(ok >= 2 + 6 + 22 + 12 + 3 + 4, "expected every sanitized case to print OK (2 split-step, 6 steady, "
                + "22 batched multigrid, 12 multigrid setup, 3 zero-line, 4 ThreadSanitizer), got " + ok + ":\n" + out);
        assertTrue(out.contains("block 256"), "the steady kernels ran at 256 threads:\n" + out);
        assertTrue(out.contains("ThreadSanitizer:"), out);
        for (String report : new String[] {"ERROR: AddressSanitizer", "runtime error:", "WARNING: ThreadSanitizer"}) {
            assertTrue(!out.contains(report), "sanitizer report (" + report + "):\n" + out);
        }
        assertZeroLineCasesRan(out);
    }

    private static void assertZeroLineCasesRan(String out) {
        assertTrue(
                out.contains(
                        "zero-line half-sweep 9x3 along R parity 0: 0 lines, host launch 0 blocks; values changed 0"),
                out);
        assertTrue(
                out.contains(
                        "zero-line half-sweep 2x5 along z parity 1: 0 lines, host launch 0 blocks; values changed 0"),
                out);
    }

    /** kernels/emu/run.sh with EMU_QUICK=1 (and EMU_SANITIZE=1 when asked); its whole output. */
    private static String runEmulation(boolean sanitize) throws IOException, InterruptedException {
        Path log = Files.createTempFile("kernel-emulation", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", "kernels/emu/run.sh")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("EMU_QUICK", "1");
            pb.environment().put("EMU_SANITIZE", sanitize ? "1" : "0");
            // the test's own classpath (classes, test classes, dependencies): no nested Maven run
            pb.environment()
                    .put(
                            "EMU_CLASSPATH",
                            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(done, "kernels/emu/run.sh did not finish in 10 minutes:\n" + out);
            assertEquals(0, p.exitValue(), "kernels/emu/run.sh failed:\n" + out);
            System.out.printf(
                    "kernels/emu/run.sh EMU_QUICK=1 EMU_SANITIZE=%d: %.1f s%n",
                    sanitize ? 1 : 0, (System.nanoTime() - t0) * 1e-9);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * Whether g++ links a trivial threaded program with each sanitizer run-time (some installations lack
     * libasan/libtsan).
     */
    private static boolean sanitizersLink() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sanitizer-probe");
        try {
            Path src = Files.writeString(
                    dir.resolve("probe.cpp"), "#include <thread>\nint main() { std::thread t([] {}); t.join(); }\n");
            for (String flag : new String[] {"-fsanitize=address,undefined", "-fsanitize=thread"}) {
                Path exe = dir.resolve("probe");
                Process p = new ProcessBuilder(
                                "g++", "-std=c++20", "-pthread", flag, "-o", exe.toString(), src.toString())
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    return false;
                }
                Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
                run.getInputStream().readAllBytes();
                if (!run.waitFor(1, TimeUnit.MINUTES) || run.exitValue() != 0) {
                    return false;
                }
                Files.delete(exe);
            }
            return true;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static boolean hasGpp() {
        try {
            Process p = new ProcessBuilder("g++", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
