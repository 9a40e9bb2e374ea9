package org.anisocr.solver.gpu;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Runs everywhere (no GPU needed): the committed fatbin must have been built from the kernels in the tree. */
class KernelSourceHashTest {

    @Test
    void committedFatbinMatchesKernelSources() throws Exception {
        Path kernels = Path.of("kernels");
        assertTrue(Files.isDirectory(kernels), "kernels/ not found from " + Path.of("").toAbsolutePath());
        String actual = KernelSources.sourceHash(kernels);
        assertEquals(actual, KernelSources.recordedHash(), "fatbin is stale: run kernels/build.sh");
    }

    @Test
    void fatbinResourceIsPresent() {
        byte[] fatbin = KernelSources.fatbin();
        assertTrue(fatbin.length > 1000, "fatbin resource too small: " + fatbin.length + " bytes");
    }
}
