package org.anisocr.solver;

import org.anisocr.field.UniformField;
import org.anisocr.grid.Geometry;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.DiffusionTensor;
import org.anisocr.operator.TransportProblem;
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

class BackendsTest {
    private static final TransportProblem SMALL = new TransportProblem(new SpatialGrid(Geometry.CYLINDRICAL, 4, 2, 11, 11),
            new MomentumGrid(1, 100, 2), new DiffusionTensor(0.033143, 0.3, 0.5, 0.05, 1),
            new UniformField(10, 0, 10), new ManufacturedSource());

    @AfterEach
    void gpuBackOn() { System.clearProperty("anisocr.gpu"); }

    @Test
    void autoFallsBackToCpuWithExactlyOneLine() {
        System.setProperty("anisocr.gpu", "off");   // deterministic on machines with and without a GPU
        List<String> log = new ArrayList<>();
        try (SplitStepper s = Backends.open(SMALL, "auto", 1, log::add)) {
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
        try (SplitStepper s = Backends.open(SMALL, "auto", 1, log::add)) {
            assertEquals(info.available() ? "gpu" : "cpu", s.backend());
        }
        assertEquals(info.available() ? 0 : 1, log.size(), "log: " + log);
        if (!info.available()) assertTrue(log.get(0).contains(info.reason()), log.get(0));
    }

    @Test
    void gpuWithoutGpuIsAClearError() {
        Assumptions.assumeFalse(GpuDevice.probe().available(), "a GPU is present");
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> Backends.open(SMALL, "gpu", 1, s -> fail(s)));
        assertTrue(e.getMessage().contains("--backend gpu requested but no usable GPU ("), e.getMessage());
    }

    @Test
    void gpuSwitchedOffIsAClearError() {
        System.setProperty("anisocr.gpu", "off");
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> Backends.open(SMALL, "gpu", 1, s -> fail(s)));
        assertTrue(e.getMessage().contains("disabled by ANISOCR_GPU=off"), e.getMessage());
    }

    @Test
    void steadyOnGpuSelection() {
        System.setProperty("anisocr.gpu", "off");
        List<String> log = new ArrayList<>();
        assertFalse(Backends.steadyOnGpu("cpu", log::add));
        assertEquals(0, log.size());
        assertFalse(Backends.steadyOnGpu("auto", log::add));
        assertEquals(1, log.size(), "log: " + log);
        assertTrue(log.get(0).endsWith("; using the CPU backend"), log.get(0));
        GpuUnavailableException e = assertThrows(GpuUnavailableException.class, () -> Backends.steadyOnGpu("gpu", l -> fail(l)));
        assertTrue(e.getMessage().contains("--backend gpu requested but no usable GPU ("), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backends.steadyOnGpu("tpu", l -> { }));
    }

    @Test
    void cpuAndBadNames() {
        try (SplitStepper s = Backends.open(SMALL, "CPU", 1, l -> fail(l))) {
            assertEquals("cpu", s.backend());
        }
        assertThrows(IllegalArgumentException.class, () -> Backends.open(SMALL, "tpu", 1, l -> { }));
    }

    @Test
    void probeNeverThrowsAndExplains() {
        GpuInfo info = GpuDevice.probe();
        assertNotNull(info.reason());
        assertFalse(info.describe().isBlank());
    }
}
