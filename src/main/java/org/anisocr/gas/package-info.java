/**
 * Interstellar gas: the hydrogen that cosmic rays hit, as pure functions of (R, z) in kpc returning number densities
 * in cm⁻³. {@link org.anisocr.gas.GasModel} is what the γ-ray sky (line-of-sight integrals of the π⁰ emissivity per
 * H atom times the gas) and the energy losses use: atomic hydrogen {@link org.anisocr.gas.AtomicHydrogen}
 * (Gordon &amp; Burton 1976 radial table, Dickey &amp; Lockman 1990 / Cox, Krügel &amp; Mezger 1986 vertical
 * profiles), molecular hydrogen {@link org.anisocr.gas.MolecularHydrogen} (Bronfman et al. 1988 CO emissivity times
 * an {@link org.anisocr.gas.XCo} conversion factor), ionised hydrogen {@link org.anisocr.gas.IonizedHydrogen}
 * (Cordes et al. 1991), combined as GALPROP's default axisymmetric gas in {@link org.anisocr.gas.AnalyticGas}; or a
 * user's table on an (R, z) grid, {@link org.anisocr.gas.GasTable} (read from FITS by {@code io.GasTableFits}).
 * Reads no files and imports no other anisocr package: every model is an immutable record of its published numbers.
 */
package org.anisocr.gas;
