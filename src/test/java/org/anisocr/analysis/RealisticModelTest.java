package org.anisocr.analysis;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.anisocr.Slow;
import org.anisocr.cli.Main;
import org.anisocr.config.ModelConfig;
import org.anisocr.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The realistic field through the whole pipeline on a coarse grid, with exact expectations. */
class RealisticModelTest {
    static String config(double deltaPar, double deltaPerp, double epsD) {
        return CoarseModels.toml(0.5, deltaPar, deltaPerp, epsD, """
            [field]
            model = "realistic"
            [source]
            model = "pulsar"
            alpha_inj = 2.2
            [solver]
            mode = "direct"
            [analysis]
            map_p_GeV = [100.0]
            """);
    }

    /**
     * With δ⊥ = δ∥ = δ the tensor is D0 (p/p0)^δ × (a p-independent tensor), so N(p) = S(p)/D(p) × f(R, z) and
     * α = α_inj + δ exactly at every node, whatever the field and εD (docs/physics.md §1). Tests solver + fit together.
     */
    @Test
    void equalSlopesGiveExactlyInjectionPlusDelta() {
        ModelConfig c = ModelConfig.parse("realistic-equal-delta", config(0.4, 0.4, 0.05));
        RunResult r = CoarseModels.run(c);
        ModelAnalysis.Profiles pr = ModelAnalysis.compute(c.grid(), c.momenta(), r.density(), c.analysis());
        for (int i = 0; i < c.grid().nR() - 1; i++) {
            assertEquals(2.6, pr.alpha()[i], 1e-9, "R = " + c.grid().r(i));
        }
        assertEquals(0, pr.summary().alphaSunMinusInner(), 1e-9);
    }

    /** The paper's qualitative result: the inner Galaxy is harder than the local one for δ⊥ > δ∥. */
    @Test
    void innerGalaxyHarderWhenPerpendicularSlopeIsSteeper() {
        ModelConfig c = ModelConfig.parse("realistic-coarse", config(0.3, 0.5, 0.1));
        RunResult r = CoarseModels.run(c);
        AnalysisSummary s = ModelAnalysis.compute(c.grid(), c.momenta(), r.density(), c.analysis()).summary();
        assertTrue(s.alphaSunMinusInner() > 0.1, "Δα = " + s.alphaSunMinusInner());
        assertTrue(s.alphaInner() > 2.2 && s.alphaSun() < 2.2 + 0.5, s.toString());
    }

    @Slow
    @Test
    void fieldCommandWritesFitsAndPng(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("real.toml");
        Files.writeString(cfg, config(0.3, 0.5, 0.1));
        Path out = tmp.resolve("field");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        assertEquals(0, cl.execute("field", cfg.toString(), "--out", out.toString(), "--p-ref", "100"), e.toString());
        for (String f : new String[] {
            "field.fits", "field.png", "field_B.png", "field_D_RR.png", "field_D_zz.png", "field_D_Rz.png"
        }) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        try (Fits fits = new Fits(out.resolve("field.fits").toFile())) {
            BasicHDU<?> hdu = fits.readHDU();
            int[] axes = hdu.getAxes(); // FITS order reversed in Java: [plane][z][R]
            assertArrayEquals(new int[] {7, 33, 41}, axes);
            assertEquals("D_Rz", hdu.getHeader().getStringValue("PLANE7"));
            assertEquals(0.5, hdu.getHeader().getDoubleValue("CDELT1"), 1e-12);
            assertEquals(-4.0, hdu.getHeader().getDoubleValue("CRVAL2"), 1e-12);
            assertEquals(100.0, hdu.getHeader().getDoubleValue("P_REF"), 1e-12);
            double[][][] cube = (double[][][]) hdu.getKernel();
            // D_Rz = (D∥ − D⊥) b_R b_z is odd in z (B_R odd, B_z even): rows j and nZ−1−j mirror with opposite sign
            for (int i = 0; i < 41; i++) {
                assertEquals(-cube[6][5][i], cube[6][27][i], 1e-12 * (1 + Math.abs(cube[6][5][i])));
            }
            // b_z on the axis above the plane is large (X-field vertical there)
            assertTrue(cube[2][24][0] > 0.5);
        }
    }
}
