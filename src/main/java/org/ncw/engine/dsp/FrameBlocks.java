package org.ncw.engine.dsp;

import org.ncw.engine.core.TaskMonitor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs a per-frame job over contiguous blocks of frames, in parallel when the work is big enough to pay for
 * the fork (small transforms run on the caller's thread). Reports progress and checks cancellation per block.
 */
final class FrameBlocks {
    /** Below this many samples of FFT work (frames x nFft) a transform stays on one thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 17;
    private static final int MAX_BLOCK = 64;

    @FunctionalInterface
    interface BlockJob {
        /** Processes frames [from, to) as block number {@code block}. */
        void run(int block, int from, int to);
    }

    private final int frames;
    private final int blockSize;
    private final int blockCount;
    private final boolean parallel;

    FrameBlocks(int frames, int nFft) {
        this.frames = frames;
        int threads = Runtime.getRuntime().availableProcessors();
        this.parallel = threads > 1 && (long) frames * nFft >= PARALLEL_THRESHOLD;
        // ~4 blocks per thread balances load without too much per-block overhead.
        this.blockSize = parallel ? Math.max(1, Math.min(MAX_BLOCK, frames / (4 * threads))) : Math.min(MAX_BLOCK, frames);
        this.blockCount = (frames + blockSize - 1) / blockSize;
    }

    int blockCount() {
        return blockCount;
    }

    int from(int block) {
        return block * blockSize;
    }

    int to(int block) {
        return Math.min(frames, (block + 1) * blockSize);
    }

    /** Runs every block; the monitor's listener may be called from worker threads. */
    void run(TaskMonitor monitor, BlockJob job) {
        AtomicLong done = new AtomicLong();
        IntStream blocks = IntStream.range(0, blockCount);
        if (parallel) {
            blocks = blocks.parallel();
        }
        blocks.forEach(b -> {
            monitor.checkCancelled();
            job.run(b, from(b), to(b));
            monitor.step(done.addAndGet(to(b) - from(b)), frames);
        });
    }
}
