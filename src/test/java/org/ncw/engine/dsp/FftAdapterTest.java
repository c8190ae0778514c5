package org.ncw.engine.dsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FftAdapterTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 15, 16, 100, 255, 1364})
    void forwardMatchesDirectDftAndInverseRestoresInput(int n) {
        double[] x = new Random(n).doubles(n, -1, 1).toArray();
        FftAdapter fft = FftAdapter.forSize(n);
        double[] re = new double[n / 2 + 1];
        double[] im = new double[n / 2 + 1];
        fft.forward(x, 0, re, im, 0);
        for (int k = 0; k <= n / 2; k++) {
            double dr = 0;
            double di = 0;
            for (int t = 0; t < n; t++) {
                dr += x[t] * Math.cos(2 * Math.PI * k * t / n);
                di -= x[t] * Math.sin(2 * Math.PI * k * t / n);
            }
            assertEquals(dr, re[k], 1e-9 * n, "re of bin " + k);
            assertEquals(di, im[k], 1e-9 * n, "im of bin " + k);
        }
        double[] back = new double[n];
        fft.inverse(re, im, 0, back, 0);
        assertArrayEquals(x, back, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 17})
    void inverseIgnoresImaginaryPartsOfRealOnlyBinsLikeIrfft(int n) {
        double[] re = new double[n / 2 + 1];
        double[] im = new double[n / 2 + 1];
        re[0] = n;
        im[0] = 123; // irfft discards the imaginary part of DC
        double[] out = new double[n];
        FftAdapter.forSize(n).inverse(re, im, 0, out, 0);
        for (double v : out) {
            assertEquals(1.0, v, 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64})
    void plansAreCachedPerThreadAndSize(int n) throws Exception {
        assertSame(FftAdapter.forSize(n), FftAdapter.forSize(n));
        FftAdapter[] other = new FftAdapter[1];
        Thread t = new Thread(() -> other[0] = FftAdapter.forSize(n));
        t.start();
        t.join();
        assertEquals(n, other[0].size());
        assert other[0] != FftAdapter.forSize(n) : "threads must not share a plan (it owns a scratch buffer)";
    }
}
