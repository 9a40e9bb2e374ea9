/**
 * Pure-Java reference backend of the split step (Crank–Nicolson in R and z, explicit mixed term), threaded over
 * momentum bins.
 */
package org.anisocr.solver.cpu;
