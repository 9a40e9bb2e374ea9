package org.anisocr.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.anisocr.run.ModelRunner;

import java.io.PrintWriter;
import java.util.Locale;

/** A progress bar on a terminal, one plain line every few seconds when output is piped. */
final class ProgressReporter implements ModelRunner.Progress, AutoCloseable {
    private static final long PLAIN_INTERVAL_NS = 5_000_000_000L;
    private final PrintWriter err;
    private final ProgressBar bar;
    private long lastPlain = System.nanoTime();

    ProgressReporter(String task, PrintWriter err) {
        this.err = err;
        this.bar = System.console() != null
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" steps", 1).build()
                : null;
    }

    @Override public void update(int steps, double dtMyr, double change) {
        String extra = String.format(Locale.ROOT, "dt=%.3g Myr change=%.2e", dtMyr, change);
        if (bar != null) {
            bar.stepTo(steps);
            bar.setExtraMessage(extra);
        } else if (System.nanoTime() - lastPlain > PLAIN_INTERVAL_NS) {
            lastPlain = System.nanoTime();
            err.println("progress: " + steps + " steps, " + extra);
            err.flush();
        }
    }

    @Override public void close() { if (bar != null) bar.close(); }
}
