package org.anisocr.solver.gpu;

/**
 * The launch geometry of {@link GpuRuntime#launch}, apart from JCuda so that it is tested without a GPU: blocks for a
 * thread count, and the block sizes that kernels written for one shape require (checked before any launch, since a
 * wrong block there gives wrong numbers, not an error).
 */
final class LaunchRules {
    /** reduce_columns reduces in a __shared__ array of exactly this many doubles, one per thread. */
    static final int REDUCE_THREADS = 256;
    /** STEADY_MAX_BLOCK of kernels/anisocr.cu: the steady kernels' __shared__ reduction arrays and launch bounds. */
    static final int STEADY_MAX_BLOCK = 256;

    private LaunchRules() {}

    /**
     * Blocks of {@code blockSize} threads covering {@code threads}; 0 for no thread (the launch is then skipped).
     * @throws IllegalArgumentException for a negative count, a block outside 1…1024, more blocks than a grid holds,
     *                                  or a block the kernel cannot run with
     */
    static int blocks(String kernel, long threads, int blockSize) {
        if (threads < 0) {
            throw new IllegalArgumentException("negative thread count for " + kernel + ": " + threads);
        }
        if (blockSize < 1 || blockSize > 1024) {
            throw new IllegalArgumentException("block of " + blockSize + " threads for " + kernel + ", allowed 1…1024");
        }
        checkBlock(kernel, blockSize);
        long blocks = (threads + blockSize - 1) / blockSize;
        if (blocks > Integer.MAX_VALUE) {
            // a device limit, not a bug: a --backend auto run falls back to the CPU for it
            throw new GpuLimitException("too many blocks for " + kernel + ": " + blocks + ", at most "
                    + Integer.MAX_VALUE);
        }
        return (int) blocks;
    }

    /**
     * The kernels' own block requirements: reduce_columns exactly {@value #REDUCE_THREADS} threads; the steady banded
     * LU kernels a power of two (their tree reductions halve the block) of at most {@value #STEADY_MAX_BLOCK}.
     */
    static void checkBlock(String kernel, int blockSize) {
        if (kernel.equals("reduce_columns") && blockSize != REDUCE_THREADS) {
            throw new IllegalArgumentException("reduce_columns needs blocks of exactly " + REDUCE_THREADS
                    + " threads, got " + blockSize);
        }
        boolean steady = kernel.equals("steady_band_lu") || kernel.equals("steady_band_lu_shm");
        if (steady && (blockSize > STEADY_MAX_BLOCK || Integer.bitCount(blockSize) != 1)) {
            throw new IllegalArgumentException(kernel + " needs a power-of-two block of at most " + STEADY_MAX_BLOCK
                    + " threads, got " + blockSize);
        }
    }
}
