/**
 * The γ-ray sky a model predicts: the line-of-sight integral I(E_γ, ℓ, b) = (1/4π) ∫ q_γ(E_γ, r) n_H(r) ds from the
 * observer to the model's boundary ({@link org.anisocr.analysis.sky.LineOfSight}) over an
 * {@link org.anisocr.analysis.sky.EmissivityField} (the 2D model's axisymmetric field:
 * {@link org.anisocr.analysis.sky.AxisymmetricEmissivity}; a 3D model's, trilinear on its box:
 * {@link org.anisocr.analysis.sky.CartesianEmissivity}), sampled on HEALPix pixels and, optionally, a plate
 * carrée grid ({@link org.anisocr.analysis.sky.SkyMaps}), and the files a user compares with Fermi-LAT
 * ({@link org.anisocr.analysis.sky.SkyProducts}). Frame: Galactocentric Cartesian kpc, the Galactic centre at the
 * origin, the Sun at (−R☉, 0, z☉), y towards ℓ = 90°, z towards the north Galactic pole (the frame of
 * {@code field.FieldVector3}).
 */
package org.anisocr.analysis.sky;
