package org.anisocr.analysis;

import org.anisocr.config.ModelConfig;
import org.anisocr.run.ModelRunner;
import org.anisocr.run.RunResult;

/**
 * The coarse models the analysis tests share: Rmax = 20 kpc, H = 4 kpc, dz = 0.25 kpc, 9 momenta over
 * 1–10⁴ GeV, run on the CPU.
 */
final class CoarseModels {
    private CoarseModels() {}

    /** TOML: the shared [grid], [momentum] and [diffusion] tables, then {@code rest} (field, source, solver, …). */
    static String toml(double drKpc, double deltaPar, double deltaPerp, double epsD, String rest) {
        return """
                [grid]
                r_max_kpc = 20.0
                half_height_kpc = 4.0
                dr_kpc = %s
                dz_kpc = 0.25
                [momentum]
                p_min_GeV = 1.0
                p_max_GeV = 10000.0
                count = 9
                [diffusion]
                delta_par = %s
                delta_perp = %s
                eps_D = %s
                """.formatted(drKpc, deltaPar, deltaPerp, epsD) + rest;
    }

    /** Solves the model as its config says, on the CPU with all cores. */
    static RunResult run(ModelConfig c) {
        return ModelRunner.run(c, 0, null);
    }
}
