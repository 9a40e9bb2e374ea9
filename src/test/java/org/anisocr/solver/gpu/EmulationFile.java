package org.anisocr.solver.gpu;

import org.anisocr.operator.OperatorCoefficients;
import org.anisocr.operator.TransportProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The little-endian files kernels/emu reads, written by KernelEmulationExport and SteadyEmulationExport: the batch
 * entries come from {@link BatchEntries}, exactly as the GPU host builds them ({@link DeviceBatch}).
 */
final class EmulationFile {
    private final ByteBuffer buf;
    final List<TransportProblem> models;
    final BatchEntries entries;

    EmulationFile(List<TransportProblem> models, int bytes) {
        this.models = List.copyOf(models);
        this.entries = BatchEntries.of(models);
        this.buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer buffer() { return buf; }

    /** Number of distinct coefficient tables (the header's table count). */
    int tables() { return entries.tableIndex().size(); }

    /**
     * Per entry its table number, D⊥ and D∥ − D⊥; then every table, isotropic rows then anisotropic, in table order.
     */
    EmulationFile putEntriesAndTables() {
        for (int v : entries.model()) {
            buf.putInt(v);
        }
        for (double v : entries.dPerp()) {
            buf.putDouble(v);
        }
        for (double v : entries.dAni()) {
            buf.putDouble(v);
        }
        OperatorCoefficients[] byNumber = new OperatorCoefficients[tables()];
        for (Map.Entry<OperatorCoefficients, Integer> e : entries.tableIndex().entrySet()) {
            byNumber[e.getValue()] = e.getKey();
        }
        for (OperatorCoefficients c : byNumber) {
            for (double[] row : c.isotropicTable()) {
                for (double v : row) {
                    buf.putDouble(v);
                }
            }
            for (double[] row : c.anisotropicTable()) {
                for (double v : row) {
                    buf.putDouble(v);
                }
            }
        }
        return this;
    }

    /**
     * Fields per entry ([entry][node]), each written interleaved ([node·entries + entry]) as the kernels index them.
     */
    EmulationFile putInterleaved(double[][]... fields) {
        for (double[][] field : fields) {
            for (int idx = 0; idx < field[0].length; idx++) {
                for (double[] entry : field) {
                    buf.putDouble(entry[idx]);
                }
            }
        }
        return this;
    }

    EmulationFile putDoubles(double... values) {
        for (double v : values) {
            buf.putDouble(v);
        }
        return this;
    }

    void write(Path file) throws IOException {
        Files.write(file, Arrays.copyOf(buf.array(), buf.position()));
    }

    /** Every entry's source rate, [entry][node]. */
    double[][] sources() {
        return models.stream()
                .flatMap(p -> IntStream.range(0, p.bins()).mapToObj(p::sourceRate))
                .toArray(double[][]::new);
    }

}
