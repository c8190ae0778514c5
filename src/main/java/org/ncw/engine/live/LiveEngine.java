package org.ncw.engine.live;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

/**
 * Live mode without the devices: pulls blocks from a {@link BlockSource}, runs the {@link StreamingDenoiser} on
 * them, and writes to a {@link BlockSink} what the listener chose, raw or denoised.
 *
 * <p>Both paths are computed every block. Each is delayed by exactly the denoiser's algorithmic latency L (512
 * samples at 16 kHz): output sample t is input sample t - L, raw or denoised, whatever the block size, so the
 * paths stay sample-aligned and the raw/denoised switch is gapless; it crossfades linearly over
 * {@link LiveOptions#fadeSeconds}. New denoiser options ({@link #setOptions}) take effect at the next block with the
 * denoiser's state kept ({@link StreamingDenoiser.Processor#retune}). The loop blocks in the source's read and the
 * sink's write, never spins. The statistics: CPU load (processing time over block duration, smoothed), dropped
 * blocks (the source's overruns: input lost because the loop fell behind by more than the capture buffer, and the
 * sink's underruns), and slow blocks (processing took longer than the block lasts; the buffers absorb a few).
 */
public final class LiveEngine implements AutoCloseable {
    /** A snapshot of the running figures. */
    public record Stats(long blocks, long samples, double cpuLoad, double peakCpuLoad, long overruns, long underruns,
                        long lateBlocks, int algorithmicLatencySamples, int blockSamples, int sourceBufferSamples,
                        int sinkBufferSamples, int sampleRate, boolean denoisedHeard, boolean running,
                        String problem) {
        /** Blocks lost: capture overruns plus output underruns (a slow block the buffers absorb is not lost). */
        public long droppedBlocks() {
            return overruns + underruns;
        }

        public double algorithmicLatencyMillis() {
            return 1000.0 * algorithmicLatencySamples / sampleRate;
        }

        /** Algorithmic latency plus a block plus both device buffers: the longest a sample can take through. */
        public double totalLatencyMillis() {
            return 1000.0 * (algorithmicLatencySamples + blockSamples + sourceBufferSamples + sinkBufferSamples)
                    / sampleRate;
        }
    }

    private final BlockSource source;
    private final BlockSink sink;
    private final LiveOptions live;
    private final StreamingDenoiser.Processor processor;
    private final int latency;
    private final AtomicReference<StreamingDenoiserOptions> pending = new AtomicReference<>();
    private final AtomicReference<LiveRecorder> recorder = new AtomicReference<>();
    private final SampleRing rawRing;
    private final SampleRing denoisedRing;
    private final Consumer<String> onEnd;
    private final double[] in;
    private final double[] rawOut;
    private final double[] denOut;
    private final double[] mixed;
    private final double[] rawDelay;
    private final double[] denQueue;
    private long rawWritten;
    private long denWritten;
    private long popped;
    private volatile boolean wantDenoised = true;
    private double mix = 1; // 1 = denoised heard
    private volatile boolean running;
    private volatile boolean stopRequested;
    private volatile long blocks;
    private volatile long samples;
    private volatile double cpuLoad;
    private volatile double peakCpuLoad;
    private volatile long lateBlocks;
    private volatile String problem;
    private Thread thread;

    /**
     * @param onEnd called on the live thread once the loop ends, with null (stopped or the source ended) or the
     *              problem that ended it
     */
    public LiveEngine(BlockSource source, BlockSink sink, LiveOptions live, StreamingDenoiserOptions options,
                      Consumer<String> onEnd) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.live = Objects.requireNonNull(live, "live options");
        if (source.sampleRate() != live.sampleRate()) {
            throw new IllegalArgumentException("sampleRate: the source runs at " + source.sampleRate()
                    + " Hz, live mode at " + live.sampleRate() + " Hz");
        }
        this.processor = StreamingDenoiser.open(live.sampleRate(), options);
        this.latency = processor.latencySamples();
        this.onEnd = onEnd == null ? p -> { } : onEnd;
        int b = live.blockSamples();
        this.in = new double[b];
        this.rawOut = new double[b];
        this.denOut = new double[b];
        this.mixed = new double[b];
        // room for L + a block of raw input, and for L + a block + a hop of denoised output
        this.rawDelay = new double[latency + 2 * b + 1];
        this.denQueue = new double[latency + 2 * b + processor.hop() + 1];
        this.rawWritten = latency; // the first L samples of both paths are silence
        this.denWritten = latency;
        int ring = (int) Math.round(live.monitorSeconds() * live.sampleRate());
        this.rawRing = new SampleRing(ring);
        this.denoisedRing = new SampleRing(ring);
    }

    /** Starts the loop on its own thread ("ncw-live"). */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("live mode already started");
        }
        running = true;
        thread = new Thread(this::loop, "ncw-live");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Runs the loop on the calling thread until the source ends or {@link #stop} (tests, the command line). */
    public void runHere() {
        running = true;
        loop();
    }

    private void loop() {
        String reason = null;
        try {
            int b = live.blockSamples();
            double blockNanos = 1e9 * b / live.sampleRate();
            while (!stopRequested) {
                int n = source.read(in, 0, b);
                if (n <= 0) {
                    break;
                }
                long t0 = System.nanoTime();
                step(n);
                long spent = System.nanoTime() - t0;
                double load = spent / (1e9 * n / live.sampleRate());
                cpuLoad = blocks == 0 ? load : 0.95 * cpuLoad + 0.05 * load;
                peakCpuLoad = Math.max(peakCpuLoad, load);
                if (spent > blockNanos * n / b) {
                    lateBlocks++;
                }
                sink.write(mixed, 0, n);
                blocks++;
                samples += n;
            }
        } catch (IOException | RuntimeException e) {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problem = reason;
        } finally {
            running = false;
            LiveRecorder r = recorder.getAndSet(null);
            if (r != null) {
                r.stop();
            }
            onEnd.accept(reason);
        }
    }

    /** One block: retune if asked, both paths, the crossfaded mix, the monitors and the recorder. */
    private void step(int n) throws IOException {
        StreamingDenoiserOptions next = pending.getAndSet(null);
        if (next != null) {
            processor.retune(next);
        }
        for (int i = 0; i < n; i++) {
            rawDelay[(int) (rawWritten++ % rawDelay.length)] = in[i];
        }
        processor.process(in, 0, n, (y, off, len) -> {
            for (int i = 0; i < len; i++) {
                denQueue[(int) (denWritten++ % denQueue.length)] = y[off + i];
            }
        });
        for (int i = 0; i < n; i++) {
            long t = popped + i;
            rawOut[i] = rawDelay[(int) (t % rawDelay.length)];
            denOut[i] = denQueue[(int) (t % denQueue.length)];
        }
        popped += n;
        int fade = live.fadeSamples();
        double target = wantDenoised ? 1 : 0;
        double stepPerSample = fade == 0 ? 1 : 1.0 / fade;
        for (int i = 0; i < n; i++) {
            if (mix != target) {
                mix = target > mix ? Math.min(target, mix + stepPerSample) : Math.max(target, mix - stepPerSample);
            }
            mixed[i] = mix == 1 ? denOut[i] : mix == 0 ? rawOut[i] : mix * denOut[i] + (1 - mix) * rawOut[i];
        }
        rawRing.write(rawOut, 0, n);
        denoisedRing.write(denOut, 0, n);
        LiveRecorder r = recorder.get();
        if (r != null) {
            r.accept(rawOut, denOut, n);
        }
    }

    /** Which path is heard from the next block on (crossfaded). */
    public void setDenoisedHeard(boolean denoised) {
        wantDenoised = denoised;
    }

    public boolean denoisedHeard() {
        return wantDenoised;
    }

    /**
     * New denoiser options for the next block, state kept. Throws at once (naming the parameter) for one that
     * cannot change in a running stream.
     */
    public void setOptions(StreamingDenoiserOptions options) {
        String why = StreamingDenoiser.retuneProblem(processor.options(), options);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        pending.set(options);
    }

    /** Starts recording both paths from the next block. */
    public void startRecording(LiveRecorder r) {
        if (!recorder.compareAndSet(null, r)) {
            r.cancel();
            throw new IllegalStateException("already recording");
        }
    }

    /** Stops recording (both files appear together when the returned recorder's stop completes). */
    public LiveRecorder stopRecording() {
        LiveRecorder r = recorder.getAndSet(null);
        if (r != null) {
            r.stop();
        }
        return r;
    }

    public boolean recording() {
        return recorder.get() != null;
    }

    public SampleRing rawMonitor() {
        return rawRing;
    }

    public SampleRing denoisedMonitor() {
        return denoisedRing;
    }

    public int latencySamples() {
        return latency;
    }

    public LiveOptions liveOptions() {
        return live;
    }

    public Stats stats() {
        return new Stats(blocks, samples, cpuLoad, peakCpuLoad, source.droppedBlocks(), sink.underruns(), lateBlocks,
                latency, live.blockSamples(), source.bufferSamples(), sink.bufferSamples(), live.sampleRate(),
                wantDenoised, running, problem);
    }

    public boolean running() {
        return running;
    }

    /** Asks the loop to end after the current block and waits for it (at most 2 s), then closes the devices. */
    public void stop() {
        stopRequested = true;
        source.close(); // unblocks a reader waiting on the clock
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sink.close();
    }

    @Override
    public void close() {
        stop();
    }
}
