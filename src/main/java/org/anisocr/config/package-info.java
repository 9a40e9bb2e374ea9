/**
 * The only package that reads model files: TOML → validated immutable records (ModelConfig and its parts: grid,
 * field, source, diffusion tensor, SolverSettings with Mode, built from the operator's Scheme and the steady solver's
 * SteadySettings, LadderSettings and the solver's SolverTuning, AnalysisConfig, OutputSettings). Bad input is a
 * ConfigException naming key, value and allowed range.
 */
package org.anisocr.config;
