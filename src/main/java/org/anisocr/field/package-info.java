/**
 * Magnetic field models B(R, z) as immutable records (uniform, toy, Gaussian bump, realistic = Pshirkov + JF12 X); only
 * the direction b = B/|B| enters the transport. No parsing: config builds them.
 */
package org.anisocr.field;
