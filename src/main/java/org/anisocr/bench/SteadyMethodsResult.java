package org.anisocr.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.anisocr.io.AtomicFile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench methods} measured, as written to bench/results/steady-cpu-&lt;date&gt;.json (bench/STEADY.md):
 * the run's settings and one row per (model, εD, method).
 */
public record SteadyMethodsResult(@JsonProperty(AtomicFile.JSON_SIGNATURE_KEY) String writtenBy,
                                  @JsonProperty("code_version") String codeVersion,
                                  @JsonProperty("date_utc") String dateUtc,
                                  @JsonProperty("threads") int threads,
                                  @JsonProperty("cpus") int cpus,
                                  @JsonProperty("java") String java,
                                  @JsonProperty("tolerance") double tolerance,
                                  @JsonProperty("ladder_max_steps") int ladderMaxSteps,
                                  @JsonProperty("max_iterations_per_bin") int maxIterationsPerBin,
                                  @JsonProperty("repeats") int repeats,
                                  @JsonProperty("configs") List<String> configs,
                                  @JsonProperty("rows") List<Row> rows) {

    public SteadyMethodsResult {
        configs = List.copyOf(configs);
        rows = List.copyOf(rows);
    }

    /** One (model, εD, method): a steady solver's row or the dt ladder's. */
    public sealed interface Row permits SolverRow, LadderRow {
        /** The row of the Markdown table the bench prints. */
        String tableLine();
    }

    /**
     * A steady method (the direct solve included): sweeps per bin (bench/STEADY.md says the unit), factorisations,
     * wall and process-CPU seconds of the fastest repetition, final residual, largest deviation from the direct solve.
     */
    public record SolverRow(@JsonProperty("model") String model,
                            @JsonProperty("field") Map<String, Object> field,
                            @JsonProperty("eps_D") double epsD,
                            @JsonProperty("method") String method,
                            @JsonProperty("scheme") String scheme,
                            @JsonProperty("cpu_seconds") double cpuSeconds,
                            @JsonProperty("sweeps") int sweeps,
                            @JsonProperty("sweeps_total") long sweepsTotal,
                            @JsonProperty("factorisations") int factorisations,
                            @JsonProperty("picard_iterations") int picardIterations,
                            @JsonProperty("wall_seconds") double wallSeconds,
                            @JsonProperty("residual") double residual,
                            @JsonProperty("converged") boolean converged,
                            @JsonProperty("max_rel_diff_vs_direct") double maxRelDiffVsDirect) implements Row {
        public SolverRow {
            field = Collections.unmodifiableMap(new LinkedHashMap<>(field)); // the model file's key order
        }

        @Override
        public String tableLine() {
            return SteadyMethodsBench.tableLine(model, epsD, method, Integer.toString(sweeps),
                    Long.toString(sweepsTotal), Integer.toString(factorisations), wallSeconds, cpuSeconds, residual,
                    maxRelDiffVsDirect);
        }
    }

    /** The paper's dt ladder, run with a step cap: split steps taken, rungs, the dt it reached and its last change. */
    public record LadderRow(@JsonProperty("model") String model,
                            @JsonProperty("field") Map<String, Object> field,
                            @JsonProperty("eps_D") double epsD,
                            @JsonProperty("method") String method,
                            @JsonProperty("scheme") String scheme,
                            @JsonProperty("sweeps") int sweeps,
                            @JsonProperty("ladder_rungs") int ladderRungs,
                            @JsonProperty("ladder_dt_max_Myr") double ladderDtMaxMyr,
                            @JsonProperty("ladder_final_dt_Myr") double ladderFinalDtMyr,
                            @JsonProperty("ladder_final_change") double ladderFinalChange,
                            @JsonProperty("ladder_capped") boolean ladderCapped,
                            @JsonProperty("wall_seconds") double wallSeconds,
                            @JsonProperty("cpu_seconds") double cpuSeconds,
                            @JsonProperty("residual") double residual,
                            @JsonProperty("max_rel_diff_vs_direct") double maxRelDiffVsDirect) implements Row {
        public LadderRow {
            field = Collections.unmodifiableMap(new LinkedHashMap<>(field)); // the model file's key order
        }

        @Override
        public String tableLine() {
            return SteadyMethodsBench.tableLine(model, epsD, method, Integer.toString(sweeps), "–", "–", wallSeconds,
                    cpuSeconds, residual, maxRelDiffVsDirect);
        }
    }
}
