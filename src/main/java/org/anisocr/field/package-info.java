/**
 * Magnetic field models B(R, z) as immutable records (uniform, toy, Gaussian bump, realistic = Pshirkov + JF12 X); only
 * the direction b = B/|B| enters the transport. No parsing: config builds them. In 3D ({@link
 * org.anisocr.field.MagneticField3D}, Galactocentric x, y, z with the Sun at (−R☉, 0, 0)): every 2D model through
 * {@link org.anisocr.field.AxisymmetricField3D}, the full Jansson &amp; Farrar 2012 field and the Pshirkov 2011 BSS/ASS
 * disk, both checked against CRPropa.
 */
package org.anisocr.field;
