package org.anisocr.operator;

import org.anisocr.field.MagneticField;
import org.anisocr.grid.MomentumGrid;
import org.anisocr.grid.SpatialGrid;

import java.util.stream.IntStream;

/**
 * One model made discrete: the stencil tables, the two tensor scalars per momentum bin, the source
 * rate and the initial density per bin. Immutable once built; every backend solves exactly this.
 */
public final class TransportProblem {
    private final SpatialGrid grid;
    private final MomentumGrid momenta;
    private final DiffusionTensor tensor;
    private final OperatorCoefficients coefficients;
    private final double[] dPerp;
    private final double[] dAni;
    private final double[][] sourceRate;
    private final double[][] initial;
    private final MomentumTransport transport;

    public TransportProblem(
            SpatialGrid grid, MomentumGrid momenta, DiffusionTensor tensor, MagneticField field, Source source) {
        this(momenta, tensor, new OperatorCoefficients(new FieldDirection(grid, field)), source);
    }

    public TransportProblem(
            MomentumGrid momenta, DiffusionTensor tensor, OperatorCoefficients coefficients, Source source) {
        this(momenta, tensor, coefficients, source, null);
    }

    /**
     * @param transport the wind and the energy losses, which couple the bins; null for a model without them (then
     *                  every bin is independent and the problem is the paper's)
     */
    public TransportProblem(MomentumGrid momenta, DiffusionTensor tensor, OperatorCoefficients coefficients,
                            Source source, MomentumTransport transport) {
        if (transport != null && (!transport.grid().equals(coefficients.grid())
                || !transport.momenta().equals(momenta))) {
            throw new IllegalArgumentException("the wind and losses were built for another grid");
        }
        this.transport = transport;
        this.grid = coefficients.grid();
        this.momenta = momenta;
        this.tensor = tensor;
        this.coefficients = coefficients;
        int nP = momenta.count();
        dPerp = new double[nP];
        dAni = new double[nP];
        sourceRate = new double[nP][];
        initial = new double[nP][];
        // bins are independent and the source's spatial profile dominates the cost (≈ 2/3 of building a 201×81×33
        // model): built in parallel (sources are immutable records)
        IntStream.range(0, nP).parallel().forEach(k -> {
            double p = momenta.p(k);
            dPerp[k] = tensor.perpendicular(p);
            dAni[k] = tensor.anisotropic(p);
            sourceRate[k] = source.rate(coefficients.direction(), p, dPerp[k], dAni[k]);
            initial[k] = source.initialDensity(grid, p);
        });
    }

    public SpatialGrid grid() { return grid; }
    public MomentumGrid momenta() { return momenta; }
    public DiffusionTensor tensor() { return tensor; }
    public OperatorCoefficients coefficients() { return coefficients; }
    public int bins() { return momenta.count(); }
    /** D⊥(p_k). */
    public double dPerp(int k) { return dPerp[k]; }
    /** D∥(p_k) − D⊥(p_k). */
    public double dAni(int k) { return dAni[k]; }
    /** The wind and the energy losses (they couple the bins), or null when the model has neither. */
    public MomentumTransport transport() { return transport; }
    /** Whether the bins are coupled by a wind or energy losses. */
    public boolean couplesBins() { return transport != null; }
    /** S at every node for bin k; shared, do not modify. */
    public double[] sourceRate(int k) { return sourceRate[k]; }
    public double[][] initialDensity() {
        double[][] copy = new double[initial.length][];
        for (int k = 0; k < copy.length; k++) {
            copy[k] = initial[k].clone();
        }
        return copy;
    }
}
