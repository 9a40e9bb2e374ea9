package org.anisocr.cli;

import org.anisocr.solver.Backend;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;

/** {@code --backend} and {@code --threads}, shared by every command that solves ({@code @Mixin}). */
public final class BackendOptions {
    @Option(names = "--backend", defaultValue = "auto", paramLabel = "auto|cpu|gpu", converter = BackendConverter.class,
            description = "auto: the GPU when usable, else the CPU (one line says so); gpu: fail without one; cpu (default: ${DEFAULT-VALUE})")
    Backend backend = Backend.AUTO;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (per model); 0 = the model's solver.threads, else all cores (default: ${DEFAULT-VALUE})")
    int threads;

    /** The thread count to use: the option when given, else {@code fallback} (e.g. the model's solver.threads). */
    int threadsOr(int fallback) { return threads > 0 ? threads : fallback; }

    /** auto | cpu | gpu, any case; anything else is a parameter error listing the three. */
    static final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
        @Override public Backend convert(String value) {
            for (Backend b : Backend.values()) if (b.key().equals(value.toLowerCase(Locale.ROOT))) return b;
            throw new CommandLine.TypeConversionException("expected one of "
                    + Arrays.stream(Backend.values()).map(Backend::key).toList() + ", got '" + value + "'");
        }
    }
}
