package org.anisocr.cli;

import org.anisocr.io.Version;
import org.anisocr.run.SolverBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(
        mixinStandardHelpOptions = true,
        name = "info",
        description = "Version, Java runtime, CPU threads and GPU presence.")
public final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        o.println("version:  " + Version.get());
        o.println("java:     " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        o.println("threads:  " + Runtime.getRuntime().availableProcessors() + " available processors");
        o.println("max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        o.println("gpu:      " + SolverBackend.describeDevice());
        return Main.EXIT_OK;
    }
}
