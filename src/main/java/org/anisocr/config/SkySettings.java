package org.anisocr.config;

import java.util.Arrays;

/**
 * [sky]: γ-ray sky maps of a solved model (the line-of-sight integral of the π⁰-decay emissivity times the gas),
 * written by {@code run} when enabled and by {@code anisocr sky} on any finished run.
 *
 * @param enabled     whether {@code run} writes the maps (true when the table is present, unless it says false)
 * @param nside       HEALPix resolution: a power of two from 1 to 8192 (128: pixels of about 0.46°)
 * @param car         also write plate carrée (CAR) maps, as Fermi-LAT's diffuse models are given
 * @param fitMinGeV   lower end of the spectral-index fit window (photon energy)
 * @param fitMaxGeV   upper end of that window
 * @param energiesGeV the photon energies of the maps; empty: the emissivity's own (1 GeV – 1 TeV, 6 a decade).
 *                    Copied in and out
 * @param zSunKpc     the observer's height above the plane
 */
public record SkySettings(boolean enabled, int nside, boolean car, double fitMinGeV, double fitMaxGeV,
                          double[] energiesGeV, double zSunKpc) {
    /** Largest HEALPix nside accepted (as sky.HealpixRing). */
    public static final int MAX_NSIDE = 8192;

    public SkySettings {
        if (nside < 1 || nside > MAX_NSIDE || Integer.bitCount(nside) != 1) {
            throw ConfigException.outOfRange("sky.nside", nside, "a power of two from 1 to " + MAX_NSIDE);
        }
        if (!(fitMaxGeV > fitMinGeV) || !(fitMinGeV > 0)) {
            throw new ConfigException("sky.fit_max_GeV = " + fitMaxGeV + " must be larger than sky.fit_min_GeV = "
                    + fitMinGeV + " (both > 0)");
        }
        energiesGeV = energiesGeV.clone();
        for (int k = 1; k < energiesGeV.length; k++) {
            if (!(energiesGeV[k] > energiesGeV[k - 1])) {
                throw new ConfigException("sky.energies_GeV must increase, got " + Arrays.toString(energiesGeV));
            }
        }
        if (!Double.isFinite(zSunKpc)) {
            throw ConfigException.outOfRange("sky.z_sun_kpc", zSunKpc, "a finite height in kpc");
        }
    }

    /** No [sky] table: no maps from {@code run}; {@code anisocr sky} uses these values. */
    public static SkySettings defaults() {
        return new SkySettings(false, 128, false, 10, 100, new double[0], 0);
    }

    @Override public double[] energiesGeV() { return energiesGeV.clone(); }

    /** The same settings with other values for what a command line gives (null: keep). */
    public SkySettings with(Integer nsideOrNull, Boolean carOrNull, Double fitMinOrNull, Double fitMaxOrNull,
                            double[] energiesOrNull, Double zSunOrNull) {
        return new SkySettings(enabled, nsideOrNull != null ? nsideOrNull : nside, carOrNull != null ? carOrNull : car,
                fitMinOrNull != null ? fitMinOrNull : fitMinGeV, fitMaxOrNull != null ? fitMaxOrNull : fitMaxGeV,
                energiesOrNull != null ? energiesOrNull : energiesGeV, zSunOrNull != null ? zSunOrNull : zSunKpc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkySettings s && s.enabled == enabled && s.nside == nside && s.car == car
                && Double.compare(s.fitMinGeV, fitMinGeV) == 0 && Double.compare(s.fitMaxGeV, fitMaxGeV) == 0
                && Arrays.equals(s.energiesGeV, energiesGeV) && Double.compare(s.zSunKpc, zSunKpc) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(energiesGeV) * 31 + nside + Double.hashCode(fitMinGeV + 7 * fitMaxGeV + 13 * zSunKpc);
    }

    @Override
    public String toString() {
        return "SkySettings[enabled=" + enabled + ", nside=" + nside + ", car=" + car + ", fit=" + fitMinGeV + ".."
                + fitMaxGeV + " GeV, energies=" + Arrays.toString(energiesGeV) + ", z_sun=" + zSunKpc + " kpc]";
    }

    static SkySettings read(TableReader t) {
        SkySettings d = defaults();
        SkySettings s = new SkySettings(
                t.optBoolean("enabled", true),
                t.optInt("nside", d.nside, 1, MAX_NSIDE),
                t.optBoolean("car", d.car),
                t.optDouble("fit_min_GeV", d.fitMinGeV, 1e-2, 1e5),
                t.optDouble("fit_max_GeV", d.fitMaxGeV, 1e-2, 1e5),
                t.optDoubleArray("energies_GeV", d.energiesGeV, 1e-2, 1e5),
                t.optDouble("z_sun_kpc", d.zSunKpc, -1, 1));
        t.rejectUnknown();
        return s;
    }
}
