package org.ncw.devices;

import java.nio.file.Path;
import java.util.Arrays;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.live.BlockSink;
import org.ncw.engine.live.BlockSource;
import org.ncw.engine.live.JavaSoundDevices;
import org.ncw.engine.live.LiveEngine;
import org.ncw.engine.live.LiveOptions;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;
import org.ncw.ui.playback.LevelMatch;
import org.ncw.ui.playback.Player;

/**
 * The device side of {@link AlsaDeviceTest}, run in a child JVM whose HOME holds an .asoundrc routing ALSA's
 * default device to files (Java Sound reads the ALSA configuration once, at start-up).
 */
public final class AlsaDeviceChild {
    static final int SECONDS = 2;
    /**
     * The A/B case plays 7 s through a FIFO read at real time: longer than the FIFO's 64 KiB (2 s), so the player
     * is held back to real-time pace and the switch lands during playback (ALSA's null device alone is not paced).
     */
    static final int AB_SECONDS = 7;

    private AlsaDeviceChild() {
    }

    static Signal original() throws Exception {
        return original(SECONDS);
    }

    static Signal original(int seconds) throws Exception {
        Signal s = AudioReader.readMono(Path.of("samples/speech-babble-16k.noisy.wav"));
        return s.withSamples(Arrays.copyOf(s.samples(), seconds * s.sampleRate()));
    }

    static Signal result(Signal original) {
        return StreamingDenoiser.fit(original, StreamingDenoiserOptions.defaults(), TaskMonitor.none()).enhanced();
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "probe" -> System.out.println("capture=" + JavaSoundDevices.captureDevices(16000)
                    + " playback=" + JavaSoundDevices.playbackDevices(16000));
            case "player" -> {
                Signal x = original();
                Signal r = result(x);
                Player p = new Player(System.out::println);
                p.setSource(r, LevelMatch.gain(r, x));
                if (!p.play()) {
                    throw new IllegalStateException("no device");
                }
                waitForEnd(p);
                p.close();
            }
            case "ab" -> {
                Thread pacer = pace(Path.of(args[1], "out.fifo"), Path.of(args[1], "out.raw"));
                Signal x = original(AB_SECONDS);
                Signal r = result(x);
                Player p = new Player(System.out::println);
                p.setSource(x, 1.0);
                p.play();
                // switch once playback is under way (ALSA's null device is not paced at real time: poll closely)
                while (p.positionSeconds() * x.sampleRate() < 8192) {
                    Thread.sleep(1);
                }
                long heard = Math.round(p.positionSeconds() * x.sampleRate());
                p.setSource(r, LevelMatch.gain(r, x));
                long heardAfter = Math.round(p.positionSeconds() * x.sampleRate());
                System.out.println("heard=" + heard);
                System.out.println("heardAfter=" + heardAfter);
                waitForEnd(p);
                p.close();
                pacer.join(10_000);
            }
            case "live" -> {
                LiveOptions o = LiveOptions.defaults();
                BlockSource capture = JavaSoundDevices.openCapture(null, o);
                BlockSink playback = JavaSoundDevices.openPlayback(null, o);
                long limit = (long) SECONDS * o.sampleRate();
                BlockSource bounded = new BlockSource() {
                    long read;

                    @Override
                    public int sampleRate() {
                        return capture.sampleRate();
                    }

                    @Override
                    public int read(double[] dst, int offset, int length) throws java.io.IOException {
                        if (read >= limit) {
                            return -1;
                        }
                        int n = capture.read(dst, offset, (int) Math.min(length, limit - read));
                        read += Math.max(0, n);
                        return n;
                    }

                    @Override
                    public long droppedBlocks() {
                        return capture.droppedBlocks();
                    }

                    @Override
                    public int bufferSamples() {
                        return capture.bufferSamples();
                    }

                    @Override
                    public String description() {
                        return capture.description();
                    }

                    @Override
                    public void close() {
                        capture.close();
                    }
                };
                LiveEngine e = new LiveEngine(bounded, playback, o, StreamingDenoiserOptions.defaults(), null);
                long t0 = System.nanoTime();
                e.runHere();
                double wall = (System.nanoTime() - t0) / 1e9;
                LiveEngine.Stats s = e.stats();
                e.stop();
                System.out.printf("stats samples=%d blocks=%d cpu=%.4f peak=%.3f overruns=%d underruns=%d slow=%d "
                                + "latencyMs=%.2f totalMs=%.2f sourceBuf=%d sinkBuf=%d wall=%.2f%n", s.samples(),
                        s.blocks(), s.cpuLoad(), s.peakCpuLoad(), s.overruns(), s.underruns(), s.lateBlocks(),
                        s.algorithmicLatencyMillis(), s.totalLatencyMillis(), s.sourceBufferSamples(),
                        s.sinkBufferSamples(), wall);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("done");
        System.exit(0);
    }

    /**
     * ALSA's null device takes samples as fast as they come; reading the file plugin's output from a FIFO at
     * 16000 samples a second makes the "device" play at real time, so a switch can land during playback.
     */
    private static Thread pace(Path fifo, Path out) {
        Thread t = new Thread(() -> {
            try (var in = java.nio.file.Files.newInputStream(fifo);
                 var o = java.nio.file.Files.newOutputStream(out)) {
                byte[] b = new byte[640]; // 20 ms
                long start = System.nanoTime();
                long bytes = 0;
                for (int n = in.read(b); n > 0; n = in.read(b)) {
                    o.write(b, 0, n);
                    bytes += n;
                    long due = start + bytes * 1_000_000_000L / 32000;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (Exception e) {
                System.out.println("pacer: " + e);
            }
        }, "pacer");
        t.start();
        return t;
    }

    private static void waitForEnd(Player p) throws InterruptedException {
        while (p.isPlaying()) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // the line drains
    }
}
