package org.anisocr.field;

/**
 * The poloidal "X" field of Jansson &amp; Farrar 2012 (ApJ 757, 14, §5.3 and Table 1), paper eqs. 2.7–2.11, in the
 * elevation-angle convention of docs/physics.md §2: ΘX is the angle above the plane, so B_R ∝ cos ΘX, B_z ∝ sin ΘX and
 * the field is vertical (ΘX = π/2) in the plane at R &lt; RXc. (The paper's printed eqs. 2.7–2.8 swap sin and cos.)
 * <pre>
 *   rc = RXc + |z|/tan ΘX0
 *   R &lt; rc:  Rp = R·RXc/rc,           BX = BX0 e^(−Rp/RX) (RXc/rc)²,  ΘX = atan2(|z|, R − Rp)
 *   R ≥ rc:  Rp = R − |z|/tan ΘX0,     BX = BX0 e^(−Rp/RX) Rp/R,       ΘX = ΘX0
 *   B_R = sign(z) BX cos ΘX,  B_z = BX sin ΘX,   sign(0) = 0
 * </pre>
 * B_R is odd in z, so on the plane z = 0 it is 0 in both branches (the outer branch, R ≥ RXc, is then vertical with
 * strength BX sin ΘX0): the field is mirror symmetric and D_Rz ∝ b_R b_z vanishes on the mid-plane row, as an odd
 * function must. (Taking the z &gt; 0 branch on the plane instead, B_R = +BX cos ΘX0 for R ≥ RXc, breaks the
 * symmetry by up to 1 % of max N near R = 5 kpc.)
 * Defaults BX0 = 4.6 µG, ΘX0 = 49°, RXc = 4.8 kpc, RX = 2.9 kpc are JF12 Table 1, identical in
 * CRPropa/CRPropa3 src/magneticField/JF12Field.cpp (bX, thetaX0, rXc, rX) and cosmicrays/DRAGON bfield.cc
 * (TFarrarField).
 *
 * <p>R → 0 needs no division: in the inner branch (RXc/rc)² and R − Rp = R(1 − RXc/rc) are regular, and
 * atan2(|z|, 0⁺) = π/2, so the field on the axis is vertical with strength BX0 (RXc/rc)². At z = 0 the inner
 * branch is defined as vertical (atan2(0, 0) would give 0).
 * Across R = rc the elevation angle and Rp are continuous, but the published magnitude jumps by the factor
 * RXc/rc (inner (RXc/rc)² vs outer Rp/R = RXc/rc) for z ≠ 0; this is JF12 as published and implemented by
 * CRPropa and DRAGON, and we keep it (a test pins it down).
 *
 * <p>JF12 sets its whole field to zero within 1 kpc of the centre; {@code zeroWithinKpc} &gt; 0 reproduces
 * that for the X part (spherical radius); the paper's 2D model does not, so the default is 0.
 */
public record JanssonFarrarXField(double b0MicroGauss, double theta0Deg, double rcKpc, double rScaleKpc,
                                  double zeroWithinKpc) {

    public static JanssonFarrarXField jf12() { return new JanssonFarrarXField(4.6, 49.0, 4.8, 2.9, 0.0); }

    /** (B_R, B_z) in µG. */
    public double[] at(double rKpc, double zKpc) {
        if (zeroWithinKpc > 0 && rKpc * rKpc + zKpc * zKpc < zeroWithinKpc * zeroWithinKpc) {
            return new double[]{0, 0};
        }
        double az = Math.abs(zKpc);
        double tanTheta0 = Math.tan(Math.toRadians(theta0Deg));
        double rc = rcKpc + az / tanTheta0;
        double bx;
        double sinT;
        double cosT;
        if (rKpc < rc) {
            double ratio = rcKpc / rc;
            double rp = rKpc * ratio;
            bx = b0MicroGauss * Math.exp(-rp / rScaleKpc) * ratio * ratio;
            if (az == 0) { sinT = 1; cosT = 0; } // vertical on the plane, exactly (cos(π/2) would leave 6e-17)
            else {
                double theta = Math.atan2(az, rKpc - rp);
                sinT = Math.sin(theta);
                cosT = Math.cos(theta);
            }
        } else {
            double rp = rKpc - az / tanTheta0;
            bx = b0MicroGauss * Math.exp(-rp / rScaleKpc) * rp / rKpc;
            double theta0 = Math.toRadians(theta0Deg);
            sinT = Math.sin(theta0);
            cosT = Math.cos(theta0);
        }
        // B_R is odd in z. On the plane itself the two mirror branches meet at a kink; the mirror-symmetric value
        // there is B_R = 0 (signum(0) = 0), otherwise D_Rz would not be odd in z and N(R, z) ≠ N(R, −z).
        double sign = Math.signum(zKpc);
        return new double[] {sign * bx * cosT, bx * sinT};
    }
}
