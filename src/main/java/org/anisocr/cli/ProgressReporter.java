package org.anisocr.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.anisocr.run.ModelRunner;

import java.util.Locale;

/**
 * A progress bar on a terminal (momentum bins done, sweeps and residual of a steady solve; steps, dt and change per
 * step of a ladder or transient run) for a solve that takes longer than {@value #DELAY_NS} ns (short solves stay
 * quiet); nothing at all when the output is not a terminal (logs, pipes, batch jobs) or with {@code --quiet}.
 */
final class ProgressReporter implements ModelRunner.Progress, AutoCloseable {
    private static final long DELAY_NS = 2_000_000_000L;
    private final String task;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    ProgressReporter(String task, boolean quiet) {
        this.task = task;
        this.enabled = !quiet && System.console() != null;
    }

    @Override public synchronized void update(int steps, double dtMyr, double change) {
        show(-1, " steps", steps, String.format(Locale.ROOT, "dt=%.3g Myr change=%.2e", dtMyr, change));
    }

    @Override public synchronized void binSolved(int binsDone, int bins, int sweeps, double residual) {
        show(bins, " bins", binsDone, String.format(Locale.ROOT, "sweeps=%d residual=%.1e", sweeps, residual));
    }

    /** Moves the bar (made on the first call after the delay, with {@code max} −1 when the end is unknown). */
    private void show(long max, String unit, long done, String extra) {
        if (!enabled || System.nanoTime() - start < DELAY_NS) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(unit, 1).build();
        }
        bar.stepTo(done);
        bar.setExtraMessage(extra);
    }

    @Override public void close() {
        if (bar != null) {
            bar.close();
        }
        bar = null;
    }
}
