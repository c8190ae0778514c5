package org.ncw.engine.dsp;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PooledSpectrogramTest {
    private static Signal noiseWithBursts(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.05 * r.nextGaussian() + ((i / 3000) % 4 == 0 ? 0.5 * Math.sin(i * 0.21) : 0);
        }
        return new Signal(x, 16000);
    }

    /** A source handing out the signal in odd-sized blocks. */
    private static PooledSpectrogram.Source blocks(double[] x, int block) {
        int[] at = {0};
        return (buf, off, max) -> {
            int k = Math.min(Math.min(max, block), x.length - at[0]);
            if (k <= 0) {
                return -1;
            }
            System.arraycopy(x, at[0], buf, off, k);
            at[0] += k;
            return k;
        };
    }

    @Test
    void withoutPoolingItIsTheWholeSignalStftFrameForFrame() throws IOException {
        for (PadMode pad : PadMode.values()) {
            for (int n : new int[] {700, 2049, 40000, 100003}) {
                Signal s = noiseWithBursts(n, n);
                StftOptions o = StftOptions.of(1024, 256, 1024).withPadMode(pad);
                SpectrogramMatrix whole = Stft.forward(s, o).toMatrix(Intensity.DB, DbScale.defaults());
                SpectrogramMatrix pooled = PooledSpectrogram.compute(blocks(s.samples(), 777), n, 16000, o,
                        1 << 20, Intensity.DB, DbScale.defaults(), TaskMonitor.none());
                assertEquals(whole.frames(), pooled.frames(), pad + " " + n);
                assertArrayEquals(whole.values().values(), pooled.values().values(), 0.0, pad + " " + n);
                assertArrayEquals(whole.axes().frameTimesSeconds(), pooled.axes().frameTimesSeconds(), 1e-12);
            }
        }
    }

    @Test
    void aHopLongerThanTheFrameOverLongInputIsTheWholeSignalStft() throws IOException {
        // the table's "low" resolution: n_fft 1364, hop 3600, over more than the read buffer holds
        Signal s = noiseWithBursts(400001, 9);
        StftOptions o = StftOptions.of(1364, 3600, 1364);
        SpectrogramMatrix whole = Stft.forward(s, o).toMatrix(Intensity.POWER, DbScale.defaults());
        SpectrogramMatrix pooled = PooledSpectrogram.compute(blocks(s.samples(), 5000), s.length(), 16000, o,
                1 << 20, Intensity.POWER, DbScale.defaults(), TaskMonitor.none());
        assertArrayEquals(whole.values().values(), pooled.values().values(), 0.0);
    }

    @Test
    void pooledColumnsAreTheMaximumOverTheirFrames() throws IOException {
        Signal s = noiseWithBursts(200000, 5);
        StftOptions o = StftOptions.of(512, 128, 512);
        SpectrogramMatrix whole = Stft.forward(s, o).toMatrix(Intensity.MAGNITUDE, DbScale.defaults());
        int columns = 100;
        SpectrogramMatrix pooled = PooledSpectrogram.compute(blocks(s.samples(), 4096), s.length(), 16000, o,
                columns, Intensity.MAGNITUDE, DbScale.defaults(), TaskMonitor.none());
        assertEquals(columns, pooled.frames());
        int frames = whole.frames();
        for (int g = 0; g < columns; g++) {
            for (int k = 0; k < whole.bins(); k += 37) {
                double max = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < frames; t++) {
                    if ((long) t * columns / frames == g) {
                        max = Math.max(max, whole.values().get(k, t));
                    }
                }
                assertEquals(max, pooled.values().get(k, g), 0.0, "column " + g + " bin " + k);
            }
        }
        assertEquals(whole.values().max(), pooled.values().max(), 0.0);
    }
}
