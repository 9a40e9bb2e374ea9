package org.anisocr.sky;

/**
 * A direction on the sky as HEALPix spells it: colatitude θ ∈ [0, π] from the north pole and longitude φ, both in
 * radians. In Galactic coordinates θ = 90° − b and φ = ℓ, the convention healpy uses for Galactic maps, so pixel 0
 * lies next to the north Galactic pole and longitude grows eastwards from the Galactic centre.
 *
 * @param colatitudeRad θ, radians in [0, π]
 * @param longitudeRad  φ, radians, any finite value (taken modulo 2π)
 */
public record SkyDirection(double colatitudeRad, double longitudeRad) {
    public SkyDirection {
        if (!(colatitudeRad >= 0 && colatitudeRad <= Math.PI)) {
            throw new IllegalArgumentException("colatitude must lie in [0, π] rad, got " + colatitudeRad);
        }
        if (!Double.isFinite(longitudeRad)) {
            throw new IllegalArgumentException("longitude must be finite, got " + longitudeRad);
        }
    }

    /** The direction of Galactic longitude ℓ and latitude b, degrees (b in [−90, 90]). */
    public static SkyDirection galactic(double longitudeDeg, double latitudeDeg) {
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
            throw new IllegalArgumentException("Galactic latitude must lie in [-90, 90] degrees, got " + latitudeDeg);
        }
        return new SkyDirection(Math.toRadians(90 - latitudeDeg), Math.toRadians(longitudeDeg));
    }

    /** Galactic longitude ℓ in degrees, in [0, 360). */
    public double galacticLongitudeDeg() {
        double l = Math.toDegrees(longitudeRad) % 360;
        if (l < 0) {
            l += 360;
        }
        // a tiny negative longitude wraps to 360 in floating point; the range is half-open
        return l >= 360 ? 0 : l;
    }

    /** Galactic latitude b = 90° − θ, degrees. */
    public double galacticLatitudeDeg() {
        return 90 - Math.toDegrees(colatitudeRad);
    }
}
