package org.anisocr.analysis.sky;

/**
 * A half-line from the observer: the point at distance s (kpc) is (x0 + s dx, y0 + s dy, z0 + s dz), with
 * (dx, dy, dz) a unit vector.
 */
public record Ray(double x0Kpc, double y0Kpc, double z0Kpc, double dx, double dy, double dz) {
    public Ray {
        double norm = dx * dx + dy * dy + dz * dz;
        if (!(Math.abs(norm - 1) < 1e-9)) {
            throw new IllegalArgumentException("a ray's direction must be a unit vector, |d|² = " + norm);
        }
    }

    /**
     * The ray from the observer at (−R☉, 0, z☉) towards Galactic longitude ℓ and latitude b (radians): ℓ = 0 points
     * at the Galactic centre, ℓ = 90° along +y, b = 90° to the north Galactic pole.
     */
    public static Ray fromObserver(double rSunKpc, double zSunKpc, double longitudeRad, double latitudeRad) {
        double cb = Math.cos(latitudeRad);
        return new Ray(-rSunKpc, 0, zSunKpc, cb * Math.cos(longitudeRad), cb * Math.sin(longitudeRad),
                Math.sin(latitudeRad));
    }

    public double x(double s) { return x0Kpc + s * dx; }
    public double y(double s) { return y0Kpc + s * dy; }
    public double z(double s) { return z0Kpc + s * dz; }
}
