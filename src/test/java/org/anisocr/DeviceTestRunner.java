package org.anisocr;

import org.anisocr.run.SolverBackend;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs JUnit tests without Maven, for the GPU machine (a bare JRE): prints PASS/SKIP/FAIL per test and
 * a summary, exit code 1 on any failure. Arguments: packages or fully qualified classes (default: the
 * GPU tests, the backend selector, the bench and the run command; never KernelEmulationTest). See
 * bench/run-on-device.sh.
 */
public final class DeviceTestRunner {
    /** Every class holding a {@link Gpu} test, and the CPU tests of the backend choice, the bench and the CLI. */
    static final List<String> DEFAULT_TARGETS = List.of("org.anisocr.solver.gpu", "org.anisocr.run.SolverBackendTest",
            "org.anisocr.sweep.SweepBackendTest", "org.anisocr.sweep.SweepBatchTest", "org.anisocr.bench.BenchmarkTest",
            "org.anisocr.bench.CusparseBaselineTest", "org.anisocr.cli.RunCommandTest");

    public static void main(String[] args) {
        SolverBackend.applyGpuEnvironment(System.getenv("ANISOCR_GPU")); // as the command line honours it
        LauncherDiscoveryRequest built = request(args.length > 0 ? List.of(args) : DEFAULT_TARGETS).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<String> failures = new ArrayList<>();
        TestExecutionListener printer = new TestExecutionListener() {
            @Override public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    System.out.println("SKIP " + name(id) + " -- " + reason);
                }
            }
            @Override public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                String status = switch (result.getStatus()) {
                    case SUCCESSFUL -> "PASS";
                    case ABORTED -> "SKIP";
                    case FAILED -> "FAIL";
                };
                String why = result.getThrowable().map(t -> " -- " + t).orElse("");
                System.out.println(status + " " + name(id) + why);
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failures.add(name(id));
                }
            }
        };
        launcher.execute(built, summary, printer);
        summary.getSummary().printTo(new PrintWriter(System.out));
        System.exit(failures.isEmpty() && summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }

    /** Packages (lower-case last part) or classes, less the kernel emulation. */
    static LauncherDiscoveryRequestBuilder request(List<String> targets) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String t : targets) {
            String last = t.substring(t.lastIndexOf('.') + 1);
            request.selectors(Character.isUpperCase(last.charAt(0))
                    ? DiscoverySelectors.selectClass(t) : DiscoverySelectors.selectPackage(t));
        }
        // The C++ emulation of the kernels needs no GPU (CI runs it) and takes minutes of CPU: not on the GPU
        // machine's clock.
        request.filters(ClassNameFilter.excludeClassNamePatterns(".*\\.KernelEmulationTest"));
        return request;
    }

    private static String name(TestIdentifier id) {
        return id.getSource()
                .filter(src -> src instanceof MethodSource)
                .map(src -> (MethodSource) src)
                .map(ms -> ms.getClassName().substring(ms.getClassName().lastIndexOf('.') + 1) + "."
                        + ms.getMethodName() + " [" + id.getDisplayName() + "]")
                .orElse(id.getDisplayName());
    }
}
