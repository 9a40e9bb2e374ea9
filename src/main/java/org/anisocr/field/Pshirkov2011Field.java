package org.anisocr.field;

/**
 * The regular field of Pshirkov, Tinyakov, Kronberg &amp; Newton-McGee 2011 (ApJ 738, 192, §3 eqs. 3–8 and
 * Table 3) in 3D: a logarithmic-spiral disk, bisymmetric (BSS) or axisymmetric (ASS), plus the Sun et al. 2008
 * double-torus halo. Frame of {@link FieldVector3} (Sun at (−R☉, 0, 0), φ = atan2(y, x), z north). The paper counts
 * its azimuth θ clockwise from the Sun's direction, so θ = π − φ, and its B_θ = B cos p points along −φ:
 * <pre>
 *   Φ = ln(1 + d/R☉)/tan p − π/2                         (a field reversal at distance d from the Sun)
 *   B(R, θ, z) = B0 (R☉ / max(R, Rc)) / cos Φ · c · e^(−|z|/z0),   c = cos(θ − ln(R/R☉)/tan p + Φ)  (BSS)
 *                                                                   c = |cos(…)|                     (ASS)
 *   B_R = B sin p,   B_φ = −B cos p
 *   halo: B_φ = ±B_H (R/R0H) e^(1 − R/R0H) / (1 + ((|z| − z0H)/z1H)²),  + B_H,N for z &gt; 0, − B_H,S otherwise;
 *         z1H = z1H,in for |z| &lt; z0H, z1H,out otherwise
 * </pre>
 * Best fits (Table 3), R☉ = 8.5 kpc: BSS p = −6°, ASS p = −5°; both d = −0.6 kpc, B0 = 2 µG, Rc = 5 kpc,
 * z0 = 1 kpc; halo z0H = 1.3 kpc, z1H = 0.25 kpc (in) / 0.4 kpc (out), R0H = 8 kpc, B_H,N = 4 µG, B_H,S = 4 µG (BSS)
 * or 2 µG (ASS). These agree with CRPropa/CRPropa3 src/magneticField/PT11Field.cpp, which Pshirkov2011FieldTest
 * compares with (BSS) to 1e-12. The spiral is singular on the axis (ln R); there we return the halo only (zero
 * too, since it ∝ R). This differs from {@link PshirkovAzimuthalField}, the paper-2D ASS form used by DRAGON.
 */
public record Pshirkov2011Field(
        boolean bisymmetric,
        double pitchDeg,
        double diskB0MicroGauss,
        double reversalDistanceKpc,
        double rSunKpc,
        double coreRadiusKpc,
        double diskZ0Kpc,
        double northHaloMicroGauss,
        double southHaloMicroGauss,
        double haloZ0Kpc,
        double haloZ1InnerKpc,
        double haloZ1OuterKpc,
        double haloR0Kpc) implements MagneticField3D {

    /** The bisymmetric best fit of Table 3. */
    public static Pshirkov2011Field bss() {
        return new Pshirkov2011Field(true, -6.0, 2.0, -0.6, 8.5, 5.0, 1.0, 4.0, 4.0, 1.3, 0.25, 0.4, 8.0);
    }

    /** The axisymmetric best fit of Table 3 (weaker southern halo). */
    public static Pshirkov2011Field ass() {
        return new Pshirkov2011Field(false, -5.0, 2.0, -0.6, 8.5, 5.0, 1.0, 4.0, 2.0, 1.3, 0.25, 0.4, 8.0);
    }

    @Override
    public String name() { return bisymmetric ? "pshirkov2011-bss" : "pshirkov2011-ass"; }

    @Override
    public FieldVector3 at(double xKpc, double yKpc, double zKpc) {
        double rKpc = Math.sqrt(xKpc * xKpc + yKpc * yKpc);
        if (rKpc == 0) {
            return FieldVector3.ZERO;
        }
        double cosPhi = xKpc / rKpc;
        double sinPhi = yKpc / rKpc;
        double pitch = Math.toRadians(pitchDeg);
        double diskB = disk(rKpc, Math.atan2(yKpc, xKpc), zKpc, pitch);
        double bR = diskB * Math.sin(pitch);
        double bPhi = -diskB * Math.cos(pitch) + halo(rKpc, zKpc);
        return FieldVector3.fromCylindrical(bR, bPhi, 0, cosPhi, sinPhi);
    }

    /** Signed disk strength B (µG) along the spiral, paper eqs. 3–6. */
    double disk(double rKpc, double phi, double zKpc, double pitch) {
        double cotPitch = Math.cos(pitch) / Math.sin(pitch);
        double phaseAtSun = cotPitch * Math.log1p(reversalDistanceKpc / rSunKpc) - Math.PI / 2;
        double theta = Math.PI - phi;
        double c = Math.cos(theta - cotPitch * Math.log(rKpc / rSunKpc) + phaseAtSun);
        if (!bisymmetric) {
            c = Math.abs(c);
        }
        return c * diskB0MicroGauss * rSunKpc / Math.max(rKpc, coreRadiusKpc) / Math.cos(phaseAtSun)
                * Math.exp(-Math.abs(zKpc) / diskZ0Kpc);
    }

    /** B_φ of the halo (µG), reversed in the south, paper eq. 8. */
    double halo(double rKpc, double zKpc) {
        double az = Math.abs(zKpc);
        double z1 = az < haloZ0Kpc ? haloZ1InnerKpc : haloZ1OuterKpc;
        double u = (az - haloZ0Kpc) / z1;
        double haloB = zKpc > 0 ? northHaloMicroGauss : -southHaloMicroGauss;
        return haloB * rKpc / haloR0Kpc * Math.exp(1 - rKpc / haloR0Kpc) / (1 + u * u);
    }
}
