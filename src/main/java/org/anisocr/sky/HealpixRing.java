package org.anisocr.sky;

/**
 * The HEALPix pixelisation of the sphere in RING ordering (Górski et al. 2005, ApJ 622, 759): 12 nside² pixels of
 * equal area 4π / (12 nside²), numbered along iso-latitude rings from the north pole (colatitude 0) eastwards from
 * longitude 0. Three regions: the north polar cap (rings 1 … nside − 1, ring i holding 4i pixels), the equatorial
 * belt (|cos θ| ≤ 2/3, 2 nside + 1 rings of 4 nside pixels) and the south cap, its mirror. The formulas are the
 * paper's, in the floating-point form of the HEALPix C++ library that healpy wraps (θ from atan2 near the poles),
 * so pixel centres agree with healpy to rounding.
 *
 * @param nside the resolution: a power of two from 1 to 8192
 */
public record HealpixRing(int nside) {
    /** Finest resolution accepted: 805 306 368 pixels, well past any map a γ-ray model needs. */
    public static final int MAX_NSIDE = 8192;
    /** The resolution maps use unless a model asks otherwise: pixels of about 0.46°. */
    public static final int DEFAULT_NSIDE = 128;

    private static final double HALF_PI = Math.PI / 2;
    private static final double TWO_THIRDS = 2.0 / 3.0;

    public HealpixRing {
        if (nside < 1 || nside > MAX_NSIDE || Integer.bitCount(nside) != 1) {
            throw new IllegalArgumentException(
                    "HEALPix nside must be a power of two from 1 to " + MAX_NSIDE + ", got " + nside);
        }
    }

    /** Number of pixels, 12 nside². */
    public long pixelCount() {
        return 12L * nside * nside;
    }

    /** Solid angle of every pixel, 4π / (12 nside²) sr. */
    public double solidAngleSr() {
        return 4 * Math.PI / pixelCount();
    }

    /** Pixels in the north polar cap, 2 nside (nside − 1); the south cap has as many. */
    private long capPixels() {
        return 2L * nside * (nside - 1);
    }

    /** The centre of RING pixel {@code pixel}, 0 ≤ pixel < {@link #pixelCount()}. */
    public SkyDirection centre(long pixel) {
        long npix = pixelCount();
        if (pixel < 0 || pixel >= npix) {
            throw new IllegalArgumentException(
                    "HEALPix pixel must lie in [0, " + npix + ") for nside " + nside + ", got " + pixel);
        }
        long ncap = capPixels();
        double fact2 = 4.0 / npix;
        if (pixel < ncap) {
            long ring = (1 + isqrt(1 + 2 * pixel)) >> 1;
            long iphi = pixel + 1 - 2 * ring * (ring - 1);
            double tmp = ring * ring * fact2;
            return capCentre(1 - tmp, tmp, (iphi - 0.5) * HALF_PI / ring);
        }
        if (pixel < npix - ncap) {
            long nl4 = 4L * nside;
            long ip = pixel - ncap;
            long tmp = ip / nl4;
            long ring = tmp + nside;
            long iphi = ip - nl4 * tmp + 1;
            // where ring + nside is odd the ring's first centre sits at φ = 0, elsewhere half a pixel east of it
            double fodd = ((ring + nside) & 1) != 0 ? 1 : 0.5;
            double fact1 = 2 * nside * fact2;
            double z = (2L * nside - ring) * fact1;
            return new SkyDirection(Math.acos(z), (iphi - fodd) * Math.PI * 0.75 * fact1);
        }
        long ip = npix - pixel;
        long ring = (1 + isqrt(2 * ip - 1)) >> 1;
        long iphi = 4 * ring + 1 - (ip - 2 * ring * (ring - 1));
        double tmp = ring * ring * fact2;
        return capCentre(tmp - 1, tmp, (iphi - 0.5) * HALF_PI / ring);
    }

    /**
     * A polar-cap centre at height z = ±(1 − tmp): close to a pole acos(z) loses digits, so θ comes from atan2 with
     * sin θ = sqrt(tmp (2 − tmp)), as the C++ library does.
     */
    private static SkyDirection capCentre(double z, double tmp, double phi) {
        if (Math.abs(z) > 0.99) {
            return new SkyDirection(Math.atan2(Math.sqrt(tmp * (2 - tmp)), z), phi);
        }
        return new SkyDirection(Math.acos(z), phi);
    }

    /** The RING pixel that holds {@code direction}. */
    public long pixelAt(SkyDirection direction) {
        return pixelAt(direction.colatitudeRad(), direction.longitudeRad());
    }

    /** The RING pixel that holds colatitude {@code theta} ∈ [0, π] and longitude {@code phi} (radians, any value). */
    public long pixelAt(double theta, double phi) {
        if (!(theta >= 0 && theta <= Math.PI) || !Double.isFinite(phi)) {
            throw new IllegalArgumentException(
                    "need colatitude in [0, π] and a finite longitude (radians), got θ = " + theta + ", φ = " + phi);
        }
        double z = Math.cos(theta);
        double za = Math.abs(z);
        double tt = modulo(phi / HALF_PI, 4.0);
        if (za <= TWO_THIRDS) {
            long nl4 = 4L * nside;
            double temp1 = nside * (0.5 + tt);
            double temp2 = nside * z * 0.75;
            long jp = (long) (temp1 - temp2);
            long jm = (long) (temp1 + temp2);
            long ring = nside + 1 + jp - jm;
            long kshift = 1 - (ring & 1);
            long t1 = jp + jm - nside + kshift + 1 + nl4 + nl4;
            long ip = (t1 >> 1) % nl4;
            return capPixels() + (ring - 1) * nl4 + ip;
        }
        double tp = tt - (long) tt;
        // near a pole 1 − |z| cancels; sin θ keeps the digits (the C++ library's switch, θ within 0.01 of a pole)
        boolean nearPole = theta < 0.01 || theta > 3.14159 - 0.01;
        double tmp = za < 0.99 || !nearPole ? nside * Math.sqrt(3 * (1 - za))
                : nside * Math.sin(theta) / Math.sqrt((1 + za) / 3);
        long jp = (long) (tp * tmp);
        long jm = (long) ((1 - tp) * tmp);
        long ring = jp + jm + 1;
        long ip = (long) (tt * ring);
        return z > 0 ? 2 * ring * (ring - 1) + ip : pixelCount() - 2 * ring * (ring + 1) + ip;
    }

    /** v modulo m in [0, m), with the rounding case v = −tiny mapped to 0 rather than m. */
    private static double modulo(double v, double m) {
        if (v >= 0) {
            return v < m ? v : v % m;
        }
        double r = v % m + m;
        return r == m ? 0 : r;
    }

    /** ⌊√n⌋ for n ≥ 0, exact where the double square root rounds across an integer. */
    private static long isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }
}
