package org.anisocr.cli;

import picocli.CommandLine.Command;

/** {@code anisocr steady-bench}: the old spelling of {@code anisocr bench methods}, kept for one release. */
@Command(name = "steady-bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Deprecated spelling of 'bench methods': the steady solvers (methods × eps_D).")
public final class SteadyBenchCommand extends BenchMethodsCommand {
    @Override
    public Integer call() throws Exception {
        BenchCommand.Deprecation.say(spec, "anisocr steady-bench", "anisocr bench methods");
        return super.call();
    }
}
