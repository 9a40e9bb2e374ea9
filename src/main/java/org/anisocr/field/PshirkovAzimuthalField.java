package org.anisocr.field;

/**
 * Azimuthal part of the realistic field (paper eqs. 2.5–2.6): the axisymmetric (ASS) disk and halo of
 * Pshirkov et al. 2011, ApJ 738, 192, in the 2D (R, z) form used by DRAGON, on which the paper's code is built.
 * <pre>
 *   B_φ,disk = BD0 e^(−|z|/z0D)                      R &lt; RcD
 *            = BD0 e^(−|z|/z0D) e^(−(R − R☉)/R0D)     R ≥ RcD
 *   B_φ,halo = BH0 [1 + ((|z| − z0H)/z1H)²]^(−1) (R/R0H) e^(1 − R/R0H),
 *              z1H = z1H,in for |z| &lt; z0H, z1H,out otherwise
 * </pre>
 * Parameter sources (defaults of {@link #pshirkov2011Ass()}):
 * <ul>
 * <li>Pshirkov et al. 2011, Table 3 (ASS): B0 = 2 µG, Rc = 5 kpc, z0 = 1 kpc; halo BH0 = 4 µG (north),
 *     z0H = 1.3 kpc, z1H = 0.25 kpc (|z| &lt; z0H) / 0.4 kpc (otherwise), R0H = 8 kpc. The same numbers are in
 *     CRPropa/CRPropa3 src/magneticField/PshirkovField.cpp (B0, R_c, z0, B0_H, z0_H, z11_H, z12_H, R0_H).</li>
 * <li>The exponential radial fall-off R0D = 10 kpc of the outer disk (Pshirkov's own disk falls as 1/R) is
 *     DRAGON's 2D form: cosmicrays/DRAGON bfield.cc TPshirkovField::GetField, constructed in galaxy.cc as
 *     TPshirkovField(B0disk, RC=5, Z0=1, R0=10, B0halo, R0H=8, Z0H=1.3, …) with B0disk = 2e-6 G and
 *     B0halo = 4e-6 G in examples/run_2D.xml. (DRAGON uses z1H,in = 0.2 kpc; we keep Pshirkov's published 0.25.)</li>
 * </ul>
 * The halo has the same sign and strength north and south here (as in DRAGON's 2D field, and so that the model
 * is mirror-symmetric in z; docs/physics.md §2); Pshirkov's ASS fit has a weaker, reversed southern halo, which only
 * matters in 3D or for the sign of B_φ, and B_φ enters the transport only through |B|.
 * As in DRAGON the disk is discontinuous at RcD unless RcD = R☉.
 */
public record PshirkovAzimuthalField(
        double diskB0MicroGauss,
        double diskRcKpc,
        double diskZ0Kpc,
        double diskR0Kpc,
        double rSunKpc,
        double haloB0MicroGauss,
        double haloZ0Kpc,
        double haloZ1InnerKpc,
        double haloZ1OuterKpc,
        double haloR0Kpc) {

    public static PshirkovAzimuthalField pshirkov2011Ass() {
        return new PshirkovAzimuthalField(2.0, 5.0, 1.0, 10.0, 8.3, 4.0, 1.3, 0.25, 0.4, 8.0);
    }

    public double disk(double rKpc, double zKpc) {
        double vertical = Math.exp(-Math.abs(zKpc) / diskZ0Kpc);
        if (rKpc < diskRcKpc) {
            return diskB0MicroGauss * vertical;
        }
        return diskB0MicroGauss * vertical * Math.exp(-(rKpc - rSunKpc) / diskR0Kpc);
    }

    public double halo(double rKpc, double zKpc) {
        double az = Math.abs(zKpc);
        double z1 = az < haloZ0Kpc ? haloZ1InnerKpc : haloZ1OuterKpc;
        double u = (az - haloZ0Kpc) / z1;
        double x = rKpc / haloR0Kpc;
        return haloB0MicroGauss / (1 + u * u) * x * Math.exp(1 - x);
    }

    /** B_φ = disk + halo (µG). */
    public double bPhi(double rKpc, double zKpc) { return disk(rKpc, zKpc) + halo(rKpc, zKpc); }
}
