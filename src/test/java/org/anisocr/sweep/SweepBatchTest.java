package org.anisocr.sweep;

import org.anisocr.Gpu;
import org.anisocr.run.SolverBackend;
import org.anisocr.solver.Backend;
import org.anisocr.solver.gpu.GpuDevice;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GPU's batched sweep path (every bin of every steady multigrid model in one batch, then each model written) on
 * its Java reference: the same folders, files and index as the sequential CPU sweep, numbers equal to the solver
 * tolerance; resumable as before. On a machine with a GPU, {@code sweep --backend gpu} takes this path with the
 * device (bench/run-on-device.sh checks it there).
 */
class SweepBatchTest {
    static final String MG = SweepRoundTripTest.BASE
            .replace("dr_kpc = 0.5", "dr_kpc = 0.2")
            .replace("dz_kpc = 0.5", "dz_kpc = 0.25")
            .replace(
                    "mode = \"direct\"",
                    "mode = \"steady\"\n[solver.steady]\nmethod = \"mg-gmres\"\ntolerance = 1e-11");

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(dir::relativize).filter(p -> !p.toString().startsWith(".anisocr")).sorted().toList();
        }
    }

    @Test void batchedSweepWritesWhatTheSequentialSweepWrites(@TempDir Path tmp) throws Exception {
        compareWithSequential(tmp, SolverBackend.batchedReference(2));
    }

    /** The same on the device: {@code sweep --backend gpu} (skips without a GPU). */
    @Gpu
    @Test void gpuSweepWritesWhatTheCpuSweepWrites(@TempDir Path tmp) throws Exception {
        var info = GpuDevice.probe();
        Assumptions.assumeTrue(info.available(), "no GPU: " + info.reason());
        compareWithSequential(tmp, SolverBackend.resolve(Backend.GPU, 2, line -> { }));
    }

    private static void compareWithSequential(Path tmp, SolverBackend batched) throws Exception {
        Path base = tmp.resolve("tiny-mg.toml");
        Files.writeString(base, MG);
        ModelFamily family = new ModelFamily(base, List.of(ParameterAxis.parse("eps_D=0.1,0.03,0.01")));
        StringWriter seqLog = new StringWriter();
        StringWriter batchLog = new StringWriter();
        SweepRunner.Report seq =
                SweepRunner.run(family, 1, 1, tmp.resolve("seq"), SolverBackend.cpu(2), new PrintWriter(seqLog));
        SweepRunner.Report bat =
                SweepRunner.run(family, 1, 1, tmp.resolve("batch"), batched, new PrintWriter(batchLog));
        assertEquals(3, seq.ran());
        assertEquals(3, bat.ran(), batchLog.toString());
        assertEquals(0, bat.failed(), batchLog.toString());
        assertTrue(batchLog.toString().contains("batch of 3 models: "), batchLog.toString());
        assertTrue(batchLog.toString().contains("batch plan: 3 models, 15 systems of "), batchLog.toString());
        assertTrue(batchLog.toString().contains(": 1 wave of up to 15 systems"), batchLog.toString());
        assertFalse(seqLog.toString().contains("batch of"), seqLog.toString());
        assertEquals(
                3,
                batchLog.toString()
                        .lines()
                        .filter(l -> l.contains(": solved in the batch, alpha_inner="))
                        .count(),
                batchLog.toString());
        assertEquals(listing(tmp.resolve("seq")), listing(tmp.resolve("batch")));

        assertSameIndex(tmp.resolve("seq").resolve("index.csv"), tmp.resolve("batch").resolve("index.csv"));

        try (Stream<Path> s = Files.list(tmp.resolve("batch"))) {
            for (Path m : s.filter(Files::isDirectory).toList()) {
                String summary = Files.readString(m.resolve("summary.json"));
                assertTrue(summary.contains("\"batch_models\" : 3"), summary);
                assertTrue(summary.contains("\"steady_method\" : \"mg-gmres\""), summary);
                assertTrue(summary.contains("\"multigrid_levels\" : \"41×17 → 21×9 (banded LU)\""), summary);
            }
        }
        // resumable: a second run finds every model complete
        SweepRunner.Report again =
                SweepRunner.run(family, 1, 1, tmp.resolve("batch"), batched, new PrintWriter(new StringWriter()));
        assertEquals(0, again.ran());
        assertEquals(3, again.skipped());
    }

    /** The two index.csv files agree in every column that says what was computed (not how: steps, sweeps, residual). */
    private static void assertSameIndex(Path sequential, Path batch) throws Exception {
        List<String> a = SweepRoundTripTest.stable(sequential);
        List<String> b = SweepRoundTripTest.stable(batch);
        assertEquals(a.size(), b.size());
        assertEquals(a.get(0), b.get(0), "header");
        List<String> head = List.of(a.get(0).split(","));
        int compared = 0;
        for (int row = 1; row < a.size(); row++) {
            String[] x = a.get(row).split(",");
            String[] y = b.get(row).split(",");
            for (int c = 0; c < x.length; c++) {
                String col = head.get(c);
                if (col.contains("steps") || col.contains("sweeps") || col.contains("residual")) {
                    continue; // how, not what
                }
                try {
                    double u = Double.parseDouble(x[c]);
                    double v = Double.parseDouble(y[c]);
                    assertEquals(u, v, 1e-7 * Math.max(Math.abs(u), 1e-30), "row " + row + " column " + col);
                    compared++;
                } catch (NumberFormatException text) {
                    assertEquals(x[c], y[c], "row " + row + " column " + col);
                }
            }
        }
        assertTrue(compared >= 6, "numeric columns compared: " + compared);
    }
}
