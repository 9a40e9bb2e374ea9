/**
 * The γ-ray signature of a solved model (what the anisotropy predicts where no cosmic ray is measured): pion-decay
 * γ-ray emissivity per hydrogen atom,
 * q_γ(E_γ, R, z) = 4π ∫ J_p(T) ε(T) dσ/dE_γ(T, E_γ) dT, with the p p → π⁰ → 2γ cross-section of Kafexhiu, Aharonian,
 * Taylor &amp; Vila 2014 (Phys. Rev. D 90, 123014, "K14") and its nuclear enhancement factor; the proton intensity J_p
 * is the model's N(p) normalised to a measured local proton flux. Plain parameters in, numbers out: nothing here reads
 * a file. {@link org.anisocr.analysis.gamma.GammaProducts} writes gamma_emissivity.fits and gamma_index.csv;
 * {@link org.anisocr.analysis.gamma.Dragon2Protons} gives the same absolute proton intensity on DRAGON2's
 * kinetic-energy grid, for HERMES (dragon2.fits).
 */
package org.anisocr.analysis.gamma;
