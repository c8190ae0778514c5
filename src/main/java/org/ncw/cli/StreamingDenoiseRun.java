package org.ncw.cli;

import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.audio.WavStreamReader;
import org.ncw.engine.audio.WavStreamWriter;
import org.ncw.engine.core.Signal;
import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.stream.SampleSink;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ncw denoise --method streaming}, and {@code -} (stdin/stdout) for every method: the streaming method reads,
 * denoises and writes block by block in bounded memory (output starts before the input ends); the other methods
 * read the whole stream first.
 */
final class StreamingDenoiseRun {
    static final String STDIO = "-";
    /** Samples read per block: 64 ms at 16 kHz, what a pipe's reader waits at most beyond the latency. */
    private static final int BLOCK = 1024;

    private StreamingDenoiseRun() {
    }

    static boolean isStdio(Path p) {
        return p != null && p.toString().equals(STDIO);
    }

    /** A WAV reader on stdin or on a WAV file, or null when the file is another format (AIFF, AU). */
    static WavStreamReader openWav(Path input, InputStream stdin) throws IOException {
        if (isStdio(input)) {
            return WavStreamReader.open(new BufferedInputStream(stdin, 1 << 16), input);
        }
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(input)) {
            if (in.readNBytes(magic, 0, 4) < 4) {
                return null;
            }
        }
        String m = new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1);
        return m.equals("RIFF") || m.equals("RF64")
                ? WavStreamReader.open(new BufferedInputStream(Files.newInputStream(input), 1 << 16), input) : null;
    }

    /** The whole of a WAV stream as one mono signal (methods that need the whole recording). */
    static Signal readAll(WavStreamReader reader, ChannelSelection channel) throws IOException {
        double[] x = new double[1 << 16];
        int n = 0;
        while (true) {
            if (n == x.length) {
                x = Arrays.copyOf(x, x.length * 2);
            }
            int got = reader.read(x, n, x.length - n, channel);
            if (got < 0) {
                break;
            }
            n += got;
        }
        return new Signal(Arrays.copyOf(x, n), reader.sampleRate());
    }

    /** Writes a whole signal as a WAV stream to stdout. */
    static org.ncw.engine.audio.WriteReport writeToPipe(Signal s, OutputStream stdout, SampleFormat format)
            throws IOException {
        OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        WavStreamWriter w = WavStreamWriter.toPipe(out, s.sampleRate(), format);
        w.write(s.samples(), 0, s.length());
        w.finish();
        return new org.ncw.engine.audio.WriteReport(Path.of(STDIO), format, 1, s.sampleRate(), s.length(),
                w.clippedSamples(), -1);
    }

    /**
     * Runs the streaming method with {@code options} (the experiment's) from {@code command}'s input to its
     * outputs; messages go to {@code log}.
     */
    static int run(DenoiseCommand command, StreamingDenoiserOptions options, Path residuePath, PrintWriter log)
            throws IOException {
        WavStreamReader reader = openWav(command.input, command.stdin);
        Source source;
        int rate;
        if (reader != null) {
            rate = reader.sampleRate();
            WavStreamReader r = reader;
            source = (buf, max) -> r.read(buf, 0, max, command.channel);
        } else {
            // AIFF / AU files: read whole (the streaming reader covers WAV, which is what pipes carry)
            AudioClip clip = AudioReader.read(command.input);
            Signal s = command.channel.isMixDown() ? clip.toMono() : clip.channel(command.channel.index());
            rate = s.sampleRate();
            int[] at = {0};
            source = (buf, max) -> {
                int k = Math.min(max, s.length() - at[0]);
                if (k <= 0) {
                    return -1;
                }
                System.arraycopy(s.samples(), at[0], buf, 0, k);
                at[0] += k;
                return k;
            };
        }
        StreamingDenoiser.Processor processor = StreamingDenoiser.open(rate, options);
        SampleFormat format = command.floatOutput ? SampleFormat.FLOAT32 : SampleFormat.PCM16;
        WriteMode mode = command.force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
        OutputGuard guard = OutputGuard.protecting(command.input);
        Stats stats = new Stats();
        long start = System.nanoTime();
        if (isStdio(command.output)) {
            OutputStream out = new BufferedOutputStream(command.stdout, 1 << 16);
            WavStreamWriter w = WavStreamWriter.toPipe(out, rate, format);
            // a pipe gets each block as soon as it is denoised
            withResidue(residuePath, rate, format, mode, guard, residue ->
                    pump(source, processor, w, residue, true, stats));
            w.finish();
            stats.clipped += w.clippedSamples();
        } else {
            // output and residue appear together or not at all (one set, committed once both are complete)
            List<Path> targets = residuePath == null ? List.of(command.output) : List.of(command.output, residuePath);
            try (OutputSet outputs = OutputSet.reserve(mode, guard, targets)) {
                outputs.writeChannel(command.output, ch -> {
                    WavStreamWriter w = WavStreamWriter.toFile(ch, rate, format);
                    if (residuePath == null) {
                        pump(source, processor, w, null, false, stats);
                    } else {
                        outputs.writeChannel(residuePath, rch -> {
                            WavStreamWriter r = WavStreamWriter.toFile(rch, rate, format);
                            pump(source, processor, w, r, false, stats);
                            r.finish();
                        });
                    }
                    w.finish();
                    stats.clipped += w.clippedSamples();
                });
                outputs.commit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double duration = stats.samples / (double) rate;
        log.printf(Locale.ROOT, "%s: %d Hz, %.2f s (streamed, %s)%n", command.input, rate, duration,
                command.channel.isMixDown() ? "channels mixed" : "channel " + command.channel);
        log.printf(Locale.ROOT, "method streaming: STFT %d/%d, latency %d samples = %.1f ms (output delay %d), %s%n",
                processor.analysisFrame(), processor.hop(), processor.latencySamples(),
                1000.0 * processor.latencySamples() / rate, processor.delaySamples(),
                processor.options().describeMask());
        log.printf(Locale.ROOT, "runtime %.3f s, RTF %.4f%n", seconds, duration > 0 ? seconds / duration : 0);
        log.println("wrote " + command.output + (stats.clipped == 0 ? ""
                : " (" + stats.clipped + " samples clipped to [-1, 1]; use --float to keep them)"));
        if (residuePath != null) {
            log.println("wrote " + residuePath + " (residue)");
        }
        log.flush();
        return 0;
    }

    @FunctionalInterface
    private interface Source {
        int read(double[] buffer, int max) throws IOException;
    }

    @FunctionalInterface
    private interface ResidueBody {
        void run(WavStreamWriter residue) throws IOException;
    }

    private static final class Stats {
        long samples;
        long clipped;
    }

    private static void withResidue(Path residuePath, int rate, SampleFormat format, WriteMode mode,
                                    OutputGuard guard, ResidueBody body) throws IOException {
        if (residuePath == null) {
            body.run(null);
            return;
        }
        AtomicFileWriter.writeChannel(residuePath, mode, guard, ch -> {
            WavStreamWriter r = WavStreamWriter.toFile(ch, rate, format);
            body.run(r);
            r.finish();
        });
    }

    /** Reads, denoises and writes until the input ends; the residue needs the input delayed to the output. */
    private static void pump(Source source, StreamingDenoiser.Processor processor, WavStreamWriter output,
                             WavStreamWriter residue, boolean live, Stats stats) throws IOException {
        double[] block = new double[BLOCK];
        // input samples whose output has not come yet: at most the output delay plus a block and a hop
        double[] pending = new double[BLOCK + processor.latencySamples() + processor.hop()];
        double[] diff = new double[pending.length];
        int[] head = {0};
        int[] count = {0};
        SampleSink sink = (y, off, len) -> {
            output.write(y, off, len);
            if (residue != null) {
                for (int i = 0; i < len; i++) {
                    diff[i] = pending[(head[0] + i) % pending.length] - y[off + i];
                }
                head[0] = (head[0] + len) % pending.length;
                count[0] -= len;
                residue.write(diff, 0, len);
            }
        };
        int got;
        while ((got = source.read(block, BLOCK)) >= 0) {
            if (residue != null) {
                for (int i = 0; i < got; i++) {
                    pending[(head[0] + count[0] + i) % pending.length] = block[i];
                }
                count[0] += got;
            }
            stats.samples += got;
            processor.process(block, 0, got, sink);
            if (live) {
                output.flush();
            }
        }
        processor.flush(sink);
    }
}
