package org.anisocr.run;

import org.anisocr.config.ModelConfig;

import java.util.List;

/**
 * What a 3D run (or a part of one) produced. The density array is shared, not copied (RecordImmutabilityTest.SHARED):
 * bins × nodes doubles handed over by the solver and only read afterwards; density[k] is null for a bin this part
 * did not solve.
 *
 * @param density       N[k][index(i, j, k)] after the normalisation (partial runs: not normalised)
 * @param bins          what each solved bin took, in increasing bin order
 * @param normalisation the factor applied to the solver's N (1 for partial runs)
 * @param wallSeconds   the solve (for a merge: the parts' sum)
 * @param threads       worker threads used
 */
public record Run3DResult(ModelConfig config, BinSelection selection, double[][] density, List<BinStats> bins,
                          double normalisation, double wallSeconds, int threads) {

    public Run3DResult {
        bins = List.copyOf(bins);
    }

    /**
     * One momentum bin's solve.
     *
     * @param bin              the bin index k
     * @param pGeV             its momentum
     * @param iterations       the solver's iterations
     * @param relativeResidual ‖S + L N‖/‖S‖ at the end
     * @param converged        whether the tolerance was met
     * @param warmStart        whether it started from its lower neighbour's answer
     * @param seconds          wall time of the bin
     */
    public record BinStats(int bin, double pGeV, int iterations, double relativeResidual, boolean converged,
                           boolean warmStart, double seconds) {}

    /** The largest relative residual over the solved bins. */
    public double residual() {
        return bins.stream().mapToDouble(BinStats::relativeResidual).max().orElse(0);
    }

    public boolean converged() { return bins.stream().allMatch(BinStats::converged); }

    /** The most iterations any bin took. */
    public int maxIterations() { return bins.stream().mapToInt(BinStats::iterations).max().orElse(0); }
}
