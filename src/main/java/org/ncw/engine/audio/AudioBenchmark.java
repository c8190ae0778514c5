package org.ncw.engine.audio;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Speed of the audio package on white noise: resampling at the common rate pairs (filter design included) and a
 * PCM16 WAV write + read through a temporary file. Each case runs once to warm up, then {@code repeats} times; the
 * median is reported. Meant for the {@code bench} command, never for unit tests.
 */
public final class AudioBenchmark {
    /** One measured case: median wall time for {@code audioSeconds} of input audio. */
    public record Result(String name, double medianMillis, double audioSeconds) {
        /** Seconds of audio processed per second of wall time. */
        public double realtimeFactor() {
            return audioSeconds * 1000 / medianMillis;
        }
    }

    private AudioBenchmark() {
    }

    public static List<Result> run(double audioSeconds, int repeats, TaskMonitor monitor) {
        Checks.positive("audioSeconds", audioSeconds);
        Checks.positive("repeats", repeats);
        int[][] pairs = {{22050, 16000}, {16000, 22050}, {48000, 16000}, {44100, 16000}};
        List<Result> results = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            monitor.step(p, pairs.length + 1);
            Signal in = noise(pairs[p][0], audioSeconds);
            int target = pairs[p][1];
            results.add(time("resample " + pairs[p][0] + " -> " + target, audioSeconds, repeats,
                    () -> Resampler.resample(in, target, ResamplerOptions.defaults(), TaskMonitor.none())));
        }
        Signal wav = noise(16000, audioSeconds);
        results.add(time("WAV PCM16 write + read, 16 kHz", audioSeconds, repeats, () -> {
            try {
                Path dir = Files.createTempDirectory("ncw-bench");
                Path f = dir.resolve("bench.wav");
                try {
                    AudioWriter.write(wav, f, SampleFormat.PCM16, WriteMode.OVERWRITE);
                    AudioReader.read(f);
                } finally {
                    Files.deleteIfExists(f);
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        monitor.done();
        return results;
    }

    private static Signal noise(int rate, double seconds) {
        Random r = new Random(1);
        double[] x = new double[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 * r.nextGaussian();
        }
        return new Signal(x, rate);
    }

    private static Result time(String name, double audioSeconds, int repeats, Runnable task) {
        task.run();
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Result(name, ms[repeats / 2], audioSeconds);
    }
}
