package org.anisocr.field;

/**
 * The regular Galactic field of Jansson &amp; Farrar 2012 (ApJ 757, 14, "A new model of the Galactic magnetic
 * field", §5 and Table 1), in 3D: disk + toroidal halo + poloidal X-field, each switchable. Frame of
 * {@link FieldVector3}: centre at the origin, Sun at (−8.5, 0, 0) kpc, φ = atan2(y, x), z north.
 * <pre>
 *   L(x; x0, w) = 1 / (1 + e^(−2(|x| − x0)/w))                    logistic transition
 *   disk, 3 &lt; R &lt; 5 kpc (molecular ring):  B_φ = b_ring (5 kpc/R) (1 − L(z; h_disk, w_disk))
 *   disk, R ≥ 5 kpc (eight spiral arms, pitch i = 11.5°):
 *       B = b_j (5 kpc/R) (1 − L(z; h_disk, w_disk)),  B_R = B sin i,  B_φ = B cos i,
 *       j = the arm whose boundaries r_(j−1) ≤ r_(−x) &lt; r_j hold the point, where r_(−x) = R e^(−(φ − π) tan i)
 *       is where the logarithmic spiral through the point crosses the negative x axis (the Sun's side); if that
 *       is beyond r_8 the spiral is followed one more turn (φ + π, then φ + 3π)
 *   toroidal halo (R² + z² &gt; 1 kpc²):
 *       B_φ = e^(−|z|/z0) L(z; h_disk, w_disk) × b_N (1 − L(R; r_N, w_h))   z ≥ 0
 *                                                  b_S (1 − L(R; r_S, w_h))   z &lt; 0
 *   X-field: {@link JanssonFarrarXField} with the JF12 zero within 1 kpc (spherical)
 *   everything is zero at r = √(x² + y² + z²) ≥ 20 kpc
 * </pre>
 * Best-fit parameters (JF12 Table 1): b_1..b_8 = 0.1, 3.0, −0.9, −0.8, −2.0, −4.2, 0.0, 2.7 µG (b_8 fixed by
 * flux conservation), arm boundaries on the −x axis r_1..r_8 = 5.1, 6.3, 7.1, 8.3, 9.8, 11.4, 12.7, 15.5 kpc,
 * b_ring = 0.1 µG, h_disk = 0.40 kpc, w_disk = 0.27 kpc; b_N = 1.4 µG, r_N = 9.22 kpc, b_S = −1.1 µG,
 * r_S = 17 kpc (the paper quotes r_S &gt; 16.7 kpc), w_h = 0.20 kpc, z0 = 5.3 kpc; B_X = 4.6 µG, Θ_X0 = 49°,
 * R_Xc = 4.8 kpc, R_X = 2.9 kpc. The same numbers, the same ring and arm bounds, the 1 kpc and 20 kpc cuts and the
 * arm-lookup turns are in CRPropa/CRPropa3 src/magneticField/JF12Field.cpp (JF12Field::getRegularField), which
 * JanssonFarrar2012FieldTest compares with to 1e-12.
 *
 * <p>One deliberate difference: on the plane z = 0 our X-field has B_R = 0 (the mirror-symmetric value,
 * {@link JanssonFarrarXField}); CRPropa takes the z &gt; 0 branch there. It matters only at exactly z = 0 with
 * R ≥ R_Xc, where the published field has a kink. On the axis R = 0 φ = 0 is used, as in CRPropa; the halo's B_φ
 * does not vanish there (the model is singular on the axis above 1 kpc).
 *
 * @param coreCut whether the halo and X parts are zero within 1 kpc of the centre, as JF12 (and CRPropa) do; off,
 *                they are evaluated there too (the X-field then follows {@link JanssonFarrarXField} to the axis)
 */
public record JanssonFarrar2012Field(boolean disk, boolean toroidalHalo, boolean xField, boolean coreCut)
        implements MagneticField3D {

    private static final double PITCH_RAD = Math.toRadians(11.5);
    private static final double SIN_PITCH = Math.sin(PITCH_RAD);
    private static final double COS_PITCH = Math.cos(PITCH_RAD);
    /** tan(90° − i): dividing by it puts the arm spiral R ∝ e^(φ tan i) in the form the paper writes. */
    private static final double TAN_90_MINUS_PITCH = Math.tan(Math.PI / 2 - PITCH_RAD);
    private static final double[] ARM_BOUNDARY_KPC = {5.1, 6.3, 7.1, 8.3, 9.8, 11.4, 12.7, 15.5};
    private static final double[] ARM_B_MICRO_GAUSS = {0.1, 3.0, -0.9, -0.8, -2.0, -4.2, 0.0, 2.7};
    private static final double RING_B_MICRO_GAUSS = 0.1;
    private static final double RING_INNER_KPC = 3.0;
    private static final double ARMS_INNER_KPC = 5.0;
    private static final double DISK_H_KPC = 0.40;
    private static final double DISK_W_KPC = 0.27;
    private static final double NORTH_B_MICRO_GAUSS = 1.4;
    private static final double SOUTH_B_MICRO_GAUSS = -1.1;
    private static final double NORTH_R_KPC = 9.22;
    private static final double SOUTH_R_KPC = 17.0;
    private static final double HALO_W_KPC = 0.20;
    private static final double HALO_Z0_KPC = 5.3;
    /** JF12 sets the halo and X parts to zero within 1 kpc of the centre, and the whole field beyond 20 kpc. */
    private static final double INNER_CUT_KPC = 1.0;
    private static final double OUTER_CUT_KPC = 20.0;
    private static final JanssonFarrarXField X_FIELD = new JanssonFarrarXField(4.6, 49.0, 4.8, 2.9, INNER_CUT_KPC);
    private static final JanssonFarrarXField X_FIELD_UNCUT = new JanssonFarrarXField(4.6, 49.0, 4.8, 2.9, 0);

    /** The chosen parts with JF12's 1 kpc core cut. */
    public JanssonFarrar2012Field(boolean disk, boolean toroidalHalo, boolean xField) {
        this(disk, toroidalHalo, xField, true);
    }

    /** The full regular field with the published best fit. */
    public static JanssonFarrar2012Field jf12() { return new JanssonFarrar2012Field(true, true, true); }

    @Override
    public String name() { return "jf12"; }

    @Override
    public FieldVector3 at(double xKpc, double yKpc, double zKpc) {
        if (xKpc * xKpc + yKpc * yKpc + zKpc * zKpc >= OUTER_CUT_KPC * OUTER_CUT_KPC) {
            return FieldVector3.ZERO;
        }
        double rKpc = Math.sqrt(xKpc * xKpc + yKpc * yKpc);
        double phi = Math.atan2(yKpc, xKpc);
        double cosPhi = Math.cos(phi);
        double sinPhi = Math.sin(phi);
        double bR = 0;
        double bPhi = 0;
        double bZ = 0;
        if (disk && rKpc > RING_INNER_KPC) {
            double strength = diskStrength(rKpc, phi) * (ARMS_INNER_KPC / rKpc)
                    * (1 - logistic(zKpc, DISK_H_KPC, DISK_W_KPC));
            if (rKpc < ARMS_INNER_KPC) {
                bPhi += strength;
            } else {
                bR += strength * SIN_PITCH;
                bPhi += strength * COS_PITCH;
            }
        }
        boolean outsideCore = !coreCut || rKpc * rKpc + zKpc * zKpc > INNER_CUT_KPC * INNER_CUT_KPC;
        if (toroidalHalo && outsideCore) {
            bPhi += toroidalHalo(rKpc, zKpc);
        }
        if (xField && outsideCore) {
            double[] rz = (coreCut ? X_FIELD : X_FIELD_UNCUT).at(rKpc, zKpc);
            bR += rz[0];
            bZ += rz[1];
        }
        return FieldVector3.fromCylindrical(bR, bPhi, bZ, cosPhi, sinPhi);
    }

    /** µG at R = 5 kpc: the ring's value for R &lt; 5 kpc, else the value of the arm the point lies in. */
    static double diskStrength(double rKpc, double phi) {
        if (rKpc < ARMS_INNER_KPC) {
            return RING_B_MICRO_GAUSS;
        }
        double last = ARM_BOUNDARY_KPC[ARM_BOUNDARY_KPC.length - 1];
        double rOnNegativeX = rKpc * Math.exp(-(phi - Math.PI) / TAN_90_MINUS_PITCH);
        // φ ∈ (−π, π]: the first guess follows the spiral outwards to the −x axis; beyond the last arm, go round
        // inwards instead (one turn, then a second for R near 20 kpc).
        if (rOnNegativeX > last) {
            rOnNegativeX = rKpc * Math.exp(-(phi + Math.PI) / TAN_90_MINUS_PITCH);
        }
        if (rOnNegativeX > last) {
            rOnNegativeX = rKpc * Math.exp(-(phi + 3 * Math.PI) / TAN_90_MINUS_PITCH);
        }
        for (int arm = 0; arm < ARM_BOUNDARY_KPC.length; arm++) {
            if (rOnNegativeX < ARM_BOUNDARY_KPC[arm]) {
                return ARM_B_MICRO_GAUSS[arm];
            }
        }
        // Unreachable below 20 kpc (the third guess is at most e^(−2π tan i) R ≈ 0.28 R); kept so the method is total.
        return ARM_B_MICRO_GAUSS[ARM_B_MICRO_GAUSS.length - 1];
    }

    /** B_φ of the toroidal halo (µG), north and south different. */
    static double toroidalHalo(double rKpc, double zKpc) {
        double vertical = Math.exp(-Math.abs(zKpc) / HALO_Z0_KPC) * logistic(zKpc, DISK_H_KPC, DISK_W_KPC);
        if (zKpc >= 0) {
            return vertical * NORTH_B_MICRO_GAUSS * (1 - logistic(rKpc, NORTH_R_KPC, HALO_W_KPC));
        }
        return vertical * SOUTH_B_MICRO_GAUSS * (1 - logistic(rKpc, SOUTH_R_KPC, HALO_W_KPC));
    }

    /** The JF12 transition L(x; x0, w) = 1/(1 + e^(−2(|x| − x0)/w)): 0 well inside |x| &lt; x0, 1 well outside. */
    static double logistic(double x, double x0, double w) {
        return 1.0 / (1.0 + Math.exp(-2.0 * (Math.abs(x) - x0) / w));
    }
}
