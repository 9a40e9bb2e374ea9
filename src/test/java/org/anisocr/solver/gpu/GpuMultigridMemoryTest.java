package org.anisocr.solver.gpu;

import org.anisocr.solver.PackedMultigrid;
import org.anisocr.solver.steady.CpuMultigridBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The device memory estimate of batched mg-gmres (runs everywhere, no GPU): the hierarchy part computed from the level
 * shapes alone equals the bytes of the packed hierarchy the device would receive, and the whole estimate is the
 * documented formula.
 */
class GpuMultigridMemoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"realistic", "semi-z", "semi-r", "random"})
    void hierarchyBytesFromTheShapesEqualThePackedHierarchy(String which) {
        try (CpuMultigridBatch cpu = new CpuMultigridBatch(MultigridEmulationExport.systems(which), 2)) {
            PackedMultigrid packed = cpu.pack();
            int[][] shapes = packed.levels().stream().map(l -> new int[] {l.nR(), l.nZ()}).toArray(int[][]::new);
            assertEquals(packed.bytes(), GpuMultigridBatch.hierarchyBytes(shapes, packed.entries()), which);
            assertTrue(GpuMultigridBatch.bytesFor(shapes, packed.entries(), 30)
                    > packed.bytes() + 62L * 8 * cpu.nodes(0) * packed.entries());
        }
    }

    @Test
    void estimateIsTheDocumentedFormula() {
        // 9×9 → 5×5, E = 2, restart 3; coarsest: 4 × 3 = 12 unknowns, bandwidth 4, ld = 13
        int[][] shapes = {{9, 9}, {5, 5}};
        long hierarchy = 8L * 13 * 81 * 2 + 8L * 9 * 25 * 2 + 8L * 13 * 12 * 2 + 4L * 12 * 2;
        assertEquals(hierarchy, GpuMultigridBatch.hierarchyBytes(shapes, 2));
        long work = 8L * 12 * 2;
        long cycle = 3 * 8L * (81 + 25) * 2;
        long krylov = 8 * 8L * 81 * 2;
        long reductions = 8L * (1 << 18) + 16L * 4 * 2 + 8L * 64 * 2;
        assertEquals(hierarchy + work + cycle + krylov + reductions, GpuMultigridBatch.bytesFor(shapes, 2, 3));
    }
}
