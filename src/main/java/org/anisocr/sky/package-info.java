/**
 * The sky as γ-ray maps see it: directions from the observer ({@link org.anisocr.sky.SkyDirection}, Galactic
 * longitude and latitude or the colatitude and longitude HEALPix uses) and the HEALPix RING pixelisation of the
 * sphere ({@link org.anisocr.sky.HealpixRing}, Górski et al. 2005), the layout of the FITS maps healpy and Fermi's
 * tools read. Pure geometry: imports no other anisocr package and reads no files. No maintained HEALPix library with
 * RING ordering is on Maven Central, so the scheme is written here from the paper and tested against healpy's pixel
 * centres.
 */
package org.anisocr.sky;
