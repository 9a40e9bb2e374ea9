package org.anisocr.run;

import org.anisocr.config.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which momentum bins of a 3D model one run solves: all of them, or part i of n ({@code run --bins i/n}).
 *
 * <p>Bins are warm-started along blocks of {@value #WARM_START_BLOCK} consecutive bins (each bin from its lower
 * neighbour's answer; the first bin of a block from zero), and a part takes whole blocks, every n-th starting at
 * block i. A bin's answer therefore depends only on its block, never on how the run is split or threaded, which is
 * what lets {@code merge} give the single run's N bit for bit.
 *
 * @param part  0-based part index i &lt; n
 * @param parts the number of parts n ≥ 1
 */
public record BinSelection(int part, int parts) {
    /** Consecutive bins that share a warm-start chain: long enough that most bins start warm (3 of 4). */
    public static final int WARM_START_BLOCK = 4;

    public BinSelection {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + ": expected 0 ≤ i < n");
        }
    }

    /** Every bin. */
    public static BinSelection whole() { return new BinSelection(0, 1); }

    /** "i/n" as the command line gives it; a ConfigException (exit 2) naming the option otherwise. */
    public static BinSelection parse(String text) {
        String[] f = text.trim().split("/", -1);
        try {
            if (f.length == 2) {
                int i = Integer.parseInt(f[0].trim());
                int n = Integer.parseInt(f[1].trim());
                if (n >= 1 && i >= 0 && i < n) {
                    return new BinSelection(i, n);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.outOfRange("--bins", "'" + text + "'", "i/n with 0 ≤ i < n, e.g. 0/4 (part i of n)");
    }

    public boolean isWhole() { return parts == 1; }

    public String label() { return part + "/" + parts; }

    /** Warm-start blocks of a model with {@code bins} momenta. */
    public static int blockCount(int bins) { return (bins + WARM_START_BLOCK - 1) / WARM_START_BLOCK; }

    /**
     * This part's blocks, each the bins it solves in warm-start order.
     * @throws ConfigException when there are more parts than blocks (a part would solve nothing)
     */
    public List<int[]> blocks(int bins) {
        int blocks = blockCount(bins);
        if (parts > blocks) {
            throw ConfigException.outOfRange("--bins", label(), "at most " + blocks + " parts for " + bins
                    + " momentum bins (parts take whole warm-start blocks of " + WARM_START_BLOCK + " bins)");
        }
        List<int[]> out = new ArrayList<>();
        for (int b = part; b < blocks; b += parts) {
            int first = b * WARM_START_BLOCK;
            int last = Math.min(bins, first + WARM_START_BLOCK);
            int[] block = new int[last - first];
            for (int k = first; k < last; k++) {
                block[k - first] = k;
            }
            out.add(block);
        }
        return out;
    }

    /** This part's bins in increasing order. */
    public int[] bins(int bins) {
        return blocks(bins).stream().flatMapToInt(Arrays::stream).toArray();
    }
}
