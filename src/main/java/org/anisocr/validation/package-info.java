/**
 * docs/physics.md §5 made quantitative: manufactured solutions (P1–P3), Green functions (G1–G3), exact checks and
 * acceptance bounds behind `anisocr validate` and the tests.
 */
package org.anisocr.validation;
