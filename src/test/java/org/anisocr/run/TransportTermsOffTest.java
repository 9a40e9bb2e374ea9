package org.anisocr.run;

import org.anisocr.config.ModelConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A model without [convection] and [losses] is solved exactly as before those tables existed: the density arrays of
 * small models in every mode hash to the values the solver produced before the wind and the losses were added (the
 * hashes below were recorded with that code, on the same thread count).
 */
class TransportTermsOffTest {
    static final String BASE = """
            [grid]
            geometry = "cylindrical"
            r_max_kpc = 20.0
            half_height_kpc = 4.0
            dr_kpc = 0.5
            dz_kpc = 0.5

            [momentum]
            p_min_GeV = 1.0
            p_max_GeV = 1000.0
            count = 7

            [diffusion]
            D0_cm2_s = 1.0e28
            delta_par = 0.3
            delta_perp = 0.5
            eps_D = 0.01

            [field]
            model = "realistic"

            [source]
            model = "pulsar"
            alpha_inj = 2.2
            """;

    /** A digest of every bit of N (bins in order, nodes in order). */
    static long digest(double[][] n) {
        long h = 1125899906842597L;
        for (double[] bin : n) {
            for (double v : bin) {
                h = 31 * h + Double.doubleToRawLongBits(v);
            }
        }
        return h;
    }

    static long solve(String solver) {
        ModelConfig c = ModelConfig.parse("off", BASE + solver);
        return digest(ModelRunner.run(c, 2, null).density());
    }

    @Test void steadyPaperSchemeIsUnchanged() {
        assertEquals(-8985130937523638093L, solve("[solver]\nmode = \"steady\"\n"));
    }

    @Test void steadySymmetricSchemeIsUnchanged() {
        assertEquals(7772723834126613474L, solve("[solver]\nmode = \"steady\"\nscheme = \"symmetric\"\n"));
    }

    @Test void directIsUnchanged() {
        assertEquals(-4753077161871750446L, solve("[solver]\nmode = \"direct\"\n"));
    }

    @Test void transientIsUnchanged() {
        assertEquals(-3273053293371562433L,
                solve("[solver]\nmode = \"transient\"\n[solver.transient]\ndt_Myr = 0.05\nt_end_Myr = 5.0\n"));
    }
}
