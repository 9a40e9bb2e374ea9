package org.anisocr.config;

import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.SolverTuning.SteadyKernel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** [solver.tuning]: every key optional with the measured defaults, strict keys and values with clear errors. */
class SolverTuningTableTest {
    private static String error(String text) {
        return assertThrows(ConfigException.class, () -> ModelConfig.parse("m", text)).getMessage();
    }

    @Test
    void absentTableIsTheDefaults() {
        assertEquals(SolverTuning.defaults(), ModelConfig.parse("m", ModelConfigTest.VALID).solver().tuning());
    }

    @Test
    void everyKeyIsRead() {
        SolverTuning t = ModelConfig.parse("m", ModelConfigTest.VALID + """
                [solver.tuning]
                multigrid_setup = "cpu"
                line_relaxation = "pcr"
                steady_kernel = "global"
                multigrid_sweeps = 2
                """).solver().tuning();
        assertEquals(new SolverTuning(MultigridSetupPlace.CPU, LineRelaxation.PCR, SteadyKernel.GLOBAL, 2), t);
    }

    @Test
    void badValuesAndUnknownKeysAreNamed() {
        String m = error(ModelConfigTest.VALID + "[solver.tuning]\nline_relaxation = \"cyclic\"\n");
        assertTrue(m.contains("solver.tuning.line_relaxation") && m.contains("cyclic") && m.contains("pcr"), m);
        m = error(ModelConfigTest.VALID + "[solver.tuning]\nmultigrid_sweeps = 9\n");
        assertTrue(m.contains("solver.tuning.multigrid_sweeps") && m.contains("9"), m);
        m = error(ModelConfigTest.VALID + "[solver.tuning]\nmg_nu = 2\n");
        assertTrue(m.contains("unknown key solver.tuning.mg_nu") && m.contains("multigrid_sweeps"), m);
    }
}
