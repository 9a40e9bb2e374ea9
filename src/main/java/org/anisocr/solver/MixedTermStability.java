package org.anisocr.solver;

import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.BinStencil;
import org.anisocr.operator.TransportProblem;

/**
 * Up-front stability check of the split step with its explicit mixed term (docs/physics.md §3).
 *
 * <p>Frozen-coefficient von Neumann analysis: at every node with a mixed coefficient, a Fourier mode
 * e^{i(θ i + φ j)} is multiplied per step by g = CN_R(θ) · CN_z(φ) · (1 − 4 dt M sin θ sin φ), where
 * CN(λ) = (1 + dt λ/2)/(1 − dt λ/2) and λ_R = −C_R(1 − cos θ) + i (U_R − L_R) sin θ (likewise in z).
 * The Crank–Nicolson factors never exceed 1 in modulus, but the explicit mixed factor does, so the product
 * is checked on a grid of modes. Without any mixed coefficient the scheme is unconditionally stable.
 */
public final class MixedTermStability {
    private static final int MODES = 24;
    private static final double TOLERANCE = 1e-9;

    private MixedTermStability() {}

    /** The worst |g| over nodes, bins and modes, and where it occurs. */
    public record Verdict(double amplification, int bin, int node) {
        public boolean stable() { return amplification <= 1 + TOLERANCE; }
    }

    public static Verdict check(TransportProblem problem, double dtMyr) {
        SpatialGrid g = problem.grid();
        double[] cos = new double[MODES];
        double[] sin = new double[MODES];
        for (int m = 0; m < MODES; m++) {
            double theta = Math.PI * (m + 0.5) / MODES;
            cos[m] = Math.cos(theta);
            sin[m] = Math.sin(theta);
        }
        Verdict worst = new Verdict(1, -1, -1);
        if (!problem.coefficients().hasMixedTerm()) {
            return worst;
        }
        double[] cnR = new double[MODES];
        double[] cnZ = new double[MODES];
        for (int k = 0; k < problem.bins(); k++) {
            BinStencil s = new BinStencil(problem, k);
            for (int j = 1; j < g.nZ() - 1; j++) {
                for (int i = 1; i < g.nR() - 1; i++) {
                    int idx = g.index(i, j);
                    double m4 = 4 * dtMyr * Math.abs(s.mixed(idx));
                    if (m4 == 0) {
                        continue;
                    }
                    crankNicolsonModulus(dtMyr, s.rCentre(idx), s.rUpper(idx) - s.rLower(idx), cos, sin, cnR);
                    crankNicolsonModulus(dtMyr, s.zCentre(idx), s.zUpper(idx) - s.zLower(idx), cos, sin, cnZ);
                    for (int a = 0; a < MODES; a++) {
                        for (int b = 0; b < MODES; b++) {
                            double ss = sin[a] * sin[b] * m4;
                            // both signs of sin θ sin φ occur (θ → −θ leaves the CN moduli unchanged)
                            double amp = cnR[a] * cnZ[b] * Math.max(1 + ss, Math.abs(1 - ss));
                            if (amp > worst.amplification()) {
                                worst = new Verdict(amp, k, idx);
                            }
                        }
                    }
                }
            }
        }
        return worst;
    }

    private static void crankNicolsonModulus(
            double dt, double centre, double skew, double[] cos, double[] sin, double[] out) {
        for (int m = 0; m < cos.length; m++) {
            double re = -centre * (1 - cos[m]) * dt / 2;
            double im = skew * sin[m] * dt / 2;
            out[m] = Math.sqrt(((1 + re) * (1 + re) + im * im) / ((1 - re) * (1 - re) + im * im));
        }
    }

    /** Largest stable dt below an unstable dtMyr, to about 1 %: halve until stable, then bisect. */
    public static double largestStableDt(TransportProblem problem, double dtMyr) {
        double lo = dtMyr;
        while (lo > 1e-12 && !check(problem, lo).stable()) {
            lo /= 2;
        }
        double hi = Math.min(2 * lo, dtMyr);
        for (int it = 0; it < 7; it++) {
            double mid = 0.5 * (lo + hi);
            if (check(problem, mid).stable()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Refuses dt with a message that names the config key, the value and the limit. */
    public static void requireStable(TransportProblem problem, double dtMyr, String key) {
        Verdict v = check(problem, dtMyr);
        if (v.stable()) {
            return;
        }
        SpatialGrid g = problem.grid();
        int i = v.node() % g.nR();
        int j = v.node() / g.nR();
        double limit = largestStableDt(problem, dtMyr);
        throw new UnstableTimeStepException(String.format(
                "%s = %g Myr is unstable for the explicit mixed term: amplification %.4f per step at R=%.3g kpc,"
                        + " z=%.3g kpc, p=%.4g GeV; expected a time step ≤ %.3g Myr for this grid and tensor",
                key, dtMyr, v.amplification(), g.r(i), g.z(j), problem.momenta().p(v.bin()), limit));
    }
}
