package org.anisocr.cli;

import org.anisocr.config.ConfigException;
import org.anisocr.run.TuningOptions;
import org.anisocr.solver.Backend;
import org.anisocr.solver.SolverTuning;
import org.anisocr.solver.SolverTuning.LineRelaxation;
import org.anisocr.solver.SolverTuning.MultigridSetupPlace;
import org.anisocr.solver.SolverTuning.SteadyKernel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code --backend}, {@code --threads} and the solver tuning options ({@code --mg-setup}, {@code --line-relaxation},
 * {@code --steady-kernel}, {@code --mg-sweeps}: over the model file's [solver.tuning]), shared by every command that
 * solves ({@code @Mixin}).
 */
public final class BackendOptions {
    @Option(
            names = "--backend",
            defaultValue = "auto",
            paramLabel = "auto|cpu|gpu",
            converter = BackendConverter.class,
            description =
                    "auto: the GPU when usable, else the CPU (one line says so); gpu: fail without one; cpu (default:"
                            + " ${DEFAULT-VALUE})")
    Backend backend = Backend.AUTO;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "CPU threads (per model); 0 = the model's solver.threads, else all cores (default:"
                    + " ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--mg-setup", paramLabel = "auto|cpu|device", converter = SetupConverter.class,
            description = "where batched multigrid builds its hierarchies (default: the model file's "
                    + "solver.tuning.multigrid_setup, else auto)")
    MultigridSetupPlace multigridSetup;

    @Option(names = "--line-relaxation", paramLabel = "auto|thomas|pcr", converter = RelaxationConverter.class,
            description = "the device kernel of multigrid's zebra line relaxation (default: the model file's "
                    + "solver.tuning.line_relaxation, else auto)")
    LineRelaxation lineRelaxation;

    @Option(names = "--steady-kernel", paramLabel = "auto|global|shared", converter = KernelConverter.class,
            description = "the factor kernel of the GPU banded LU (default: the model file's "
                    + "solver.tuning.steady_kernel, else auto)")
    SteadyKernel steadyKernel;

    @Option(names = "--mg-sweeps", paramLabel = "N", description = "smoothing sweeps per multigrid level, 1 to "
            + SolverTuning.MAX_MULTIGRID_SWEEPS + " (default: the model file's solver.tuning.multigrid_sweeps, else 1)")
    Integer multigridSweeps;

    /** The thread count to use: the option when given, else {@code fallback} (e.g. the model's solver.threads). */
    int threadsOr(int fallback) { return threads > 0 ? threads : fallback; }

    /**
     * The tuning options given, to be put over each model file's [solver.tuning].
     * @throws ConfigException (exit 2) when --mg-sweeps is out of range
     */
    TuningOptions tuning() {
        if (multigridSweeps != null && (multigridSweeps < 1 || multigridSweeps > SolverTuning.MAX_MULTIGRID_SWEEPS)) {
            throw ConfigException.outOfRange("--mg-sweeps", multigridSweeps,
                    "1 to " + SolverTuning.MAX_MULTIGRID_SWEEPS);
        }
        return new TuningOptions(multigridSetup, lineRelaxation, steadyKernel, multigridSweeps);
    }

    /** The enum constant spelled {@code value} (its lower-case name, any case); else an error listing the spellings. */
    static <E extends Enum<E>> E parse(String value, E[] values) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("expected one of "
                + Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value + "'");
    }

    static final class SetupConverter implements CommandLine.ITypeConverter<MultigridSetupPlace> {
        @Override public MultigridSetupPlace convert(String value) {
            return parse(value, MultigridSetupPlace.values());
        }
    }

    static final class RelaxationConverter implements CommandLine.ITypeConverter<LineRelaxation> {
        @Override public LineRelaxation convert(String value) {
            return parse(value, LineRelaxation.values());
        }
    }

    static final class KernelConverter implements CommandLine.ITypeConverter<SteadyKernel> {
        @Override public SteadyKernel convert(String value) {
            return parse(value, SteadyKernel.values());
        }
    }

    /** auto | cpu | gpu, any case; anything else is a parameter error listing the three. */
    static final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
        @Override public Backend convert(String value) {
            for (Backend b : Backend.values()) {
                if (b.key().equals(value.toLowerCase(Locale.ROOT))) {
                    return b;
                }
            }
            throw new CommandLine.TypeConversionException("expected one of "
                    + Arrays.stream(Backend.values()).map(Backend::key).toList() + ", got '" + value + "'");
        }
    }
}
