package org.anisocr.cli;

import org.anisocr.config.ConfigException;

/** The {@code --threads} rule every command shares: 0 = all cores, otherwise 1 … 4096. */
final class Threads {
    static final int MAX = 4096;

    private Threads() {}

    static void check(int threads) {
        if (threads < 0 || threads > MAX) {
            throw ConfigException.outOfRange("--threads", threads, "0 (all cores) or a count in [1, " + MAX + "]");
        }
    }
}
