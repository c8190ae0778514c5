package org.ncw.engine.workbench;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.stream.SampleSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs any {@link Method} over a recording of any length in bounded memory: reads the input in overlapping windows
 * ({@link WindowOptions}), runs the method on each with the same options, and streams the central part of each
 * window's output and residue to the sinks, crossfading (raised cosine) from one window to the next around each
 * join. Peak memory is that of the method on one window, whatever the duration.
 * <p>
 * A recording no longer than one window ({@code window + 2 * margin}) is run whole, so its output is exactly the
 * method's. Otherwise window k covers the input {@code [k*S - M, (k+1)*S + M)} (S the central part, M the margin;
 * the first starts at 0), and the last window takes the rest, up to S/2 more than a central part, so no window is
 * left with a few seconds. Methods that estimate something over the whole recording (the blind denoiser's noise
 * frames, ICA's unmixing, the clustering) estimate it per window instead; see docs/audio.md, "Long recordings".
 */
public final class WindowedRunner {
    /** Where the input comes from: fills {@code buffer[offset..offset+max)}, returns the count or -1 at the end. */
    @FunctionalInterface
    public interface SampleSource {
        int read(double[] buffer, int offset, int max) throws IOException;
    }

    /** What a windowed run did: the first window's detail lines, how many windows, and how long the input was. */
    public record Summary(List<String> details, int windows, long samples) {
        public Summary {
            details = List.copyOf(details);
        }
    }

    private WindowedRunner() {
    }

    /** A source reading a signal held in memory (tests, and readers that can only read whole files). */
    public static SampleSource of(Signal signal) {
        double[] x = signal.samples();
        long[] at = {0};
        return (buffer, offset, max) -> {
            int k = (int) Math.min(max, x.length - at[0]);
            if (k <= 0) {
                return -1;
            }
            System.arraycopy(x, (int) at[0], buffer, offset, k);
            at[0] += k;
            return k;
        };
    }

    /**
     * Runs {@code method} with {@code options} over everything {@code source} holds (at {@code sampleRate}), writing
     * the output to {@code output} and the residue to {@code residue} (null: not wanted) as it goes.
     */
    public static <O> Summary run(Method<O> method, O options, SampleSource source, int sampleRate,
                                  WindowOptions windows, SampleSink output, SampleSink residue, TaskMonitor monitor,
                                  long expectedSamples) throws IOException {
        Checks.notNull("method", method);
        Checks.notNull("windows", windows);
        Checks.positive("sampleRate", sampleRate);
        int central = (int) Math.max(1, Math.round(windows.windowSeconds() * sampleRate));
        int margin = (int) Math.max(1, Math.round(windows.marginSeconds() * sampleRate));
        int half = (int) Math.min(margin, Math.max(1, Math.round(windows.crossfadeSeconds() * sampleRate / 2)));
        Input in = new Input(source, central + central / 2 + 2 * margin + 1);
        in.fillTo(central + 2L * margin + 1);
        if (in.available() <= central + 2L * margin) {
            // one window: the method on the whole recording, exactly
            Signal whole = new Signal(Arrays.copyOf(in.buffer, in.filled), sampleRate);
            MethodOutput out = method.run(whole, options, monitor);
            emit(output, out.output().samples(), 0, in.filled);
            if (residue != null) {
                emit(residue, out.residue().samples(), 0, in.filled);
            }
            return new Summary(out.details(), 1, in.filled);
        }
        double[] fade = raisedCosine(2 * half);
        double[] tailOut = new double[2 * half];
        double[] tailRes = new double[2 * half];
        List<String> details = new ArrayList<>();
        long total = expectedSamples > 0 ? expectedSamples : -1;
        int index = 0;
        long emitted = 0; // absolute index of the next output sample
        while (true) {
            monitor.checkCancelled();
            long windowStart = index == 0 ? 0 : (long) index * central - margin;
            long centralEnd = (long) (index + 1) * central;
            // read up to (k+1)S + M, plus S/2 of look-ahead (and one sample) to see whether the input ends soon
            long want = centralEnd + margin + central / 2;
            in.fillTo(want + 1);
            boolean last = in.available() <= want;
            long windowEnd = last ? in.available() : centralEnd + margin;
            int from = (int) (windowStart - in.start);
            int length = (int) (windowEnd - windowStart);
            Signal window = new Signal(Arrays.copyOfRange(in.buffer, from, from + length), sampleRate);
            TaskMonitor part = total > 0 ? monitor.sub(Math.min(1, windowStart / (double) total),
                    Math.min(1, Math.max(windowStart, Math.min(windowEnd, total)) / (double) total)) : monitor;
            MethodOutput out = method.run(window, options, part);
            if (index == 0) {
                details.addAll(out.details());
            }
            double[] y = out.output().samples();
            double[] r = out.residue().samples();
            long emitEnd = last ? windowEnd : centralEnd - half;
            if (index > 0) {
                // crossfade [k*S - half, k*S + half) from the previous window's tail into this window
                int at = (int) (emitted - windowStart);
                crossfade(output, tailOut, y, at, fade);
                if (residue != null) {
                    crossfade(residue, tailRes, r, at, fade);
                }
                emitted += 2L * half;
            }
            int at = (int) (emitted - windowStart);
            int n = (int) (emitEnd - emitted);
            emit(output, y, at, n);
            if (residue != null) {
                emit(residue, r, at, n);
            }
            emitted = emitEnd;
            if (last) {
                return new Summary(details, index + 1, windowEnd);
            }
            int tailAt = (int) (emitted - windowStart);
            System.arraycopy(y, tailAt, tailOut, 0, 2 * half);
            System.arraycopy(r, tailAt, tailRes, 0, 2 * half);
            in.dropBefore(centralEnd - margin); // the next window reads from (k+1)S - M on
            index++;
        }
    }

    /** The part of the input still needed: {@code buffer[0..filled)} holds samples {@code start..}. */
    private static final class Input {
        final SampleSource source;
        final double[] buffer;
        long start;
        int filled;
        boolean ended;

        Input(SampleSource source, int capacity) {
            this.source = source;
            this.buffer = new double[capacity];
        }

        long available() {
            return start + filled;
        }

        /** Reads until sample {@code end} (exclusive) is in or the source ends. */
        void fillTo(long end) throws IOException {
            int target = (int) Math.min(buffer.length, end - start);
            while (!ended && filled < target) {
                int k = source.read(buffer, filled, target - filled);
                if (k < 0) {
                    ended = true;
                } else {
                    filled += k;
                }
            }
        }

        void dropBefore(long absolute) {
            int drop = (int) (absolute - start);
            System.arraycopy(buffer, drop, buffer, 0, filled - drop);
            filled -= drop;
            start = absolute;
        }
    }

    private static void emit(SampleSink sink, double[] x, int offset, int length) throws IOException {
        if (sink != null && length > 0) {
            sink.accept(x, offset, length);
        }
    }

    private static void crossfade(SampleSink sink, double[] previous, double[] next, int at, double[] fade)
            throws IOException {
        double[] mixed = new double[fade.length];
        for (int i = 0; i < fade.length; i++) {
            mixed[i] = (1 - fade[i]) * previous[i] + fade[i] * next[at + i];
        }
        sink.accept(mixed, 0, mixed.length);
    }

    /** Rises from near 0 to near 1 over n samples: 0.5 - 0.5 cos(pi (i + 0.5) / n). */
    static double[] raisedCosine(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / n);
        }
        return w;
    }

    /** One line for the details: how the run was windowed. */
    public static String describe(Summary summary, WindowOptions windows) {
        return summary.windows() <= 1 ? "whole recording in one window"
                : String.format(Locale.ROOT, "%d windows of %.0f s (+-%.1f s context, %.2f s crossfades);"
                        + " noise statistics estimated per window", summary.windows(), windows.windowSeconds(),
                windows.marginSeconds(), windows.crossfadeSeconds());
    }
}
