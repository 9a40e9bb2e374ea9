/**
 * The discrete domain: SpatialGrid (R or x, z; node-centred, Dirichlet at R_max and ±H), CartesianGrid3D (x, y, z;
 * Dirichlet on the box and, by default, at R ≥ R_max), MomentumGrid (log-spaced p), Geometry. Depends on nothing.
 */
package org.anisocr.grid;
