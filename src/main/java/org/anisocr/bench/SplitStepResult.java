package org.anisocr.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import org.anisocr.io.AtomicFile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench split} measured, as written to bench/results/&lt;device&gt;-&lt;date&gt;.json (every key is
 * explained in bench/README.md). Without a usable GPU every GPU figure is written as null, beside
 * {@code gpu_unavailable}, so that the files of every machine have the same keys.
 */
public record SplitStepResult(@JsonProperty(AtomicFile.JSON_SIGNATURE_KEY) String writtenBy,
                              @JsonUnwrapped DeviceHeader header,
                              @JsonProperty("cpu_threads") int cpuThreads,
                              @JsonProperty("grid") String grid,
                              @JsonProperty("momenta") int momenta,
                              @JsonProperty("models") int models,
                              @JsonProperty("batch_entries") int batchEntries,
                              @JsonProperty("models_description") String modelsDescription,
                              @JsonProperty("dt_myr") double dtMyr,
                              @JsonUnwrapped CpuTiming cpu,
                              @JsonUnwrapped GpuTiming gpu,
                              @JsonUnwrapped CusparseComparison cusparse) {

    /** The CPU reference's split step on model 0 (the other models cost the same per step). */
    public record CpuTiming(@JsonProperty("cpu_step_us_per_model") double stepUsPerModel,
                            @JsonProperty("cpu_step_us_all_models") double stepUsAllModels,
                            @JsonProperty("cpu_step_us_reps") List<Double> stepUsReps,
                            @JsonProperty("cpu_harness") String harness) {
        public CpuTiming {
            stepUsReps = List.copyOf(stepUsReps);
        }
    }

    /**
     * The GPU's step (whole step and per kernel, each line solver, with and without CUDA graphs), the copy
     * bandwidth of the same device, the share of it the tridiagonal sweeps reach, the agreement with the CPU, and
     * cuSPARSE timed from Java on the same systems. All null where no GPU was used.
     */
    public record GpuTiming(@JsonProperty("step_us") Double stepUs,
                            @JsonProperty("step_us_thomas") Double stepUsThomas,
                            @JsonProperty("step_us_pcr") Double stepUsPcr,
                            @JsonProperty("step_us_no_graph") Double stepUsNoGraph,
                            @JsonProperty("kernel_us") Map<String, Double> kernelUs,
                            @JsonProperty("kernel_us_thomas") Map<String, Double> kernelUsThomas,
                            @JsonProperty("kernel_us_pcr") Map<String, Double> kernelUsPcr,
                            @JsonProperty("copy_bandwidth_GBps") Double copyBandwidthGBps,
                            @JsonProperty("bandwidth_fraction") Double bandwidthFraction,
                            @JsonProperty("bandwidth_fraction_min_traffic") Double bandwidthFractionMinTraffic,
                            @JsonProperty("bytes_moved_per_step_tridiagonal") Long bytesMovedPerStepTridiagonal,
                            @JsonProperty("speedup_vs_cpu") Double speedupVsCpu,
                            @JsonProperty("max_rel_diff_gpu_vs_cpu") Double maxRelDiffGpuVsCpu,
                            @JsonProperty("graph_problem") String graphProblem,
                            @JsonProperty("residual_gpu_model0") Double residualGpuModel0,
                            @JsonProperty("cusparse_java") CusparseTimings cusparseJava,
                            @JsonProperty("speedup_vs_cusparse_java") Double speedupVsCusparseJava,
                            @JsonProperty("speedup_vs_cusparse_java_thomas") Double speedupVsCusparseJavaThomas) {

        /** No GPU was used: every figure null. */
        public static final GpuTiming NONE = new GpuTiming(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);

        public GpuTiming {
            kernelUs = frozen(kernelUs);
            kernelUsThomas = frozen(kernelUsThomas);
            kernelUsPcr = frozen(kernelUsPcr);
        }
    }

    /**
     * cuSPARSE timed by bench/cusparse/gtsv_bench on the same systems (its JSON as it printed it), and our two sweep
     * kernels' speed-up over the best cuSPARSE solver per direction; null where no timings were given.
     */
    public record CusparseComparison(@JsonProperty("cusparse") JsonNode cusparse,
                                     @JsonProperty("speedup_vs_cusparse") Double speedupVsCusparse,
                                     @JsonProperty("speedup_vs_cusparse_thomas") Double speedupVsCusparseThomas) {
        public static final CusparseComparison NONE = new CusparseComparison(null, null, null);

        public CusparseComparison {
            cusparse = cusparse == null ? null : cusparse.deepCopy();
        }

        /**
         * The harness's timings against our sweep kernels ({@code kernelUs}, {@code kernelUsThomas}; null without a
         * GPU): the best cuSPARSE variant per sweep direction, both sweeps, over our two sweep kernels (which also
         * form the right-hand side from N and S; cuSPARSE only solves).
         */
        static CusparseComparison of(JsonNode harness, Map<String, Double> kernelUs,
                                     Map<String, Double> kernelUsThomas) {
            if (harness == null) {
                return NONE;
            }
            double theirs = Math.min(harness.path("r").path("gtsv2StridedBatch_us").asDouble(Double.NaN),
                    harness.path("r").path("gtsvInterleavedBatch_us").asDouble(Double.NaN))
                    + Math.min(harness.path("z").path("gtsv2StridedBatch_us").asDouble(Double.NaN),
                    harness.path("z").path("gtsvInterleavedBatch_us").asDouble(Double.NaN));
            if (!Double.isFinite(theirs)) {
                return new CusparseComparison(harness, null, null);
            }
            return new CusparseComparison(harness, speedup(theirs, kernelUs), speedup(theirs, kernelUsThomas));
        }
    }

    /** Their microseconds over ours, ours the sum of the sweep kernels' times; null without kernel times. */
    static Double speedup(double theirsUs, Map<String, Double> kernelUs) {
        if (kernelUs == null) {
            return null;
        }
        double ours = 0;
        for (Map.Entry<String, Double> e : kernelUs.entrySet()) {
            if (e.getKey().startsWith("sweep_")) {
                ours += e.getValue();
            }
        }
        return theirsUs / ours;
    }

    /** An unmodifiable copy that keeps the kernels in launch order (the JSON lists them so). */
    private static Map<String, Double> frozen(Map<String, Double> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
