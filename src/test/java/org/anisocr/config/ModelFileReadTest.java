package org.anisocr.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A model file is read only when it is a regular file of at most 1 MiB; anything else is refused unread. */
class ModelFileReadTest {
    @TempDir Path tmp;

    private static String refusal(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> ModelConfig.load(file)).getMessage());
    }

    @Test void aCharacterDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this platform");
        String m = refusal(zero);
        assertTrue(m.contains("/dev/zero is a character device, not a regular file"), m);
        assertTrue(m.contains("at most 1048576 bytes"), m);
    }

    @Test void aDirectoryIsRefused() {
        String m = refusal(tmp);
        assertTrue(m.contains(tmp + " is a directory, not a regular file"), m);
    }

    @Test void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = tmp.resolve("model.toml");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        // opening a FIFO with no writer blocks for ever: the timeout fails the test if the reader opens it
        String m = refusal(fifo);
        assertTrue(m.contains("is a named pipe (FIFO), not a regular file"), m);
    }

    @Test void aFileOverOneMebibyteIsRefusedAndOneOfExactlyThatSizeIsRead() throws Exception {
        String model = ModelConfigTest.VALID;
        int limit = (int) ModelConfig.MAX_MODEL_FILE_BYTES;
        assertEquals(1_048_576, limit);
        byte[] head = model.getBytes(StandardCharsets.UTF_8);
        byte[] exact = new byte[limit];
        System.arraycopy(head, 0, exact, 0, head.length);
        // the rest: comment lines of '#' padded to the exact size
        for (int i = head.length; i < limit; i++) {
            exact[i] = (byte) ((i - head.length) % 80 == 79 || i == limit - 1 ? '\n' : '#');
        }
        Path fits = tmp.resolve("exact.toml");
        Files.write(fits, exact);
        assertEquals(201, ModelConfig.load(fits).grid().nR());

        Path big = tmp.resolve("big.toml");
        byte[] over = new byte[limit + 1];
        System.arraycopy(exact, 0, over, 0, limit);
        over[limit] = '\n';
        Files.write(big, over);
        String m = refusal(big);
        assertTrue(m.contains("config file " + big + " is 1048577 bytes, more than the 1048576 bytes (1 MiB)"), m);
    }
}
