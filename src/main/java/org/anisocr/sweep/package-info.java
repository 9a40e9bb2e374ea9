/**
 * Model families: --vary axes over a base config (ModelFamily), shards run through run.ModelJob with one resolved
 * backend (SweepRunner), index.csv and merge (SweepIndex).
 */
package org.anisocr.sweep;
