package org.anisocr.run;

import org.anisocr.config.ConfigException;
import org.anisocr.config.ModelConfig;
import org.anisocr.solver.Backend;
import org.anisocr.solver.gpu.GpuUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models with [convection] and [losses]: parsing, the coupled steady and time-stepping solves, the GPU refusal. */
class WindAndLossesRunTest {
    static final String TERMS = """
            [convection]
            v0_km_s = 10.0
            dv_dz_km_s_per_kpc = 10.0

            [losses]
            """;

    static ModelConfig model(String solver) {
        return ModelConfig.parse("wind", TransportTermsOffTest.BASE + TERMS + solver);
    }

    @Test void tablesAreReadStrictly() {
        ModelConfig c = model("");
        assertTrue(c.couplesBins());
        assertEquals(10.0, c.convection().v0KmPerS());
        assertTrue(c.losses().ionisation() && c.losses().coulomb() && c.losses().pion());
        assertFalse(ModelConfig.parse("off", TransportTermsOffTest.BASE).couplesBins());
        String base = TransportTermsOffTest.BASE;
        assertThrows(ConfigException.class, () -> ModelConfig.parse("m", base + "[convection]\nv0_km_s = -1.0\n"));
        assertThrows(ConfigException.class, () -> ModelConfig.parse("m", base + "[convection]\nspeed = 1.0\n"));
        assertThrows(ConfigException.class, () -> ModelConfig.parse("m", base + "[convection]\n"));
        assertThrows(ConfigException.class, () -> ModelConfig.parse("m", base
                + "[losses]\nionisation = false\ncoulomb = false\npion = false\n"));
    }

    /**
     * The steady solve (top bin down) and the ladder (split step with the implicit transport sub-step) reach the same
     * state; the wind and the losses lower N at 1 GeV more than at 1 TeV; summary.json reports the flux through p_min.
     */
    @Test void steadyAndLadderAgreeAndTheTermsActAtLowMomentum() {
        RunResult steady = ModelRunner.run(model("[solver]\nmode = \"steady\"\n"), 2, null);
        assertTrue(steady.converged());
        assertTrue(steady.residual() < 1e-9, "residual " + steady.residual());
        RunResult plain = ModelRunner.run(ModelConfig.parse("off", TransportTermsOffTest.BASE), 2, null);
        int sun = steady.problem().grid().index(16, steady.problem().grid().planeIndex());
        double low = steady.density()[0][sun] / plain.density()[0][sun];
        double high = steady.density()[6][sun] / plain.density()[6][sun];
        assertTrue(low < 0.8 && high > low, "suppression at 1 GeV " + low + ", at 1 TeV " + high);
        Map<String, Object> s = RunOutput.summary(steady);
        @SuppressWarnings("unchecked")
        Map<String, Object> flux = (Map<String, Object>) s.get("momentum_flux");
        assertTrue((double) flux.get("p_min_outflux_per_Myr") > 0);
        RunResult ladder = ModelRunner.run(model("""
                [solver]
                mode = "ladder"
                [solver.ladder]
                dt_max_Myr = 2.0
                dt_min_Myr = 0.5
                max_steps = 200000
                tolerance = 1.0e-9
                steps_per_rung = 400
                """), 2, null);
        double worst = 0;
        for (int k = 0; k < 7; k++) {
            worst = Math.max(worst, Math.abs(ladder.density()[k][sun] / steady.density()[k][sun] - 1));
        }
        assertTrue(worst < 0.02, "ladder vs steady at the Sun: " + worst);
    }

    /** The limited symmetric scheme's Picard iteration solves the coupled bins too, and keeps N ≥ 0. */
    @Test void limitedSchemeConvergesWithTheTerms() {
        RunResult r = ModelRunner.run(model("[solver]\nmode = \"steady\"\nscheme = \"symmetric-limited\"\n"), 2,
                null);
        assertTrue(r.converged());
        assertTrue(r.residual() < 1e-9, "residual " + r.residual());
        for (double[] bin : r.density()) {
            for (double v : bin) {
                assertTrue(v >= 0, "negative density " + v);
            }
        }
    }

    @Test void gpuRefusesAndAutoFallsBackWithOneLine() {
        SolverBackend gpu = SolverBackend.withStandInDevice(Backend.GPU, 1, line -> { }, () -> null);
        assertThrows(GpuUnavailableException.class, () -> gpu.forCoupledBins("wind"));
        List<String> lines = new ArrayList<>();
        SolverBackend auto = SolverBackend.withStandInDevice(Backend.AUTO, 1, lines::add, () -> null);
        assertEquals(Backend.CPU, auto.forCoupledBins("wind").requested());
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("[convection] or [losses]"), lines.get(0));
        assertFalse(ModelRunner.batchable(List.of(model(""), model("")), auto));
    }
}
