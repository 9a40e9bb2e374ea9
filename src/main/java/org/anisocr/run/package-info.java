/**
 * One model from config to result: ModelRunner picks one strategy per mode (steady/direct, ladder, transient) on a
 * SolverBackend resolved once from --backend, each returning a typed Solution; ModelJob and RunOutput write the output
 * directory.
 */
package org.anisocr.run;
