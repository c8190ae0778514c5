package org.ncw.engine.denoise;

/**
 * Moving averages over a frame-major time-frequency grid ({@code v[frame * bins + bin]}) with mirrored edges
 * (scipy.ndimage's 'reflect': ... b a | a b ...), so a local mean near the edges still averages real cells.
 */
final class BoxFilter {
    private BoxFilter() {
    }

    /** Mean over an odd {@code binWidth x frameWidth} neighbourhood of every cell. */
    static double[] mean(double[] v, int bins, int frames, int binWidth, int frameWidth) {
        return alongTime(alongFrequency(v, bins, frames, binWidth), bins, frames, frameWidth);
    }

    static double[] alongFrequency(double[] v, int bins, int frames, int width) {
        if (width <= 1) {
            return v.clone();
        }
        double[] out = new double[v.length];
        double[] line = new double[bins];
        double[] smoothed = new double[bins];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(v, t * bins, line, 0, bins);
            runningMean(line, width, smoothed);
            System.arraycopy(smoothed, 0, out, t * bins, bins);
        }
        return out;
    }

    /**
     * Mean along frequency over a window that widens with frequency: {@code max(minHz, fraction * f)} wide around
     * a bin at f (a constant-Q average, like critical bands), cut at the grid's ends (the mean of the cells that
     * are inside). O(n) per frame by prefix sums.
     */
    static double[] alongFrequencyProportional(double[] v, int bins, int frames, double binHz, double minHz,
                                               double fraction) {
        int[] half = new int[bins];
        for (int k = 0; k < bins; k++) {
            half[k] = (int) Math.round(Math.max(minHz, fraction * k * binHz) / binHz / 2);
        }
        double[] out = new double[v.length];
        double[] prefix = new double[bins + 1];
        for (int t = 0; t < frames; t++) {
            int row = t * bins;
            for (int k = 0; k < bins; k++) {
                prefix[k + 1] = prefix[k] + v[row + k];
            }
            for (int k = 0; k < bins; k++) {
                int a = Math.max(0, k - half[k]);
                int b = Math.min(bins - 1, k + half[k]);
                out[row + k] = (prefix[b + 1] - prefix[a]) / (b - a + 1);
            }
        }
        return out;
    }

    /** Running mean along time, whole frames at a time (contiguous rows: no strided walks over the grid). */
    static double[] alongTime(double[] v, int bins, int frames, int width) {
        if (width <= 1) {
            return v.clone();
        }
        double[] out = new double[v.length];
        double[] sum = new double[bins];
        int half = width / 2;
        for (int j = -half; j <= half; j++) {
            int row = mirror(j, frames) * bins;
            for (int k = 0; k < bins; k++) {
                sum[k] += v[row + k];
            }
        }
        double inv = 1.0 / width;
        for (int t = 0; t < frames; t++) {
            int base = t * bins;
            int add = mirror(t + half + 1, frames) * bins;
            int drop = mirror(t - half, frames) * bins;
            for (int k = 0; k < bins; k++) {
                out[base + k] = sum[k] * inv;
                sum[k] += v[add + k] - v[drop + k];
            }
        }
        return out;
    }

    /** Centred running mean of odd width with mirrored edges, O(n) by a sliding sum. */
    static void runningMean(double[] x, int width, double[] out) {
        int n = x.length;
        int half = width / 2;
        double sum = 0;
        for (int j = -half; j <= half; j++) {
            sum += x[mirror(j, n)];
        }
        double inv = 1.0 / width;
        for (int i = 0; i < n; i++) {
            out[i] = sum * inv;
            sum += x[mirror(i + half + 1, n)] - x[mirror(i - half, n)];
        }
    }

    /** Index into [0, n) with mirrored ends, repeated for windows wider than the signal. */
    static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
