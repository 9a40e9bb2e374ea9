package org.anisocr.run;

import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.Scheme;
import org.anisocr.operator.TransportProblem;
import org.anisocr.solver.Backend;
import org.anisocr.solver.SplitStepper;
import org.anisocr.solver.gpu.GpuDevice;
import org.anisocr.solver.gpu.GpuInfo;
import org.anisocr.solver.gpu.GpuUnavailableException;
import org.anisocr.source.ManufacturedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** --backend resolved once: auto falls back with one line, gpu without a GPU is refused at resolve. */
class SolverBackendTest {
    private static final TransportProblem SMALL = new TransportProblem(
            new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 11, 11),
            new MomentumGrid(1, 100, 2),
            new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
            new UniformField(10, 0, 10),
            new ManufacturedSource());

    @AfterEach
    void gpuBackOn() { SolverBackend.switchGpuOn(); }

    @Test
    void autoFallsBackToCpuWithExactlyOneLine() {
        // deterministic on machines with and without a GPU
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        List<String> log = new ArrayList<>();
        try (SplitStepper s = SolverBackend.resolve(Backend.AUTO, 1, log::add).openStepper(SMALL)) {
            assertEquals("cpu", s.backend());
        }
        assertEquals(1, log.size(), "log: " + log);
        assertTrue(log.get(0).startsWith("no usable GPU ("), log.get(0));
        assertTrue(log.get(0).endsWith("; using the CPU backend"), log.get(0));
    }

    @Test
    void autoOnThisMachine() {
        GpuInfo info = GpuDevice.probe();
        List<String> log = new ArrayList<>();
        try (SplitStepper s = SolverBackend.resolve(Backend.AUTO, 1, log::add).openStepper(SMALL)) {
            assertEquals(info.available() ? "gpu" : "cpu", s.backend());
        }
        assertEquals(info.available() ? 0 : 1, log.size(), "log: " + log);
        if (!info.available()) {
            assertTrue(log.get(0).contains(info.reason()), log.get(0));
        }
    }

    @Test
    void gpuWithoutGpuIsAClearError() {
        Assumptions.assumeFalse(GpuDevice.probe().available(), "a GPU is present");
        GpuUnavailableException e =
                assertThrows(GpuUnavailableException.class, () -> SolverBackend.resolve(Backend.GPU, 1, s -> fail(s)));
        assertTrue(e.getMessage().contains("--backend gpu requested but no usable GPU ("), e.getMessage());
    }

    @Test
    void gpuSwitchedOffIsAClearError() {
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        GpuUnavailableException e =
                assertThrows(GpuUnavailableException.class, () -> SolverBackend.resolve(Backend.GPU, 1, s -> fail(s)));
        assertTrue(e.getMessage().contains("disabled by ANISOCR_GPU=off"), e.getMessage());
    }

    @Test
    void steadyOnGpuSelection() {
        SolverBackend.switchGpuOff(SolverBackend.GPU_OFF_BY_ENVIRONMENT);
        List<String> log = new ArrayList<>();
        assertFalse(SolverBackend.resolve(Backend.CPU, 1, log::add).steadyOnGpu(Scheme.PAPER));
        assertEquals(0, log.size());
        SolverBackend auto = SolverBackend.resolve(Backend.AUTO, 1, log::add);
        assertEquals(0, log.size(), "auto probes only when a solver needs to know");
        assertFalse(auto.steadyOnGpu(Scheme.SYMMETRIC));
        assertEquals(0, log.size(), "the symmetric schemes run on the CPU anyway: " + log);
        assertFalse(auto.steadyOnGpu(Scheme.PAPER));
        assertFalse(auto.steadyOnGpu(Scheme.PAPER));
        try (SplitStepper s = auto.openStepper(SMALL)) {
            assertEquals("cpu", s.backend());
        }
        assertEquals(1, log.size(), "one fallback line per resolved backend: " + log);
        assertTrue(log.get(0).endsWith("; using the CPU backend"), log.get(0));
        GpuUnavailableException e =
                assertThrows(GpuUnavailableException.class, () -> SolverBackend.resolve(Backend.GPU, 1, l -> fail(l)));
        assertTrue(e.getMessage().contains("--backend gpu requested but no usable GPU ("), e.getMessage());
    }

    @Test
    void cpuIsSilent() {
        try (SplitStepper s = SolverBackend.resolve(Backend.CPU, 1, l -> fail(l)).openStepper(SMALL)) {
            assertEquals("cpu", s.backend());
        }
    }

    @Test
    void probeNeverThrowsAndExplains() {
        GpuInfo info = GpuDevice.probe();
        assertNotNull(info.reason());
        assertFalse(info.describe().isBlank());
    }
}
