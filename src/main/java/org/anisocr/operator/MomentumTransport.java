package org.anisocr.operator;

import org.anisocr.gas.GasModel;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;

/**
 * The Galactic wind and the energy losses made discrete (docs/physics.md §4 "Wind and energy losses"): the terms
 * <pre>  − ∂_z(v_z N) − ∂_p(ṗ N),   ṗ = −(p/3) ∇·v − |ṗ|_losses  </pre>
 * added to the diffusion operator of every scheme. Both are written in conservative flux form with first-order
 * upwinding, which makes them monotone (no negative N, no overshoot) and exactly conservative:
 * <ul>
 *   <li><b>Advection</b> through the vertical faces z_{j±½} of each node, F = v(z_{j±½})·N_upwind; a node's row gains
 *       −(F_{j+½} − F_{j−½})/Δz. In the symmetric scheme a node's vertical face area is V_i/Δz, so the same row is
 *       its finite-volume balance and the fluxes telescope to the flux out through z = ±H.</li>
 *   <li><b>The adiabatic loss</b> with ∇·v discretised by the same faces, (v_{j+½} − v_{j−½})/Δz: at the plane node
 *       this is (2 v0 + dv/dz Δz)/Δz, the cell average of the 2 v0 δ(z) that the jump of v at z = 0 carries. The
 *       particles that the wind removes from the plane lose momentum there, consistently with the advective flux.
 *       (GALPROP's propel.cc keeps only dv/dz in the adiabatic term and switches the convective terms off at the
 *       plane node; that form is not conservative at z = 0 and is not used here.)</li>
 *   <li><b>The momentum flux</b> between p_k and p_{k+1}, upwind: losses move particles down, so the flux is carried
 *       by the upper node, |ṗ(p_{k+1})| N_{k+1}; bin k gains |ṗ(p_{k+1})| N_{k+1}/w_k and loses |ṗ(p_k)| N_k/w_k with
 *       w_k = p_{k+1} − p_k. This is GALPROP's form (propel.cc, "MOMENTUM LOSSES": α₂ = ṗ_k/(p_{k+1} − p_k),
 *       α₃ = ṗ_{k+1}/(p_{k+1} − p_k); Strong &amp; Moskalenko 1998, ApJ 509, 212, Table 3). It is first order in
 *       Δ ln p; evaluating ṗ at the nodes rather than at cell faces halves the error constant in the losses-only test.
 *       Nothing enters the top bin (N = 0 above p_max); what leaves bin 0 crosses p_min and is reported as
 *       {@link #pMinOutflux}. Summed with weights w_k the inflows and outflows telescope to that flux alone.</li>
 * </ul>
 * N is the density per unit momentum. ṗ ≤ 0 everywhere (v0, dv/dz ≥ 0), so bin k depends only on bins ≥ k: a steady
 * state is solved from the top bin down, and each bin's spatial solve takes the bin above as a source.
 * Immutable once built.
 */
public final class MomentumTransport {
    private final SpatialGrid grid;
    private final MomentumGrid momenta;
    private final Convection convection;
    private final EnergyLosses losses;
    /** v_z at the face z_{j+½}, j = 0..Nz−2 (kpc/Myr). */
    private final double[] vFace;
    /** |ṗ| at p_k, per bin and node (GeV/c per Myr). */
    private final double[][] pDot;
    /** w_k = p_{k+1} − p_k (the top bin's p_K continues the log grid). */
    private final double[] width;

    /**
     * @param gas the interstellar gas the losses see (may be null when no loss is switched on)
     */
    public MomentumTransport(SpatialGrid grid, MomentumGrid momenta, Convection convection, EnergyLosses losses,
                             GasModel gas) {
        if (momenta.count() < 2) {
            throw new IllegalArgumentException("wind and energy losses need at least 2 momentum bins");
        }
        if (losses.isOn() && gas == null) {
            throw new IllegalArgumentException("energy losses need a gas model");
        }
        this.grid = grid;
        this.momenta = momenta;
        this.convection = convection;
        this.losses = losses;
        int nZ = grid.nZ();
        vFace = new double[nZ - 1];
        for (int j = 0; j < nZ - 1; j++) {
            vFace[j] = convection.vzKpcPerMyr(grid.z(j) + grid.dz() / 2);
        }
        int bins = momenta.count();
        double ratio = momenta.p(1) / momenta.p(0);
        width = new double[bins];
        pDot = new double[bins][grid.size()];
        for (int k = 0; k < bins; k++) {
            width[k] = momenta.p(k) * (ratio - 1);
        }
        double[] divV = new double[nZ];
        for (int j = 1; j < nZ - 1; j++) {
            divV[j] = (vFace[j] - vFace[j - 1]) / grid.dz();
        }
        for (int j = 1; j < nZ - 1; j++) {
            for (int i = 0; i < grid.nR() - 1; i++) {
                fillNode(grid.index(i, j), grid.r(i), grid.z(j), divV[j], gas);
            }
        }
    }

    private void fillNode(int idx, double rKpc, double zKpc, double divV, GasModel gas) {
        double neutral = 0;
        double electrons = 0;
        double hydrogen = 0;
        if (losses.isOn()) {
            double hi = gas.hiPerCm3(rKpc, zKpc);
            double h2 = gas.h2MoleculesPerCm3(rKpc, zKpc);
            electrons = gas.hiiPerCm3(rKpc, zKpc);
            neutral = hi + 2 * h2;
            hydrogen = neutral + electrons;
        }
        for (int k = 0; k < pDot.length; k++) {
            double p = momenta.p(k);
            double rate = p / 3 * divV;
            if (losses.isOn()) {
                rate += ProtonLosses.momentumLossGeVPerMyr(losses, p, neutral, electrons, hydrogen);
            }
            pDot[k][idx] = rate;
        }
    }

    public SpatialGrid grid() { return grid; }
    public MomentumGrid momenta() { return momenta; }
    public Convection convection() { return convection; }
    public EnergyLosses losses() { return losses; }

    /** w_k = p_{k+1} − p_k, the momentum interval bin k stands for in particle counts (GeV/c). */
    public double cellWidth(int k) { return width[k]; }

    /** v_z at the face z_{j+½} (kpc/Myr). */
    public double faceVelocity(int j) { return vFace[j]; }

    /** |ṗ(p_k)| at a node (GeV/c per Myr). */
    public double momentumLoss(int k, int idx) { return pDot[k][idx]; }

    /** The rate (1/Myr) at which bin k loses particles to bin k − 1 (or through p_min) at a node. */
    public double outRate(int k, int idx) { return pDot[k][idx] / width[k]; }

    /** The rate (1/Myr) at which bin k gains the particles of bin k + 1 at a node (0 for the top bin). */
    public double inRate(int k, int idx) { return k + 1 < width.length ? pDot[k + 1][idx] / width[k] : 0; }

    /** The advection row of an interior node at height index j: the coefficient of N_j (≤ 0, outflow), 1/Myr. */
    public double advectionCentre(int j) {
        return (-Math.max(vFace[j], 0) + Math.min(vFace[j - 1], 0)) / grid.dz();
    }

    /** The advection row's coefficient of N_{j+1} (the inflow from above; 0 next to the Dirichlet node), 1/Myr. */
    public double advectionAbove(int j) {
        return j + 1 < grid.nZ() - 1 ? -Math.min(vFace[j], 0) / grid.dz() : 0;
    }

    /** The advection row's coefficient of N_{j−1} (the inflow from below; 0 next to the Dirichlet node), 1/Myr. */
    public double advectionBelow(int j) {
        return j - 1 > 0 ? Math.max(vFace[j - 1], 0) / grid.dz() : 0;
    }

    /**
     * Adds the advection and the momentum outflow of bin k to a bin's 9-point matrix (interior rows only; couplings
     * to Dirichlet nodes are left out, N = 0 there).
     */
    public void addTo(NinePointMatrix m, int k) {
        for (int j = 1; j < grid.nZ() - 1; j++) {
            double centre = advectionCentre(j);
            double above = advectionAbove(j);
            double below = advectionBelow(j);
            for (int i = 0; i < grid.nR() - 1; i++) {
                int idx = grid.index(i, j);
                m.add(0, 0, idx, centre - outRate(k, idx));
                m.add(0, 1, idx, above);
                m.add(0, -1, idx, below);
            }
        }
    }

    /** out += (advection − outflow of bin k) n on the interior nodes: what {@link #addTo} adds, matrix-free. */
    public void applyTo(int k, double[] n, double[] out) {
        int nR = grid.nR();
        for (int j = 1; j < grid.nZ() - 1; j++) {
            double centre = advectionCentre(j);
            double above = advectionAbove(j);
            double below = advectionBelow(j);
            for (int i = 0; i < nR - 1; i++) {
                int idx = grid.index(i, j);
                out[idx] += (centre - outRate(k, idx)) * n[idx] + above * n[idx + nR] + below * n[idx - nR];
            }
        }
    }

    /** out += inRate_k · nAbove (the particles bin k + 1 loses into bin k); nothing for the top bin. */
    public void addInflow(int k, double[] nAbove, double[] out) {
        if (k + 1 >= width.length) {
            return;
        }
        int nR = grid.nR();
        for (int j = 1; j < grid.nZ() - 1; j++) {
            for (int i = 0; i < nR - 1; i++) {
                int idx = grid.index(i, j);
                out[idx] += inRate(k, idx) * nAbove[idx];
            }
        }
    }

    /** The source bin k's spatial solve sees: S_k plus the inflow from bin k + 1 (a fresh array). */
    public double[] sourceWithInflow(int k, double[] s, double[] nAbove) {
        double[] out = s.clone();
        if (nAbove != null) {
            addInflow(k, nAbove, out);
        }
        return out;
    }

    /**
     * Particles per Myr crossing p_min downward, Σ_i V_i |ṗ(p_0)| N_0 (V_i: {@link SpatialGrid#volumeWeight}, so
     * in the units of N times kpc³ for a cylindrical grid).
     */
    public double pMinOutflux(double[] n0) {
        double sum = 0;
        for (int j = 1; j < grid.nZ() - 1; j++) {
            for (int i = 0; i < grid.nR() - 1; i++) {
                int idx = grid.index(i, j);
                sum += grid.volumeWeight(i) * pDot[0][idx] * n0[idx];
            }
        }
        return sum;
    }

    /** Σ_i V_i f_i over the interior nodes ({@link SpatialGrid#volumeWeight}). */
    public double volumeIntegral(double[] f) {
        double sum = 0;
        for (int j = 1; j < grid.nZ() - 1; j++) {
            for (int i = 0; i < grid.nR() - 1; i++) {
                sum += grid.volumeWeight(i) * f[grid.index(i, j)];
            }
        }
        return sum;
    }

    /** Particles per Myr of one bin that the wind carries through z = ±H (upwind flux times the face area V_i/Δz). */
    public double advectiveOutflux(double[] n) {
        int nZ = grid.nZ();
        double top = Math.max(vFace[nZ - 2], 0);
        double bottom = -Math.min(vFace[0], 0);
        double sum = 0;
        for (int i = 0; i < grid.nR() - 1; i++) {
            double area = grid.volumeWeight(i) / grid.dz();
            sum += area * (top * n[grid.index(i, nZ - 2)] + bottom * n[grid.index(i, 1)]);
        }
        return sum;
    }
}
