package org.anisocr.analysis.sky;

import org.anisocr.analysis.SpectralIndexFit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Many directions through one {@link LineOfSight} on several threads: each worker takes the next block of directions,
 * integrates every energy of a direction in one pass along its ray and fits the spectral index there, so a map
 * costs one walk per pixel whatever the number of energies. Progress lines (every 10 %) once a map has taken more
 * than a second.
 */
final class SkyRenderer {
    private static final int BLOCK = 256;
    private static final long QUIET_NANOS = 1_000_000_000L;

    /**
     * Intensity maps and the index map of {@code count} directions; the arrays are shared, not copied (the caller
     * takes them over).
     *
     * @param intensity [energy][direction] in cm⁻² s⁻¹ sr⁻¹ MeV⁻¹ (floats: 7 digits, half the memory)
     * @param index     Γ = −d ln I/d ln E over the fit window, per direction (NaN where I ≤ 0 in the window)
     */
    record Maps(float[][] intensity, float[] index) {}

    /** A direction: Galactic longitude and latitude in radians. */
    record Direction(double longitudeRad, double latitudeRad) {}

    private SkyRenderer() {}

    static Maps render(LineOfSight los, int count, IntFunction<Direction> direction, double[] energiesGeV,
                       int[] fitWindow, int threads, String what, Consumer<String> progress) {
        int energies = los.energyCount();
        float[][] intensity = new float[energies][count];
        float[] index = new float[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        int[] reported = {0};
        Runnable worker = () -> {
            double[] spectrum = new double[energies];
            Breakpoints scratch = new Breakpoints();
            int first;
            while (failure.get() == null && (first = next.getAndAdd(BLOCK)) < count) {
                int last = Math.min(count, first + BLOCK);
                for (int k = first; k < last; k++) {
                    Direction d = direction.apply(k);
                    los.intensity(d.longitudeRad(), d.latitudeRad(), spectrum, scratch);
                    for (int e = 0; e < energies; e++) {
                        intensity[e][k] = (float) spectrum[e];
                    }
                    index[k] = (float) SpectralIndexFit.alpha(energiesGeV, spectrum, fitWindow);
                }
                int now = done.addAndGet(last - first);
                report(now, count, start, reported, what, progress);
            }
        };
        runOn(Math.max(1, threads), worker, failure);
        return new Maps(intensity, index);
    }

    private static void report(int now, int count, long start, int[] reported, String what,
                               Consumer<String> progress) {
        int tenth = (int) (10L * now / count);
        long elapsed = System.nanoTime() - start;
        synchronized (reported) {
            if (tenth > reported[0] && elapsed > QUIET_NANOS && progress != null) {
                reported[0] = tenth;
                progress.accept(String.format(Locale.ROOT, "sky: %s %3d%% of %d directions (%.1f s)",
                        what, 10 * tenth, count, elapsed * 1e-9));
            } else if (tenth > reported[0] && elapsed <= QUIET_NANOS) {
                reported[0] = tenth;
            }
        }
    }

    private static void runOn(int threads, Runnable worker, AtomicReference<RuntimeException> failure) {
        Thread[] pool = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            pool[t] = new Thread(() -> {
                try {
                    worker.run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "anisocr-sky-" + t);
            pool[t].setDaemon(true);
            pool[t].start();
        }
        try {
            for (Thread t : pool) {
                t.join();
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new IllegalStateException("sky map interrupted"));
            for (Thread t : pool) {
                t.interrupt();
            }
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
