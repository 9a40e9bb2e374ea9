package org.anisocr.operator;

/**
 * A vertical Galactic wind, v_z(z) = sign(z)·(v0 + dv/dz·|z|), in the convention of GALPROP ({@code v0_conv},
 * {@code dvdz_conv}; Strong &amp; Moskalenko 1998, ApJ 509, 212, §2) and DRAGON2 ({@code vC}, {@code dvdz}): the wind
 * blows away from the plane on both sides, so v jumps by 2·v0 at z = 0 and ∇·v = dv/dz + 2·v0·δ(z).
 * Both numbers are ≥ 0 (an outflow whose speed does not fall with height), which keeps the adiabatic term a loss
 * everywhere, so that particles only ever move down in momentum.
 *
 * @param v0KmPerS           v0, km/s
 * @param dvdzKmPerSPerKpc   dv/dz, km/s per kpc
 */
public record Convection(double v0KmPerS, double dvdzKmPerSPerKpc) {
    /** 1 km/s in kpc/Myr (1 kpc = 3.0857e16 km, 1 Myr = 3.15576e13 s, the Julian year as in DiffusionTensor). */
    public static final double KPC_PER_MYR_PER_KM_PER_S = 3.15576e13 / 3.0856775814913673e16;

    /** No wind. */
    public static final Convection NONE = new Convection(0, 0);

    public Convection {
        if (!(v0KmPerS >= 0) || !(dvdzKmPerSPerKpc >= 0)) {
            throw new IllegalArgumentException("the wind needs v0 >= 0 and dv/dz >= 0, got " + v0KmPerS + " km/s and "
                    + dvdzKmPerSPerKpc + " km/s/kpc");
        }
    }

    /** Whether there is any wind (a model without one is solved exactly as before the wind existed). */
    public boolean isOn() { return v0KmPerS > 0 || dvdzKmPerSPerKpc > 0; }

    /** v_z at height z (kpc/Myr); 0 at z = 0 exactly (the mean of the two sides). */
    public double vzKpcPerMyr(double zKpc) {
        return Math.signum(zKpc) * (v0KmPerS + dvdzKmPerSPerKpc * Math.abs(zKpc)) * KPC_PER_MYR_PER_KM_PER_S;
    }
}
