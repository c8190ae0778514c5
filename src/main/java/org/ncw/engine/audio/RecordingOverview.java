package org.ncw.engine.audio;

import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.FftAdapter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An overview of a whole WAV recording computed in one streaming pass, in memory O(columns x rows) whatever the
 * duration: per column the min/max of the mono signal (waveform overview) and a pooled spectrogram (Hann-windowed
 * {@link #FFT_SIZE}-point STFT, hop {@link #HOP}, each frame assigned to the column of its first sample; per column
 * and per row of bins the maximum power). Frame {@code i} of {@code frames} belongs to column
 * {@code floor(i * columns / frames)}. {@link #readSpan} reads one span without reading the file whole.
 *
 * @param spectrum row-major {@code [column * rows + row]}, power (|X|^2, no scaling); 0 where no STFT frame started
 */
public record RecordingOverview(int sampleRate, long frames, int columns, float[] min, float[] max, int rows,
                                float[] spectrum) {
    public static final int FFT_SIZE = 512;
    public static final int HOP = 256;

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    /** Bins {@code [rowStart(r), rowStart(r+1))} of the {@code FFT_SIZE/2+1} bins are pooled into row r. */
    public static int rowStart(int row, int rows) {
        return (int) ((long) row * (FFT_SIZE / 2 + 1) / rows);
    }

    /** One pass over a WAV file; progress and cancellation through {@code monitor}. */
    public static RecordingOverview compute(Path file, int columns, int rows, ChannelSelection selection,
                                            TaskMonitor monitor) throws IOException {
        if (columns < 1 || columns > 100_000) {
            throw new IllegalArgumentException("columns must be in [1, 100000], got " + columns);
        }
        if (rows < 1 || rows > FFT_SIZE / 2 + 1) {
            throw new IllegalArgumentException("rows must be in [1, " + (FFT_SIZE / 2 + 1) + "], got " + rows);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            WavStreamReader r = WavStreamReader.open(in, file);
            long frames = r.declaredFrames();
            if (frames <= 0) {
                throw new AudioFileException(file, "declares no data length; the overview needs a WAV file with"
                        + " a known length");
            }
            float[] min = new float[columns];
            float[] max = new float[columns];
            java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
            float[] spec = new float[columns * rows];
            FftAdapter fft = FftAdapter.forSize(FFT_SIZE);
            double[] window = new double[FFT_SIZE];
            for (int i = 0; i < FFT_SIZE; i++) {
                window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT_SIZE);
            }
            int bins = fft.bins();
            int[] rowOfBin = new int[bins];
            for (int row = 0, b = 0; row < rows; row++) {
                for (int end = rowStart(row + 1, rows); b < end; b++) {
                    rowOfBin[b] = row;
                }
            }
            double[] ring = new double[FFT_SIZE];
            double[] frame = new double[FFT_SIZE];
            double[] re = new double[bins];
            double[] im = new double[bins];
            double[] block = new double[4096];
            long pos = 0;
            int got;
            while ((got = r.read(block, 0, block.length, selection)) >= 0) {
                monitor.checkCancelled();
                for (int k = 0; k < got && pos < frames; k++, pos++) {
                    double v = block[k];
                    int c = (int) (pos * columns / frames);
                    if (v < min[c]) {
                        min[c] = (float) v;
                    }
                    if (v > max[c]) {
                        max[c] = (float) v;
                    }
                    ring[(int) (pos % FFT_SIZE)] = v;
                    long start = pos - FFT_SIZE + 1;
                    if (start >= 0 && start % HOP == 0) {
                        for (int i = 0; i < FFT_SIZE; i++) {
                            frame[i] = ring[(int) ((start + i) % FFT_SIZE)] * window[i];
                        }
                        fft.forward(frame, 0, re, im, 0);
                        int base = (int) (start * columns / frames) * rows;
                        for (int b = 0; b < bins; b++) {
                            float p = (float) (re[b] * re[b] + im[b] * im[b]);
                            int idx = base + rowOfBin[b];
                            if (p > spec[idx]) {
                                spec[idx] = p;
                            }
                        }
                    }
                }
                monitor.step(pos, frames);
            }
            for (int c = 0; c < columns; c++) {
                if (min[c] > max[c]) {
                    min[c] = 0;
                    max[c] = 0;
                }
            }
            monitor.done();
            return new RecordingOverview(r.sampleRate(), pos, columns, min, max, rows, spec);
        }
    }

    /**
     * Mono samples of {@code [startSeconds, startSeconds + seconds)} of a WAV file, clipped to its end; the frames
     * before the span are skipped, not decoded.
     */
    public static double[] readSpan(Path file, double startSeconds, double seconds, ChannelSelection selection)
            throws IOException {
        if (!(startSeconds >= 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("span start must be >= 0 and its length > 0 s, got start "
                    + startSeconds + " s, length " + seconds + " s");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            WavStreamReader r = WavStreamReader.open(in, file);
            long first = Math.round(startSeconds * r.sampleRate());
            long want = Math.round(seconds * r.sampleRate());
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("span of " + seconds + " s is too long");
            }
            long skipped = r.skip(first);
            if (skipped < first) {
                return new double[0];
            }
            double[] out = new double[(int) want];
            int n = 0;
            int got;
            while (n < out.length && (got = r.read(out, n, out.length - n, selection)) >= 0) {
                n += got;
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }
    }
}
