package org.ncw.engine.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

class LiveEngineTest {
    private static final StreamingDenoiserOptions DEFAULTS = StreamingDenoiserOptions.defaults();
    private static final int LATENCY = DEFAULTS.latencySamples(16000);

    /** A clock that never waits: the pacing arithmetic runs, the time jumps to each block's due time. */
    static final class FakeClock implements PacedSignalSource.Clock {
        long now;
        long slept;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    static Signal clip(double seconds) throws Exception {
        Signal s = AudioReader.readMono(Path.of("samples/speech-babble-16k.noisy.wav"));
        return s.withSamples(Arrays.copyOf(s.samples(), (int) (seconds * s.sampleRate())));
    }

    /** The offline reference: the whole-signal streaming denoiser, delayed by its algorithmic latency. */
    static double[] offlineDelayed(Signal x, StreamingDenoiserOptions o, int latency) {
        double[] y = StreamingDenoiser.fit(x, o, TaskMonitor.none()).enhanced().samples();
        double[] out = new double[x.length()];
        System.arraycopy(y, 0, out, latency, x.length() - latency);
        return out;
    }

    static double[] delayed(double[] x, int latency) {
        double[] out = new double[x.length];
        System.arraycopy(x, 0, out, latency, x.length - latency);
        return out;
    }

    @Test
    void fileAtRealTimePaceGivesTheOfflineStreamingOutputWithNoDrops() throws Exception {
        Signal x = clip(2.0);
        MemorySink sink = new MemorySink();
        PacedSignalSource src = new PacedSignalSource(x, "babble", false);
        LiveEngine engine = new LiveEngine(src, sink, LiveOptions.defaults(), DEFAULTS, null);
        long t0 = System.nanoTime();
        engine.runHere();
        double wall = (System.nanoTime() - t0) / 1e9;
        assertEquals(640, engine.latencySamples(), "5 hops of 8 ms at 16 kHz: 40 ms");
        assertArrayEquals(offlineDelayed(x, DEFAULTS, LATENCY), sink.samples());
        LiveEngine.Stats s = engine.stats();
        assertEquals(0, s.droppedBlocks());
        assertEquals(x.length(), s.samples());
        assertEquals(200, s.blocks());
        // paced by the clock: not faster than real time (less a block), and not wildly slower (generous bound)
        assertTrue(wall >= 2.0 - 0.011, "finished in " + wall + " s, faster than real time");
        assertTrue(wall < 20, "took " + wall + " s");
        assertTrue(s.cpuLoad() > 0 && s.cpuLoad() < 1, "cpu load " + s.cpuLoad());
    }

    @Test
    void outputIsBlockSizeIndependentAndTheSwitchCrossfadesToTheAlignedRawPath() throws Exception {
        Signal x = clip(1.0);
        for (double blockSeconds : new double[] {0.001, 0.0123, 0.1}) {
            LiveOptions o = new LiveOptions(16000, blockSeconds, 0.008, 2, 0.04);
            MemorySink sink = new MemorySink();
            FakeClock clock = new FakeClock();
            LiveEngine engine = new LiveEngine(new PacedSignalSource(x, "x", false, 1, clock), sink, o, DEFAULTS,
                    null);
            engine.runHere();
            assertArrayEquals(offlineDelayed(x, DEFAULTS, LATENCY), Arrays.copyOf(sink.samples(), x.length()),
                    "block " + blockSeconds);
            assertTrue(clock.slept > 0.9e9, "the source waited on its clock");
        }
        // switch to raw after block 40 (0.4 s): a 128-sample linear crossfade from there, then the raw input delayed
        LiveOptions o = LiveOptions.defaults();
        MemorySink sink = new MemorySink();
        LiveEngine[] holder = new LiveEngine[1];
        BlockSink switching = new BlockSink() {
            int blocks;

            @Override
            public void write(double[] samples, int offset, int length) {
                sink.write(samples, offset, length);
                if (++blocks == 40) {
                    holder[0].setDenoisedHeard(false);
                }
            }

            @Override
            public String description() {
                return "switching";
            }

            @Override
            public void close() {
            }
        };
        holder[0] = new LiveEngine(new PacedSignalSource(x, "x", false, 1, new FakeClock()), switching, o, DEFAULTS,
                null);
        holder[0].runHere();
        double[] out = sink.samples();
        double[] den = offlineDelayed(x, DEFAULTS, LATENCY);
        double[] raw = delayed(x.samples(), LATENCY);
        int at = 40 * 160;
        for (int t = 0; t < out.length; t++) {
            double w = t < at ? 1 : Math.max(0, 1 - (t - at + 1) / 128.0);
            double want = w == 1 ? den[t] : w == 0 ? raw[t] : w * den[t] + (1 - w) * raw[t];
            assertEquals(want, out[t], 1e-12, "sample " + t);
        }
        assertFalse(holder[0].stats().denoisedHeard());
    }

    @Test
    void newOptionsApplyFromTheNextBlockWithTheStateKept() throws Exception {
        Signal x = clip(1.0);
        StreamingDenoiserOptions floor10 = DEFAULTS.withGainFloorDb(-10);
        MemorySink sink = new MemorySink();
        LiveEngine[] holder = new LiveEngine[1];
        BlockSink retuning = new BlockSink() {
            int blocks;

            @Override
            public void write(double[] samples, int offset, int length) {
                sink.write(samples, offset, length);
                if (++blocks == 50) {
                    holder[0].setOptions(floor10);
                }
            }

            @Override
            public String description() {
                return "retuning";
            }

            @Override
            public void close() {
            }
        };
        holder[0] = new LiveEngine(new PacedSignalSource(x, "x", false, 1, new FakeClock()), retuning,
                LiveOptions.defaults(), DEFAULTS, null);
        holder[0].runHere();
        // reference: one processor fed the first 50 blocks, retuned, then the rest
        StreamingDenoiser.Processor p = StreamingDenoiser.open(16000, DEFAULTS);
        double[] y = new double[x.length() + 4096];
        int[] w = {LATENCY};
        p.process(x.samples(), 0, 50 * 160, (s, off, len) -> {
            System.arraycopy(s, off, y, w[0], len);
            w[0] += len;
        });
        p.retune(floor10);
        p.process(x.samples(), 50 * 160, x.length() - 50 * 160, (s, off, len) -> {
            System.arraycopy(s, off, y, w[0], len);
            w[0] += len;
        });
        double[] out = sink.samples();
        assertArrayEquals(Arrays.copyOf(y, x.length()), out);
        // and it is not the same as never retuning, nor as starting afresh with the new options
        assertNotEquals(Arrays.toString(offlineDelayed(x, DEFAULTS, LATENCY)), Arrays.toString(out));
        assertNotEquals(Arrays.toString(offlineDelayed(x, floor10, LATENCY)), Arrays.toString(out));
        StreamingDenoiserOptions longerHop = new StreamingDenoiserOptions(0.004, 0.032, 0.1, 0.15, 1.5, 0, 60, 1.0,
                1.5, 8, 0.9, -25, 0.5, -30, 60, 1.0, null, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> holder[0].setOptions(longerHop));
        assertTrue(e.getMessage().startsWith("hopSeconds cannot change"), e.getMessage());
    }

    @Test
    void recordingWritesBothPathsTogetherWithTheSameStartAndLength(@TempDir Path dir) throws Exception {
        Signal x = clip(1.0);
        Path raw = dir.resolve("live.raw.wav");
        Path den = dir.resolve("live.denoised.wav");
        MemorySink sink = new MemorySink();
        LiveEngine[] holder = new LiveEngine[1];
        LiveRecorder[] rec = new LiveRecorder[1];
        BlockSink recording = new BlockSink() {
            int blocks;

            @Override
            public void write(double[] samples, int offset, int length) throws java.io.IOException {
                sink.write(samples, offset, length);
                blocks++;
                if (blocks == 20) {
                    rec[0] = new LiveRecorder(raw, den, 16000, WriteMode.FAIL_IF_EXISTS);
                    holder[0].startRecording(rec[0]);
                } else if (blocks == 70) {
                    holder[0].stopRecording();
                }
            }

            @Override
            public String description() {
                return "recording";
            }

            @Override
            public void close() {
            }
        };
        holder[0] = new LiveEngine(new PacedSignalSource(x, "x", false, 1, new FakeClock()), recording,
                LiveOptions.defaults(), DEFAULTS, null);
        holder[0].runHere();
        assertEquals(50 * 160, rec[0].stop().get());
        double[] a = AudioReader.readMono(raw).samples();
        double[] b = AudioReader.readMono(den).samples();
        assertEquals(50 * 160, a.length);
        assertEquals(50 * 160, b.length);
        double[] rawRef = delayed(x.samples(), LATENCY);
        double[] denRef = offlineDelayed(x, DEFAULTS, LATENCY);
        for (int i = 0; i < a.length; i++) {
            int t = 20 * 160 + i;
            assertEquals(rawRef[t], a[i], 0.0, "raw " + i); // 16-bit input is k / 32768: written exactly
            assertEquals(pcm16(denRef[t]), b[i], 0.0, "den " + i);
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    /** The WAV writer's 16-bit conversion, round(x * 32768) clamped, read back as k / 32768. */
    static double pcm16(double x) {
        return Math.max(-32768, Math.min(32767, Math.round(x * 32768.0))) / 32768.0;
    }

    @Test
    void aCancelledRecordingLeavesNothing(@TempDir Path dir) throws Exception {
        LiveRecorder r = new LiveRecorder(dir.resolve("a.wav"), dir.resolve("b.wav"), 16000, WriteMode.FAIL_IF_EXISTS);
        r.accept(new double[160], new double[160], 160);
        assertEquals(-1L, r.cancel().get());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        Files.writeString(dir.resolve("a.wav"), "x");
        assertThrows(java.io.IOException.class,
                () -> new LiveRecorder(dir.resolve("a.wav"), dir.resolve("b.wav"), 16000, WriteMode.FAIL_IF_EXISTS));
        assertFalse(Files.exists(dir.resolve("b.wav")));
    }

    @Test
    void aLateReaderLosesBlocksLikeACaptureDevice() {
        FakeClock clock = new FakeClock();
        Signal x = new Signal(new double[16000], 16000);
        PacedSignalSource src = new PacedSignalSource(x, "x", false, 0.1, clock);
        double[] b = new double[160];
        assertEquals(160, src.read(b, 0, 160));
        clock.now += 300_000_000L; // the reader stalls 0.3 s; the buffer holds 0.1 s
        assertEquals(160, src.read(b, 0, 160));
        assertEquals(20, src.droppedBlocks());
        assertEquals(22 * 160, src.delivered());
    }
}
