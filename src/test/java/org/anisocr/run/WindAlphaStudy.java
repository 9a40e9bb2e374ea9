package org.anisocr.run;

import org.anisocr.analysis.SpectralIndexFit;
import org.anisocr.config.ModelConfig;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.io.LinePlot;
import org.anisocr.io.PanelFigure;
import org.anisocr.operator.Convection;
import org.anisocr.operator.FieldDirection;
import org.anisocr.operator.TransportProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The science study of docs/science.md "Wind and energy losses": the four realistic models without and with a
 * typical wind (v0 = 10 km/s, dv/dz = 10 km/s/kpc) and the proton losses, α(R) in the plane over 1–10 and
 * 10–1000 GeV, the momentum below which advection dominates (v̄ H / D̄_zz > 1), and the solve times. Not a test: run
 * as {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.anisocr.run.WindAlphaStudy OUT_DIR} from
 * the repository root (cp.txt from {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class WindAlphaStudy {
    static final String[] MODELS = {"realistic-eps0.01-dperp0.5", "realistic-eps0.01-dperp0.7",
        "realistic-eps0.1-dperp0.5", "realistic-eps0.1-dperp0.7"};
    static final String WIND = "\n[convection]\nv0_km_s = 10.0\ndv_dz_km_s_per_kpc = 10.0\n";
    static final String LOSSES = "\n[losses]\n";
    static final double[] RADII_KPC = {1, 4, 8.3, 12};

    private WindAlphaStudy() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "out/wind-study");
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("model,variant,R_kpc,alpha_1_10,alpha_10_1000\n");
        StringBuilder notes = new StringBuilder();
        List<PanelFigure.Panel> panels = new ArrayList<>();
        for (String name : MODELS) {
            String text = Files.readString(Path.of("configs", name + ".toml"));
            List<LinePlot.Series> lines = new ArrayList<>();
            String[][] variants = {{"plain", ""}, {"losses", LOSSES}, {"wind+losses", WIND + LOSSES}};
            for (String[] v : variants) {
                ModelConfig c = ModelConfig.parse(name, text + v[1]);
                RunResult r = ModelRunner.run(c, 0, null);
                double[][] plane = planeSpectra(r);
                double[] p = r.problem().momenta().values();
                double[] low = SpectralIndexFit.profile(p, plane, 1, 10);
                double[] high = SpectralIndexFit.profile(p, plane, 10, 1000);
                double[] rs = radii(r.problem().grid());
                for (int i = 0; i < rs.length; i++) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%.2f,%.5f,%.5f%n", name, v[0], rs[i], low[i],
                            high[i]));
                }
                notes.append(String.format(Locale.ROOT, "%s %s: solve %.2f s, residual %.2e; alpha(10-1000) at R ="
                        + " 1, 4, 8.3 kpc: %.3f %.3f %.3f; alpha(1-10): %.3f %.3f %.3f%n", name, v[0],
                        r.wallSeconds(), r.residual(), high[10], high[40], high[83], low[10], low[40], low[83]));
                lines.add(new LinePlot.Series(v[0] + " 10-1000 GeV", rs, high));
                lines.add(new LinePlot.Series(v[0] + " 1-10 GeV", rs, low, true));
                if (v[0].equals("wind+losses")) {
                    notes.append(advectionEnergies(name, r.problem(), c.convection()));
                }
            }
            panels.add(new PanelFigure.Panel(name, "R (kpc)", "alpha", lines, List.of(), 0, 16, 1.9, 3.0, false));
        }
        Files.writeString(out.resolve("alpha-wind.csv"), csv);
        Files.writeString(out.resolve("notes.txt"), notes);
        PanelFigure.write(out.resolve("alpha-wind-losses.png"), panels, 2, 640, 420);
        System.out.print(notes);
    }

    static double[] radii(SpatialGrid g) {
        double[] r = new double[g.nR()];
        for (int i = 0; i < r.length; i++) {
            r[i] = g.r(i);
        }
        return r;
    }

    /** spectra[i][k] = N(R_i, z = 0, p_k). */
    static double[][] planeSpectra(RunResult r) {
        SpatialGrid g = r.problem().grid();
        double[][] n = r.density();
        double[][] s = new double[g.nR()][n.length];
        for (int i = 0; i < g.nR(); i++) {
            for (int k = 0; k < n.length; k++) {
                s[i][k] = n[k][g.index(i, g.planeIndex())];
            }
        }
        return s;
    }

    /**
     * The momentum below which the wind beats vertical diffusion at radius R: v̄ H / D̄_zz(p) = 1, with v̄ the wind's
     * mean over 0 &lt; z &lt; H and D̄_zz the harmonic mean over the column (the one that sets the diffusive escape
     * time H²/D̄), D_zz = D⊥ + (D∥ − D⊥) b_z².
     */
    static String advectionEnergies(String name, TransportProblem problem, Convection wind) {
        SpatialGrid g = problem.grid();
        FieldDirection d = problem.coefficients().direction();
        double h = g.halfHeightKpc();
        double vMean = wind.vzKpcPerMyr(h / 2);
        StringBuilder sb = new StringBuilder();
        for (double rKpc : RADII_KPC) {
            int i = g.radialIndex(rKpc);
            double lo = Math.log(1e-2);
            double hi = Math.log(1e8);
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                double ratio = vMean * h / harmonicDzz(problem, d, i, Math.exp(mid));
                if (ratio > 1) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            sb.append(String.format(Locale.ROOT, "  %s: advection dominates (v H / D_zz > 1) below p = %.3g GeV at R"
                    + " = %.1f kpc%n", name, Math.exp(lo), rKpc));
        }
        return sb.toString();
    }

    static double harmonicDzz(TransportProblem problem, FieldDirection d, int i, double pGeV) {
        SpatialGrid g = problem.grid();
        double dPerp = problem.tensor().perpendicular(pGeV);
        double dAni = problem.tensor().anisotropic(pGeV);
        double sum = 0;
        int count = 0;
        for (int j = g.planeIndex(); j < g.nZ() - 1; j++) {
            sum += 1 / d.dZZ(g.index(i, j), dPerp, dAni);
            count++;
        }
        return count / sum;
    }
}
