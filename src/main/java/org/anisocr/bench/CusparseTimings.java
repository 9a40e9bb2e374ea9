package org.anisocr.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * cuSPARSE's batched tridiagonal solvers timed from Java ({@link CusparseBaseline}) on the split step's systems, or
 * why they were not: {@code unavailable} (the library does not load here, or the systems are too large) or
 * {@code error} (a call failed; the figures taken before it are kept).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CusparseTimings(@JsonProperty("unavailable") String unavailable,
                              @JsonProperty("cusparse_version") Integer cusparseVersion,
                              @JsonProperty("replicate") Integer replicate,
                              @JsonProperty("reps") Integer reps,
                              @JsonProperty("r") Direction r,
                              @JsonProperty("z") Direction z,
                              @JsonProperty("best_r_plus_z_us") Double bestRPlusZUs,
                              @JsonProperty("error") String error) {

    static CusparseTimings unavailable(String why) {
        return new CusparseTimings(why, null, null, null, null, null, null, null);
    }

    /** One sweep direction: system size m, systems, microseconds per call of each solver, max |A x - 1|. */
    public record Direction(@JsonProperty("m") int m,
                            @JsonProperty("batch") int batch,
                            @JsonProperty("gtsv2StridedBatch_us") double stridedUs,
                            @JsonProperty("gtsvInterleavedBatch_us") double interleavedUs,
                            @JsonProperty("interleaved_algo") int interleavedAlgorithm,
                            @JsonProperty("residual_strided") double residualStrided,
                            @JsonProperty("residual_interleaved") double residualInterleaved) {

        /** The faster of the two solvers on this direction. */
        double bestUs() {
            return Math.min(stridedUs, interleavedUs);
        }
    }
}
