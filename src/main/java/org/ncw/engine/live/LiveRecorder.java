package org.ncw.engine.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.audio.WavStreamWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;

/**
 * Records the raw and the denoised path of live mode to two WAVs (16-bit PCM) with the same start and length: both
 * get the same aligned blocks. Writing runs on its own thread from a bounded queue, so the live loop never waits
 * for the disk. All or nothing: both files appear on {@link #stop} (an {@link OutputSet} commit), neither on
 * {@link #cancel} or on any failure.
 */
public final class LiveRecorder {
    private static final double[][] END = new double[0][];
    private static final double[][] CANCEL = new double[0][];

    private final Path raw;
    private final Path denoised;
    private final BlockingQueue<double[][]> queue = new ArrayBlockingQueue<>(4096);
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private final OutputSet set;
    private volatile boolean overflow;
    private volatile long frames;

    /** Reserves both targets now (a bad name fails here, before anything is recorded). */
    public LiveRecorder(Path raw, Path denoised, int sampleRate, WriteMode mode) throws IOException {
        this.raw = raw;
        this.denoised = denoised;
        this.set = OutputSet.reserve(mode, OutputGuard.none(), raw, denoised);
        Thread t = new Thread(() -> run(sampleRate), "ncw-live-recorder");
        t.setDaemon(true);
        t.start();
    }

    /** Called by the live loop with aligned blocks of equal length; copies them. Never blocks. */
    void accept(double[] rawBlock, double[] denoisedBlock, int length) {
        if (!queue.offer(new double[][] {java.util.Arrays.copyOf(rawBlock, length),
                java.util.Arrays.copyOf(denoisedBlock, length)})) {
            overflow = true;
        }
    }

    private void run(int sampleRate) {
        try {
            boolean[] keep = {false};
            set.writeChannel(raw, chRaw -> set.writeChannel(denoised, chDen -> {
                WavStreamWriter a = WavStreamWriter.toFile(chRaw, sampleRate, SampleFormat.PCM16);
                WavStreamWriter b = WavStreamWriter.toFile(chDen, sampleRate, SampleFormat.PCM16);
                while (true) {
                    double[][] block = take();
                    if (block == END || block == CANCEL) {
                        keep[0] = block == END && !overflow;
                        break;
                    }
                    a.write(block[0], 0, block[0].length);
                    b.write(block[1], 0, block[1].length);
                    frames += block[0].length;
                }
                a.finish();
                b.finish();
            }));
            if (overflow) {
                throw new IOException("recording fell behind (the disk is too slow); nothing was saved");
            }
            if (keep[0]) {
                set.commit();
            }
            set.close();
            done.complete(keep[0] ? frames : -1L);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            done.completeExceptionally(e);
        }
    }

    private double[][] take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("recording interrupted");
        }
    }

    private void closeQuietly() {
        try {
            set.close();
        } catch (IOException ignored) {
            // the failure being reported is the one that matters
        }
    }

    public Path rawPath() {
        return raw;
    }

    public Path denoisedPath() {
        return denoised;
    }

    /** Frames recorded so far. */
    public long frames() {
        return frames;
    }

    /** Ends the recording; both files appear together. Completes with the frame count, or fails (no files). */
    public CompletableFuture<Long> stop() {
        enqueue(END);
        return done;
    }

    /** Ends the recording without saving. */
    public CompletableFuture<Long> cancel() {
        enqueue(CANCEL);
        return done;
    }

    private void enqueue(double[][] marker) {
        while (!queue.offer(marker)) {
            queue.poll(); // the queue is full: the recording is lost anyway (overflow), make room for the marker
            overflow = true;
        }
    }
}
