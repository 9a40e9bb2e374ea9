/**
 * Benchmarks behind {@code anisocr bench split | steady | methods} (split step GPU vs CPU vs cuSPARSE, batched
 * multigrid steady state GPU vs CPU, steady methods × εD) and the device harness SteadyGpuBench. Each takes a typed
 * Options record from the CLI and returns a typed result record, written as JSON to bench/results/ under the keys
 * that bench/README.md and bench/STEADY.md explain (records, not maps: a renamed key fails to compile instead of
 * silently writing null). Results go to bench/results, never into tests.
 */
package org.anisocr.bench;
