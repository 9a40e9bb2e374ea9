package org.anisocr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code anisocr bench split}: times one split step on the GPU and the CPU on the same problem and writes
 * bench/results/&lt;device&gt;-&lt;date&gt;.json (see bench/README.md).
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Benchmark the split step: GPU (per kernel, whole step), CPU reference, copy bandwidth, "
                + "cuSPARSE (merged).")
public final class BenchSplitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BenchSplitOptions split;

    @Override
    public Integer call() throws Exception {
        return split.run(spec.commandLine().getOut());
    }
}
