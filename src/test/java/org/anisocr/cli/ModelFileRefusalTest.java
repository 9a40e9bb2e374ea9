package org.anisocr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every command that reads a model file refuses a device at once (exit 2), before reading it or writing anything. */
class ModelFileRefusalTest {
    @TempDir Path tmp;

    @Test void devZeroIsRefusedByEveryCommandThatReadsAModel() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        Path out = tmp.resolve("out");
        List<String[]> commands = List.of(
                new String[] {"run", "/dev/zero", "--out", out.toString()},
                new String[] {"run", "--check", "/dev/zero", "--out", out.toString()},
                new String[] {"field", "/dev/zero", "--out", out.toString()},
                new String[] {"sweep", "/dev/zero", "--vary", "diffusion.eps_D=0.05,0.1", "--out", out.toString()},
                new String[] {"grid-study", "/dev/zero", "--levels", "1,0.5", "--out", out.toString()});
        for (String[] args : commands) {
            CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliHarness.inProcess(args));
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.all());
            assertTrue(r.err().contains("config file /dev/zero is a character device, not a regular file"), r.all());
            assertFalse(Files.exists(out), String.join(" ", args) + " wrote " + out);
        }
    }
}
