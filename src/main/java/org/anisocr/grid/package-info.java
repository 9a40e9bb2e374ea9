/**
 * The discrete domain: SpatialGrid (R or x, z; node-centred, Dirichlet at R_max and ±H), MomentumGrid (log-spaced p),
 * Geometry. Depends on nothing.
 */
package org.anisocr.grid;
