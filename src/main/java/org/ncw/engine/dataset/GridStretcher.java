package org.ncw.engine.dataset;

import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.TfAxes;

import java.util.Objects;

/**
 * Maps a label grid or soft mask computed on one time-frequency grid onto another by physical position: each
 * target bin looks up the source at its own frame time (s) and bin frequency (Hz). Works for any shapes (no
 * integer ratio needed); positions outside the source axes clamp to the edge frame / bin.
 */
public final class GridStretcher {
    private GridStretcher() {
    }

    /** Nearest-neighbour stretch (labels stay labels). */
    public static LabelGrid stretch(LabelGrid source, TfAxes from, TfAxes to) {
        requireShape(source.bins(), source.frames(), from);
        int[] frameIdx = nearest(from.frameTimesSeconds(), to.frameTimesSeconds());
        int[] binIdx = nearest(from.binFrequenciesHz(), to.binFrequenciesHz());
        int bins = to.bins();
        int[] out = new int[bins * to.frames()];
        for (int f = 0; f < to.frames(); f++) {
            int srcBase = frameIdx[f] * source.bins();
            for (int k = 0; k < bins; k++) {
                out[f * bins + k] = source.labels()[srcBase + binIdx[k]];
            }
        }
        return new LabelGrid(bins, to.frames(), out);
    }

    /** Bilinear stretch (for soft masks and other continuous values). */
    public static TfMatrix stretch(TfMatrix source, TfAxes from, TfAxes to) {
        requireShape(source.bins(), source.frames(), from);
        double[] fPos = positions(from.frameTimesSeconds(), to.frameTimesSeconds());
        double[] kPos = positions(from.binFrequenciesHz(), to.binFrequenciesHz());
        int srcBins = source.bins();
        int lastFrame = source.frames() - 1;
        int lastBin = srcBins - 1;
        double[] s = source.values();
        int bins = to.bins();
        double[] out = new double[bins * to.frames()];
        for (int f = 0; f < to.frames(); f++) {
            int f0 = (int) fPos[f];
            int f1 = Math.min(f0 + 1, lastFrame);
            double wf = fPos[f] - f0;
            for (int k = 0; k < bins; k++) {
                int k0 = (int) kPos[k];
                int k1 = Math.min(k0 + 1, lastBin);
                double wk = kPos[k] - k0;
                double a = s[f0 * srcBins + k0] * (1 - wk) + s[f0 * srcBins + k1] * wk;
                double b = s[f1 * srcBins + k0] * (1 - wk) + s[f1 * srcBins + k1] * wk;
                out[f * bins + k] = wf == 0 ? a : a * (1 - wf) + b * wf;
            }
        }
        return new TfMatrix(bins, to.frames(), out);
    }

    private static void requireShape(int bins, int frames, TfAxes from) {
        Objects.requireNonNull(from, "from");
        if (bins != from.bins() || frames != from.frames()) {
            throw new IllegalArgumentException("source grid is " + bins + " x " + frames
                    + " but its axes describe " + from.bins() + " x " + from.frames());
        }
    }

    private static double[] positions(double[] sourceAxis, double[] targetAxis) {
        double[] p = new double[targetAxis.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = TfAxes.position(sourceAxis, targetAxis[i]);
        }
        return p;
    }

    private static int[] nearest(double[] sourceAxis, double[] targetAxis) {
        double[] p = positions(sourceAxis, targetAxis);
        int[] idx = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            idx[i] = (int) Math.round(p[i]);
        }
        return idx;
    }
}
