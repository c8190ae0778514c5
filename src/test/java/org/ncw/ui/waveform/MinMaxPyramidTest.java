package org.ncw.ui.waveform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxPyramidTest {
    private static final double[] X = new double[200_003];

    static {
        Random r = new Random(3);
        for (int i = 0; i < X.length; i++) {
            X[i] = r.nextGaussian() * 0.2 + (i % 50_000 == 17 ? 0.9 : 0);
        }
    }

    private static double[] exact(long s, long e) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (long i = Math.max(0, s); i < Math.min(X.length, e); i++) {
            lo = Math.min(lo, X[(int) i]);
            hi = Math.max(hi, X[(int) i]);
        }
        return new double[] {lo, hi};
    }

    @Test
    void zoomedInColumnsAreExact() {
        MinMaxPyramid p = MinMaxPyramid.build(X);
        float[] c = p.columns(1000, 1000 + 400 * 7.5, 400);
        for (int k = 0; k < 400; k++) {
            double[] e = exact((long) Math.floor(1000 + k * 7.5), (long) Math.floor(1000 + (k + 1) * 7.5));
            assertEquals(e[0], c[2 * k], 1e-6);
            assertEquals(e[1], c[2 * k + 1], 1e-6);
        }
    }

    @Test
    void zoomedOutColumnsEqualTheBlockAlignedSliceAndNeverMissAPeak() {
        MinMaxPyramid p = MinMaxPyramid.build(X);
        int cols = 731;
        float[] c = p.columns(0, X.length, cols);
        double spc = X.length / (double) cols;
        int block = MinMaxPyramid.BASE;
        while ((long) block * 2 <= spc / 2) {
            block *= 2;
        }
        int peaks = 0;
        for (int k = 0; k < cols; k++) {
            long s = (long) Math.floor(k * spc);
            long e = (long) Math.floor((k + 1) * spc);
            double[] aligned = exact(s / block * block, (e + block - 1) / block * block);
            assertEquals(aligned[0], c[2 * k], 1e-6, "column " + k);
            assertEquals(aligned[1], c[2 * k + 1], 1e-6, "column " + k);
            double[] inside = exact(s, e);
            assertTrue(c[2 * k] <= inside[0] + 1e-6 && c[2 * k + 1] >= inside[1] - 1e-6);
            peaks += c[2 * k + 1] > 0.85 ? 1 : 0;
        }
        assertTrue(peaks >= 4, "all five isolated peaks survive decimation, found columns: " + peaks);
    }

    @Test
    void columnsOutsideTheSignalAreNaN() {
        float[] c = MinMaxPyramid.build(X).columns(X.length, X.length + 100, 10);
        assertTrue(Float.isNaN(c[0]) && Float.isNaN(c[19]));
    }
}
