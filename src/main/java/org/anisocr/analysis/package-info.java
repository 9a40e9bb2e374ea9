/**
 * Analysis products of docs/physics.md §6 from a solved density: α(R) fits, integrated densities, plane spectra, field
 * and density maps. Takes grids, arrays and config's AnalysisConfig; writes through io.
 */
package org.anisocr.analysis;
