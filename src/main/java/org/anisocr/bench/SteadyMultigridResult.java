package org.anisocr.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import org.anisocr.io.AtomicFile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench steady} measured, as written to bench/results/&lt;device&gt;-steady-&lt;date&gt;.json (keys in
 * bench/README.md). The device part is absent where neither a GPU nor a rehearsal ran; {@code targets_met} names
 * each target in words, so it stays a map.
 */
public record SteadyMultigridResult(@JsonProperty(AtomicFile.JSON_SIGNATURE_KEY) String writtenBy,
                                    @JsonProperty("benchmark") String benchmark,
                                    @JsonUnwrapped DeviceHeader header,
                                    @JsonProperty("cpu_threads") int cpuThreads,
                                    @JsonProperty("cpu_cores_available") int cpuCoresAvailable,
                                    @JsonProperty("config") String config,
                                    @JsonProperty("tolerance") double tolerance,
                                    @JsonProperty("model_grid") String modelGrid,
                                    @JsonProperty("model_problem_seconds") double modelProblemSeconds,
                                    @JsonUnwrapped CpuModel cpu,
                                    @JsonProperty("rehearsal") String rehearsal,
                                    @JsonUnwrapped DeviceRuns device,
                                    @JsonProperty("targets_met") Map<String, Boolean> targetsMet,
                                    @JsonProperty("traffic_model") String trafficModel) {

    public SteadyMultigridResult {
        targetsMet = Collections.unmodifiableMap(new LinkedHashMap<>(targetsMet));
    }

    /** The CPU's mg-gmres on the one model: best of the repetitions, and with the problem build added. */
    public record CpuModel(@JsonProperty("cpu_model_iterations_max") int iterationsMax,
                           @JsonProperty("cpu_model_solve_seconds") double solveSeconds,
                           @JsonProperty("cpu_model_seconds") double seconds) {}

    /** Everything the device (or, in a rehearsal, the Java reference of the batched solver) ran. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceRuns(@JsonUnwrapped ModelRun model,
                             @JsonUnwrapped FamilyRun family,
                             @JsonProperty("setup_place_comparison") SetupPlaceComparison setupPlaceComparison,
                             @JsonProperty("relax_comparison") RelaxComparison relaxComparison,
                             @JsonProperty("highres") List<HighresRun> highres,
                             @JsonProperty("highres_seconds") Double highresSeconds,
                             @JsonProperty("highres_grid") String highresGrid,
                             @JsonProperty("cpu_highres_seconds") Double cpuHighresSeconds,
                             @JsonProperty("device_copy_bandwidth_GBps") Double deviceCopyBandwidthGBps,
                             @JsonProperty("model_bandwidth_share_of_copy") Double modelBandwidthShareOfCopy,
                             @JsonProperty("family_bandwidth_share_of_copy") Double familyBandwidthShareOfCopy) {
        public DeviceRuns {
            highres = List.copyOf(highres);
        }
    }

    /** One batched solve as the solver reports it, under a prefix ("model_", "family_", or none for a grid). */
    public record SolveFigures(@JsonProperty("systems") int systems,
                               @JsonProperty("waves") int waves,
                               @JsonProperty("systems_per_wave") int systemsPerWave,
                               @JsonProperty("hierarchy") String hierarchy,
                               @JsonProperty("iterations_max") int iterationsMax,
                               @JsonProperty("residual_max") double residualMax,
                               @JsonProperty("setup") String setup,
                               @JsonProperty("setup_seconds") double setupSeconds,
                               @JsonProperty("solve_seconds") double solveSeconds,
                               @JsonProperty("achieved_GBps_model") Double achievedGBpsModel) {}

    /** The one model end to end on the device, and its agreement with the Java reference and with the CPU solver. */
    public record ModelRun(@JsonProperty("model_solve_seconds_from_problem") double solveSecondsFromProblem,
                           @JsonProperty("model_seconds") double seconds,
                           @JsonUnwrapped(prefix = "model_") SolveFigures figures,
                           @JsonProperty("max_rel_diff_vs_cpu") double maxRelDiffVsCpu,
                           @JsonProperty("max_rel_diff_vs_cpu_meaning") String maxRelDiffVsCpuMeaning,
                           @JsonProperty("max_rel_diff_vs_cpu_solver") double maxRelDiffVsCpuSolver,
                           @JsonProperty("speedup_model") double speedup) {}

    /** The family in one batch end to end, and the CPU's time for it scaled from a sample of its models. */
    public record FamilyRun(@JsonProperty("family_problem_seconds") double problemSeconds,
                            @JsonProperty("family_models") int models,
                            @JsonProperty("family_axes") String axes,
                            @JsonProperty("family_solve_seconds_from_problems") double solveSecondsFromProblems,
                            @JsonProperty("family_seconds") double seconds,
                            @JsonUnwrapped(prefix = "family_") SolveFigures figures,
                            @JsonProperty("cpu_family_seconds") double cpuSeconds,
                            @JsonProperty("cpu_family_seconds_meaning") String cpuSecondsMeaning,
                            @JsonProperty("family_max_rel_diff_vs_cpu_solver") double maxRelDiffVsCpuSolver,
                            @JsonProperty("speedup_family") double speedup) {}

    /** One high-resolution grid on the device and on the CPU solver; its target is named in {@code targets_met}. */
    public record HighresRun(@JsonProperty("grid") String grid,
                             @JsonProperty("problem_seconds") double problemSeconds,
                             @JsonProperty("gpu_seconds") double gpuSeconds,
                             @JsonUnwrapped SolveFigures figures,
                             @JsonProperty("cpu_seconds") double cpuSeconds,
                             @JsonProperty("speedup") double speedup,
                             @JsonProperty("max_rel_diff_vs_cpu_solver") double maxRelDiffVsCpuSolver,
                             @JsonIgnore double targetSeconds) {}

    /**
     * The one model and the family with the hierarchies built where the solver chose ({@code setup} "device" or
     * "cpu"), then in the other place; the keys carry the place's name ("model_cpu_setup_seconds"), so the JSON is
     * written by {@link #json()}. {@code otherFailed} is why the other place could not run (then its figures are
     * null).
     */
    public record SetupPlaceComparison(String modelSetup, double modelSeconds, String familySetup, double familySeconds,
                                       String otherSetup, Double otherModelSeconds, Double otherModelSetupPartSeconds,
                                       Double otherFamilySeconds, Double otherFamilySetupPartSeconds,
                                       String fasterForTheFamily, String otherFailed) {
        @JsonValue
        Map<String, Object> json() {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("model_" + modelSetup + "_setup_seconds", modelSeconds);
            place.put("family_" + familySetup + "_setup_seconds", familySeconds);
            if (otherFailed != null) {
                place.put("other_setup_failed", otherFailed);
                return place;
            }
            place.put("model_" + otherSetup + "_setup_seconds", otherModelSeconds);
            place.put("model_" + otherSetup + "_setup_part_seconds", otherModelSetupPartSeconds);
            place.put("family_" + otherSetup + "_setup_seconds", otherFamilySeconds);
            place.put("family_" + otherSetup + "_setup_part_seconds", otherFamilySetupPartSeconds);
            place.put("faster_for_the_family", fasterForTheFamily);
            return place;
        }
    }

    /** The one model with each zebra relaxation kernel, end to end; or why that failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelaxComparison(@JsonProperty("model_thomas_seconds") Double modelThomasSeconds,
                                  @JsonProperty("model_pcr_seconds") Double modelPcrSeconds,
                                  @JsonProperty("faster") String faster,
                                  @JsonProperty("model_pcr_vs_thomas_max_rel_diff") Double modelPcrVsThomasMaxRelDiff,
                                  @JsonProperty("failed") String failed) {}
}
