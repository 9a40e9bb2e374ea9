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
 * kernels, the batched mg-gmres kernels (every operation vs CpuMultigridBatch; the PCR relaxation too) and its setup kernels (bitwise vs
 * CpuMultigridBatch.pack). Runs wherever g++ is (CI has it); skips, by assumption, where it is not.
 */
@Slow
class KernelEmulationTest {
    @Test void kernelsEmulatedOnTheCpuAgreeWithTheJavaReference() throws IOException, InterruptedException {
        Assumptions.assumeTrue(hasGpp(), "no g++ on this machine: the kernel emulation needs it");
        Path log = Files.createTempFile("kernel-emulation", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", "kernels/emu/run.sh").redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("EMU_QUICK", "1");
            // the test's own classpath (classes, test classes, dependencies): no nested Maven run
            pb.environment().put("EMU_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            Process p = pb.start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            if (!done) p.destroyForcibly();
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(done, "kernels/emu/run.sh did not finish in 10 minutes:\n" + out);
            assertEquals(0, p.exitValue(), "kernels/emu/run.sh failed:\n" + out);
            long ok = out.lines().filter(l -> l.equals("OK")).count();
            assertTrue(ok >= 8 + 24 + 76 + 76, "expected every case to print OK (8 split-step, 24 steady, 76 batched multigrid "
                    + "with 6 of mg_relax_pcr, "
                    + "76 multigrid setup), got "
                    + ok + ":\n" + out);
        } finally {
            Files.deleteIfExists(log);
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
