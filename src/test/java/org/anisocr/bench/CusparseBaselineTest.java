package org.anisocr.bench;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The JCusparse baseline's host side: the library loads exactly when libcusparse.so.12 is on the path; layouts and
 * residual.
 */
class CusparseBaselineTest {

    @Test
    void loadsWhenLibcusparseIsOnTheLibraryPathAndSaysWhyNotOtherwise() {
        String path = System.getenv().getOrDefault("LD_LIBRARY_PATH", "");
        boolean present = Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .anyMatch(d -> Files.exists(Path.of(d, "libcusparse.so.12")));
        String problem = CusparseBaseline.libraryProblem();
        if (present) {
            assertNull(problem, "libcusparse.so.12 is on LD_LIBRARY_PATH, yet: " + problem);
        } else {
            assertEquals(
                    "libcusparse.so.12 not on the library path (CUDA 13: the nvidia-cusparse wheel's nvidia/cu13/lib)",
                    problem);
        }
    }

    @Test
    void interleavesTilesAndChecksTheSolve() {
        // Two systems of m = 3, strided: system 0 then system 1.
        double[] strided = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[]{1, 4, 2, 5, 3, 6}, CusparseBaseline.interleave(strided, 3, 2));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6}, CusparseBaseline.tile(strided, 2));
        // A = tridiag(-1, 4, -1) per system; x solves A x = 1: x = (5/14, 3/7, 5/14).
        double[][] abc = {{0, -1, -1, 0, -1, -1}, {4, 4, 4, 4, 4, 4}, {-1, -1, 0, -1, -1, 0}};
        double[] x = {5 / 14.0, 3 / 7.0, 5 / 14.0, 5 / 14.0, 3 / 7.0, 5 / 14.0};
        assertEquals(0, CusparseBaseline.residual(abc, x, 3, 2, false), 1e-15);
        assertEquals(0, CusparseBaseline.residual(abc, CusparseBaseline.interleave(x, 3, 2), 3, 2, true), 1e-15);
        x[4] += 1e-3;
        assertEquals(4e-3, CusparseBaseline.residual(abc, x, 3, 2, false), 1e-12);
    }
}
