package org.anisocr.solver;

import java.util.List;

/**
 * The multigrid hierarchies of a batch of E systems (models × momentum bins, one grid) as plain arrays in the
 * device layout: every array is <i>interleaved</i>, value of entry b at node idx stored at {@code idx·E + b}, so that
 * GPU threads working on neighbouring entries read neighbouring addresses. It is what a device backend uploads;
 * the steady package builds it from its per-bin hierarchies (setup on the CPU). Node (i, j) of a level is
 * idx = j·nR + i, as {@code SpatialGrid.index}. With every array empty the record is a <i>shape</i>
 * ({@code CpuMultigridBatch.shape}): the levels and numbering alone, for a device that builds the arrays itself.
 * The level list is copied; the arrays of {@link Level} and {@link Coarsest} are not (see there).
 *
 * @param entries E, the number of systems
 * @param levels  finest first; the last one is the coarsest, solved by the banded LU in {@link #coarsest}
 */
public record PackedMultigrid(int entries, List<Level> levels, Coarsest coarsest) {
    public PackedMultigrid {
        levels = List.copyOf(levels);
    }

    /**
     * One grid level. Its arrays are shared, not copied: they hold 9 + 4 values per node and system (hundreds of MB
     * for a large batch), the packing code that builds them hands them over, and nobody writes them afterwards;
     * a device backend uploads them as they are.
     * @param coefficients the 9-point operator L of the level, slot p = (b+1)·3 + (a+1) for the coupling to
     *                     (i+a, j+b), at {@code (p·nodes + idx)·E + b} (9·nodes·E values)
     * @param lineFactors  the Thomas factors of the line solves (absent, length 0, on the coarsest level):
     *                     k = 0: 1/β along R, 1: c along R, 2: 1/β along z, 3: c along z, at {@code (k·nodes + idx)·E +
     * b}
     * @param coarsenR     whether the next coarser level halves R (and likewise z)
     */
    public record Level(
            int nR, int nZ, double[] coefficients, double[] lineFactors, boolean coarsenR, boolean coarsenZ) {
        public int nodes() { return nR * nZ; }
    }

    /**
     * The banded LU (LAPACK dgbtf2 layout, {@code BandedLu}) of the coarsest level of every entry. Its arrays are
     * shared as those of {@link Level}: handed over by the packing code, never written afterwards.
     * Unknowns: nodes i = 0..nR−2, j = 1..nZ−2, numbered j-major (unknown = (j−1)·(nR−1) + i) when
     * {@code radialFastest}, else i-major (unknown = i·(nZ−2) + j − 1).
     * @param band  factors: band position pos = kv + row − col + col·ld (kv = kl + ku, ld = 2 kl + ku + 1) at {@code
     * pos·E + b}
     * @param pivot row interchange of step j at {@code j·E + b}
     */
    public record Coarsest(int n, int kl, int ku, boolean radialFastest, double[] band, int[] pivot) {
        public int ld() { return 2 * kl + ku + 1; }
    }

    public Level finest() { return levels.get(0); }

    /** Bytes of the hierarchy arrays (what a device holds besides the work vectors). */
    public long bytes() {
        long sum = 0;
        for (Level l : levels) {
            sum += 8L * (l.coefficients().length + l.lineFactors().length);
        }
        return sum + 8L * coarsest.band().length + 4L * coarsest.pivot().length;
    }
}
