/**
 * Benchmarks (GPU vs CPU split step, steady GPU batch): timing harnesses behind `anisocr bench`; results go to bench/results, never into tests.
 */
package org.anisocr.bench;
