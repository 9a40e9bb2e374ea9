package org.anisocr.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3D Cartesian grid: sizes, coordinates, index order and its Dirichlet nodes (box and cylinder). */
class CartesianGrid3DTest {

    @Test
    void coordinatesSpanTheBoxAndMirrorExactly() {
        CartesianGrid3D g = new CartesianGrid3D(20, 4, 81, 41, 17);
        assertEquals(-20.0, g.xKpc(0));
        assertEquals(20.0, g.xKpc(80));
        assertEquals(0.0, g.xKpc(40));
        assertEquals(-20.0, g.yKpc(0));
        assertEquals(20.0, g.yKpc(40));
        assertEquals(-4.0, g.zKpc(0));
        assertEquals(4.0, g.zKpc(16));
        assertEquals(0.5, g.dxKpc(), 1e-15);
        assertEquals(1.0, g.dyKpc(), 1e-15);
        assertEquals(0.5, g.dzKpc(), 1e-15);
        for (int i = 0; i < 81; i++) {
            assertEquals(-g.xKpc(80 - i), g.xKpc(i), 0.0);
        }
        for (int k = 0; k < 17; k++) {
            assertEquals(-g.zKpc(16 - k), g.zKpc(k), 0.0);
        }
    }

    @Test
    void indexRunsXFastestThenYThenZ() {
        CartesianGrid3D g = new CartesianGrid3D(1, 1, 5, 4, 3);
        assertEquals(60, g.size());
        assertEquals(0, g.index(0, 0, 0));
        assertEquals(1, g.index(1, 0, 0));
        assertEquals(5, g.index(0, 1, 0));
        assertEquals(20, g.index(0, 0, 1));
        assertEquals(59, g.index(4, 3, 2));
    }

    @Test
    void boxFacesAreAlwaysDirichlet() {
        CartesianGrid3D g = new CartesianGrid3D(1, 1, 5, 5, 5, false);
        int dirichlet = 0;
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 5; i++) {
                    dirichlet += g.isDirichlet(i, j, k) ? 1 : 0;
                }
            }
        }
        assertEquals(125 - 27, dirichlet);
        assertFalse(g.isDirichlet(1, 1, 1), "box corner of the interior lies outside the circle but is free");
    }

    @Test
    void cylinderHoldsEveryNodeAtOrBeyondRmax() {
        CartesianGrid3D g = new CartesianGrid3D(10, 2, 21, 21, 5);
        assertTrue(g.cylindricalBoundary(), "the cylinder is on by default");
        for (int k = 1; k < 4; k++) {
            for (int j = 1; j < 20; j++) {
                for (int i = 1; i < 20; i++) {
                    double r = Math.hypot(g.xKpc(i), g.yKpc(j));
                    assertEquals(r >= 10 - 1e-12, g.isDirichlet(i, j, k), "node " + i + "," + j + " at R = " + r);
                }
            }
        }
        // (6, 8) kpc lies exactly on the circle: a 3-4-5 triangle
        assertTrue(g.isDirichlet(16, 18, 2));
        assertFalse(g.isDirichlet(10, 19, 2), "R = 9 kpc is inside");
    }

    @Test
    void refusesTooFewNodesAndBadExtents() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> new CartesianGrid3D(1, 1, 3, 2, 3));
        assertTrue(small.getMessage().contains("3×2×3"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CartesianGrid3D(0, 1, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new CartesianGrid3D(1, -1, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new CartesianGrid3D(Double.NaN, 1, 3, 3, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new CartesianGrid3D(Double.POSITIVE_INFINITY, 1, 3, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new CartesianGrid3D(1, 1, 2000, 2000, 2000));
    }
}
