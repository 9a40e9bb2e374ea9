/**
 * File formats and output safety: FITS cubes and maps, CSV columns, PNG plots, atomic output directories, the code
 * version. Knows grids and arrays, not runs or physics.
 */
package org.anisocr.io;
