package org.ncw.cli;

import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.audio.WavStreamReader;
import org.ncw.engine.audio.WavStreamWriter;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.stream.SampleSink;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.WindowOptions;
import org.ncw.engine.workbench.WindowedRunner;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * {@code ncw denoise} with any method but {@code streaming}: a WAV file or stream is read, denoised and written in
 * overlapping windows ({@link WindowedRunner}), so the heap holds one window whatever the duration; AIFF and AU
 * files are read whole (within {@link MemoryBudget}) and written the same way.
 */
final class WindowedDenoiseRun {
    /** What a run read and wrote, for the command's report. */
    static final class Outcome {
        WindowedRunner.Summary summary;
        WindowOptions windows;
        int sampleRate;
        int channels;
        double inputEnergy;
        double residueEnergy;
        long clipped;
        long clippedResidue;
    }

    private WindowedDenoiseRun() {
    }

    @FunctionalInterface
    interface Body {
        WindowedRunner.Summary run(WindowedRunner.SampleSource source, int rate, SampleSink out, SampleSink residue,
                                   long expected) throws Exception;
    }

    static Outcome run(DenoiseCommand command, Method<?> method, WorkbenchOptions experiment, Path residuePath,
                       OutputSet outputs, TaskMonitor monitor) throws Exception {
        WavStreamReader reader = StreamingDenoiseRun.openWav(command.input, command.stdin);
        Outcome outcome = new Outcome();
        WindowedRunner.SampleSource raw;
        long expected;
        if (reader != null) {
            outcome.sampleRate = reader.sampleRate();
            outcome.channels = reader.channels();
            expected = reader.declaredFrames();
            raw = (buf, off, max) -> reader.read(buf, off, max, command.channel);
        } else {
            AudioClip clip = AudioReader.read(command.input);
            Signal s = command.channel.isMixDown() ? clip.toMono() : clip.channel(command.channel.index());
            outcome.sampleRate = s.sampleRate();
            outcome.channels = clip.channelCount();
            expected = s.length();
            raw = WindowedRunner.of(s);
        }
        WindowedRunner.SampleSource source = (buf, off, max) -> {
            int k = raw.read(buf, off, max);
            for (int i = 0; i < k; i++) {
                outcome.inputEnergy += buf[off + i] * buf[off + i];
            }
            return k;
        };
        int rate = outcome.sampleRate;
        WindowOptions windows = command.windowOptions(method.kind(), rate);
        outcome.windows = windows;
        SampleFormat format = command.floatOutput ? SampleFormat.FLOAT32 : SampleFormat.PCM16;
        Body body = (src, r, out, res, n) -> FileLimits.atRate(command.input, r,
                () -> runTyped(method, experiment, src, r, windows, out, res, monitor, n));
        if (StreamingDenoiseRun.isStdio(command.output)) {
            OutputStream pipe = new BufferedOutputStream(command.stdout, 1 << 16);
            WavStreamWriter w = WavStreamWriter.toPipe(pipe, rate, format);
            if (residuePath == null) {
                outcome.summary = body.run(source, rate, w::write, residueSink(null, outcome), expected);
            } else {
                outputs.writeChannel(residuePath, rch -> {
                    WavStreamWriter rw = WavStreamWriter.toFile(rch, rate, format);
                    outcome.summary = call(body, source, rate, w::write, residueSink(rw, outcome), expected);
                    rw.finish();
                    outcome.clippedResidue = rw.clippedSamples();
                });
            }
            w.finish();
            outcome.clipped = w.clippedSamples();
        } else {
            outputs.writeChannel(command.output, ch -> {
                WavStreamWriter w = WavStreamWriter.toFile(ch, rate, format);
                if (residuePath == null) {
                    outcome.summary = call(body, source, rate, w::write, residueSink(null, outcome), expected);
                } else {
                    outputs.writeChannel(residuePath, rch -> {
                        WavStreamWriter rw = WavStreamWriter.toFile(rch, rate, format);
                        outcome.summary = call(body, source, rate, w::write, residueSink(rw, outcome), expected);
                        rw.finish();
                        outcome.clippedResidue = rw.clippedSamples();
                    });
                }
                w.finish();
                outcome.clipped = w.clippedSamples();
            });
        }
        return outcome;
    }

    private static SampleSink residueSink(WavStreamWriter w, Outcome outcome) {
        return (y, off, len) -> {
            for (int i = 0; i < len; i++) {
                outcome.residueEnergy += y[off + i] * y[off + i];
            }
            if (w != null) {
                w.write(y, off, len);
            }
        };
    }

    /** Runs the body inside a channel writer, which may only throw IOException: other failures pass wrapped. */
    private static WindowedRunner.Summary call(Body body, WindowedRunner.SampleSource source, int rate,
                                               SampleSink out, SampleSink residue, long expected) throws IOException {
        try {
            return body.run(source, rate, out, residue, expected);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <O> WindowedRunner.Summary runTyped(Method<O> method, WorkbenchOptions experiment,
                                                       WindowedRunner.SampleSource source, int rate,
                                                       WindowOptions windows, SampleSink out, SampleSink residue,
                                                       TaskMonitor monitor, long expected) throws IOException {
        return WindowedRunner.run(method, method.options(experiment), source, rate, windows, out, residue, monitor,
                expected);
    }
}
