package org.anisocr.operator;

/**
 * Which continuous energy losses of protons a model includes ({@link ProtonLosses} gives the rates). Ionisation
 * works on the neutral gas (n_HI + 2 n_H2, with helium in the cosmic proportion), Coulomb scattering on the free
 * electrons of the ionised gas (n_e = n_HII at the temperature {@code electronTemperatureK}), pion production on every
 * hydrogen nucleus.
 *
 * @param electronTemperatureK T_e of the ionised gas (GALPROP's and Strong &amp; Moskalenko 1998's 10⁴ K by default)
 */
public record EnergyLosses(boolean ionisation, boolean coulomb, boolean pion, double electronTemperatureK) {
    /** T_e = 10⁴ K (Strong &amp; Moskalenko 1998, ApJ 509, 212, Appendix; GALPROP's nucleon losses). */
    public static final double DEFAULT_ELECTRON_TEMPERATURE_K = 1e4;

    /** No losses. */
    public static final EnergyLosses NONE = new EnergyLosses(false, false, false, DEFAULT_ELECTRON_TEMPERATURE_K);

    public EnergyLosses {
        if (!(electronTemperatureK > 0)) {
            throw new IllegalArgumentException("electron temperature must be > 0, got " + electronTemperatureK);
        }
    }

    public boolean isOn() { return ionisation || coulomb || pion; }
}
