/**
 * Source terms S(R, z, p) implementing operator.Source: pulsar distribution (paper eq. 2.2), Green-function pulse,
 * manufactured solution, none. No parsing: config builds them.
 */
package org.anisocr.source;
