package org.ncw.ui.waveform;

/**
 * Min/max envelope of a signal at power-of-two block sizes (16, 32, 64, ... samples), so the min/max per pixel
 * column of any window is read from a few blocks instead of every sample: hour-long files draw as fast as short
 * ones. Built once per signal (about 2 passes over the samples), immutable afterwards.
 */
public final class MinMaxPyramid {
    static final int BASE = 16;
    private final double[] samples;
    /** levels[i][2 * b] = min and levels[i][2 * b + 1] = max of block b of size BASE << i. */
    private final float[][] levels;

    private MinMaxPyramid(double[] samples, float[][] levels) {
        this.samples = samples;
        this.levels = levels;
    }

    public static MinMaxPyramid build(double[] samples) {
        int count = 0;
        for (long size = BASE; size < samples.length; size <<= 1) {
            count++;
        }
        float[][] levels = new float[Math.max(1, count)][];
        int blocks = (samples.length + BASE - 1) / BASE;
        float[] first = new float[2 * Math.max(1, blocks)];
        for (int b = 0; b < blocks; b++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = b * BASE, e = Math.min(samples.length, i + BASE); i < e; i++) {
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            first[2 * b] = (float) lo;
            first[2 * b + 1] = (float) hi;
        }
        levels[0] = first;
        for (int l = 1; l < levels.length; l++) {
            float[] prev = levels[l - 1];
            int prevBlocks = prev.length / 2;
            int n = (prevBlocks + 1) / 2;
            float[] cur = new float[2 * n];
            for (int b = 0; b < n; b++) {
                int a = 2 * b;
                int c = Math.min(prevBlocks - 1, a + 1);
                cur[2 * b] = Math.min(prev[2 * a], prev[2 * c]);
                cur[2 * b + 1] = Math.max(prev[2 * a + 1], prev[2 * c + 1]);
            }
            levels[l] = cur;
        }
        return new MinMaxPyramid(samples, levels);
    }

    public int length() {
        return samples.length;
    }

    /**
     * Min and max of each of {@code columns} equal slices of samples [from, to): out[2c] = min, out[2c+1] = max
     * (NaN for slices outside the signal). When a slice spans many samples the answer comes from whole blocks,
     * so a slice may include up to one block (&lt; half a column) beyond its exact edges.
     */
    public float[] columns(double from, double to, int columns) {
        float[] out = new float[2 * columns];
        double spc = (to - from) / columns;
        int level = -1;
        while (level + 1 < levels.length && (long) BASE << (level + 1) <= spc / 2) {
            level++;
        }
        for (int c = 0; c < columns; c++) {
            long s = (long) Math.floor(from + c * spc);
            long e = Math.max(s + 1, (long) Math.floor(from + (c + 1) * spc));
            s = Math.max(0, s);
            e = Math.min(samples.length, e);
            if (s >= e) {
                out[2 * c] = Float.NaN;
                out[2 * c + 1] = Float.NaN;
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            if (level < 0) {
                for (long i = s; i < e; i++) {
                    lo = Math.min(lo, samples[(int) i]);
                    hi = Math.max(hi, samples[(int) i]);
                }
            } else {
                int size = BASE << level;
                float[] lv = levels[level];
                int b0 = (int) (s / size);
                int b1 = (int) ((e + size - 1) / size);
                for (int b = b0; b < b1 && b < lv.length / 2; b++) {
                    lo = Math.min(lo, lv[2 * b]);
                    hi = Math.max(hi, lv[2 * b + 1]);
                }
            }
            out[2 * c] = (float) lo;
            out[2 * c + 1] = (float) hi;
        }
        return out;
    }
}
