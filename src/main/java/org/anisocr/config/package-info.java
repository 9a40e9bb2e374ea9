/**
 * The only package that reads model files: TOML → validated immutable records (ModelConfig and its parts: grid, field, source, diffusion tensor, SolverSettings with Mode/Scheme/SteadyMethod, AnalysisConfig, OutputSettings). Bad input is a ConfigException naming key, value and allowed range.
 */
package org.anisocr.config;
