package org.anisocr.source;

import org.anisocr.operator.Source;
import org.anisocr.grid.SpatialGrid;
import org.anisocr.operator.FieldDirection;

/**
 * Point source active at t = 0 only (docs/physics.md §5): N(t=0) = exp(−[(R−R_s)² + (z−z_s)²]/Δ²)/(πΔ²),
 * Δ = min(dR, dz) unless given. No injection afterwards.
 */
public record GreenPulse(double rSourceKpc, double zSourceKpc, double widthKpc) implements Source {
    public static final String MODEL = "pulse";

    /** The Gaussian width Δ actually used on this grid. */
    public double width(SpatialGrid g) { return widthKpc > 0 ? widthKpc : Math.min(g.dR(), g.dz()); }

    @Override public double[] rate(FieldDirection direction, double pGeV, double dPerp, double dAni) {
        return new double[direction.grid().size()];
    }

    @Override public double[] initialDensity(SpatialGrid g, double pGeV) {
        double d2 = width(g) * width(g);
        double[] n = new double[g.size()];
        for (int j = 0; j < g.nZ(); j++) {
            for (int i = 0; i < g.nR(); i++) {
                double dr = g.r(i) - rSourceKpc;
                double dz = g.z(j) - zSourceKpc;
                n[g.index(i, j)] = Math.exp(-(dr * dr + dz * dz) / d2) / (Math.PI * d2);
            }
        }
        return Source.clearBoundary(g, n);
    }

    @Override public String name() { return MODEL; }
}
