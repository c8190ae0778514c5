package org.ncw.engine.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Peak and RMS level of one channel, linear and in dBFS (0 dBFS = full scale 1.0; a full-scale sine has an RMS of
 * -3.01 dBFS; digital silence is -infinity).
 */
public record ChannelLevel(int channel, double peak, double rms) {

    public static List<ChannelLevel> measure(AudioClip clip) {
        List<ChannelLevel> levels = new ArrayList<>(clip.channelCount());
        for (int c = 0; c < clip.channelCount(); c++) {
            float[] x = clip.channels()[c];
            double peak = 0;
            double sum = 0;
            for (float v : x) {
                peak = Math.max(peak, Math.abs(v));
                sum += (double) v * v;
            }
            levels.add(new ChannelLevel(c, peak, Math.sqrt(sum / x.length)));
        }
        return levels;
    }

    /** Peak and RMS of every channel, fed block by block (the same sums, in the same order, as {@link #measure}). */
    public static final class Accumulator {
        private final double[] peak;
        private final double[] sum;
        private long frames;

        public Accumulator(int channels) {
            peak = new double[channels];
            sum = new double[channels];
        }

        /** Adds {@code frames} samples of every channel, {@code block[channel][0..frames)}. */
        public void add(float[][] block, int frames) {
            for (int c = 0; c < peak.length; c++) {
                float[] x = block[c];
                for (int i = 0; i < frames; i++) {
                    float v = x[i];
                    peak[c] = Math.max(peak[c], Math.abs(v));
                    sum[c] += (double) v * v;
                }
            }
            this.frames += frames;
        }

        public long frames() {
            return frames;
        }

        public List<ChannelLevel> levels() {
            List<ChannelLevel> levels = new ArrayList<>(peak.length);
            for (int c = 0; c < peak.length; c++) {
                levels.add(new ChannelLevel(c, peak[c], Math.sqrt(sum[c] / frames)));
            }
            return levels;
        }
    }

    public double peakDbfs() {
        return toDb(peak);
    }

    public double rmsDbfs() {
        return toDb(rms);
    }

    static double toDb(double linear) {
        return linear > 0 ? 20 * Math.log10(linear) : Double.NEGATIVE_INFINITY;
    }
}
