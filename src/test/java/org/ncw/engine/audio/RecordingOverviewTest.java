package org.ncw.engine.audio;

import org.ncw.engine.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingOverviewTest {
    @TempDir
    Path dir;

    private Path write(String name, double[] x) throws IOException {
        Path f = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WavStreamWriter w = WavStreamWriter.toFile(ch, 16000, SampleFormat.FLOAT32);
            for (int i = 0; i < x.length; i += 1000) {
                w.write(x, i, Math.min(1000, x.length - i));
            }
            w.finish();
        }
        return f;
    }

    private static double[] signal(int n) {
        Random rnd = new Random(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.4 * Math.sin(2 * Math.PI * (300 + i * 0.05) * i / 16000.0) + 0.1 * rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void overviewEqualsBruteForceMinMaxAndDirectDftPooledMax() throws IOException {
        double[] x = signal(16_123);
        Path f = write("o.wav", x);
        double[] whole = AudioReader.readMono(f).samples();
        int columns = 37;
        int rows = 16;
        RecordingOverview o = RecordingOverview.compute(f, columns, rows, ChannelSelection.mixDown(),
                TaskMonitor.none());
        assertEquals(whole.length, o.frames());
        float[] min = new float[columns];
        float[] max = new float[columns];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < whole.length; i++) {
            int c = (int) ((long) i * columns / whole.length);
            min[c] = Math.min(min[c], (float) whole[i]);
            max[c] = Math.max(max[c], (float) whole[i]);
        }
        assertArrayEquals(min, o.min());
        assertArrayEquals(max, o.max());

        int n = RecordingOverview.FFT_SIZE;
        float[] spec = new float[columns * rows];
        for (int start = 0; start + n <= whole.length; start += RecordingOverview.HOP) {
            int c = (int) ((long) start * columns / whole.length);
            for (int k = 0; k <= n / 2; k++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < n; t++) {
                    double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / n);
                    re += whole[start + t] * w * Math.cos(2 * Math.PI * k * t / n);
                    im -= whole[start + t] * w * Math.sin(2 * Math.PI * k * t / n);
                }
                int row = 0;
                while (row + 1 < rows && RecordingOverview.rowStart(row + 1, rows) <= k) {
                    row++;
                }
                spec[c * rows + row] = (float) Math.max(spec[c * rows + row], re * re + im * im);
            }
        }
        double peak = 0;
        for (float v : spec) {
            peak = Math.max(peak, v);
        }
        assertTrue(peak > 1, "the reference spectrogram has energy");
        for (int i = 0; i < spec.length; i++) {
            assertEquals(spec[i], o.spectrum()[i], 1e-6 * peak + 1e-4 * spec[i], "cell " + i);
        }
    }

    @Test
    void readSpanEqualsTheSliceOfAWholeFileRead() throws IOException {
        double[] x = signal(48_000);
        Path f = write("s.wav", x);
        double[] whole = AudioReader.readMono(f).samples();
        double[] span = RecordingOverview.readSpan(f, 1.25, 0.5, ChannelSelection.mixDown());
        assertArrayEquals(Arrays.copyOfRange(whole, 20_000, 28_000), span);
        double[] tail = RecordingOverview.readSpan(f, 2.5, 10, ChannelSelection.mixDown());
        assertArrayEquals(Arrays.copyOfRange(whole, 40_000, 48_000), tail);
        assertEquals(0, RecordingOverview.readSpan(f, 5, 1, ChannelSelection.mixDown()).length);
    }
}
