package org.ncw.ui.spectrogram;

import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Spectrum;

/**
 * Rasterises the visible part of a dB spectrogram into ARGB pixels (row 0 = highest frequency), optionally
 * tinting bins by cluster label. Pure computation: runs on a render thread, never on the FX thread.
 * When several frames or bins fall on one pixel the loudest is shown, so short events are never dropped.
 */
public final class SpectrogramRaster {
    /** Overlay tint per label: NOISE untouched, SPEECH cyan, further raw cluster ids other hues. */
    static final int[] LABEL_RGB = {0, 0x00e5ff, 0x76ff03, 0xffea00, 0xff4081};
    static final double LABEL_ALPHA = 0.42;

    /** What to draw; {@code freqLowHz}..{@code freqHighHz} is the visible band (0..infinity: all of it). */
    public record Request(Spectrum spectrum, double t0, double t1, int width, int height, boolean logFrequency,
                          double gainDb, double rangeDb, LabelGrid labels, Spectrum labelGeometry,
                          double overlayAlpha, double freqLowHz, double freqHighHz) {
        public Request(Spectrum spectrum, double t0, double t1, int width, int height, boolean logFrequency,
                       double gainDb, double rangeDb, LabelGrid labels, Spectrum labelGeometry) {
            this(spectrum, t0, t1, width, height, logFrequency, gainDb, rangeDb, labels, labelGeometry, LABEL_ALPHA);
        }

        public Request(Spectrum spectrum, double t0, double t1, int width, int height, boolean logFrequency,
                       double gainDb, double rangeDb, LabelGrid labels, Spectrum labelGeometry, double overlayAlpha) {
            this(spectrum, t0, t1, width, height, logFrequency, gainDb, rangeDb, labels, labelGeometry, overlayAlpha,
                    0, Double.POSITIVE_INFINITY);
        }

        public FrequencyAxis axis() {
            return FrequencyAxis.of(spectrum, logFrequency, freqLowHz, freqHighHz);
        }
    }

    private SpectrogramRaster() {
    }

    /** Lowest frequency shown on a log axis. */
    public static double logFloorHz(Spectrum s) {
        return Math.max(20, s.binHz(1));
    }

    /** Frequency at the centre of pixel row y. */
    public static double rowHz(Spectrum s, boolean log, int y, int height) {
        double frac = 1 - (y + 0.5) / height;
        return hzAt(s, log, frac);
    }

    /** Frequency at a fraction of the axis height (0 = bottom). */
    public static double hzAt(Spectrum s, boolean log, double frac) {
        if (log) {
            double lo = logFloorHz(s);
            return lo * Math.pow(s.nyquist() / lo, frac);
        }
        return frac * s.nyquist();
    }

    /** Fraction of the axis height (0 = bottom) where a frequency sits. */
    public static double fracOf(Spectrum s, boolean log, double hz) {
        if (log) {
            double lo = logFloorHz(s);
            return Math.log(hz / lo) / Math.log(s.nyquist() / lo);
        }
        return hz / s.nyquist();
    }

    public static int[] render(Request r, ColorMap cmap) {
        Spectrum s = r.spectrum();
        int w = r.width();
        int h = r.height();
        int[] px = new int[w * h];
        double[] v = s.db().values();
        int bins = s.db().bins();
        int frames = s.db().frames();
        double top = s.db().max() - r.gainDb();
        double bottom = top - r.rangeDb();
        int[] bin0 = new int[h];
        int[] bin1 = new int[h];
        FrequencyAxis axis = r.axis();
        for (int y = 0; y < h; y++) {
            double fHi = axis.hzAt(1 - (double) y / h);
            double fLo = axis.hzAt(1 - (double) (y + 1) / h);
            int c = Math.min(bins - 1, Math.max(0, s.binAt(axis.rowHz(y, h))));
            bin0[y] = Math.max(0, Math.min(c, (int) Math.ceil(fLo / s.hzPerBin())));
            bin1[y] = Math.min(bins - 1, Math.max(c, (int) Math.floor(fHi / s.hzPerBin())));
        }
        double dt = (r.t1() - r.t0()) / w;
        int blank = cmap.argb(0);
        for (int x = 0; x < w; x++) {
            int f0 = s.frameAt(r.t0() + x * dt);
            int f1 = Math.max(f0, s.frameAt(r.t0() + (x + 1) * dt) - 1);
            f0 = Math.max(0, f0);
            f1 = Math.min(frames - 1, f1);
            for (int y = 0; y < h; y++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int f = f0; f <= f1; f++) {
                    int base = f * bins;
                    for (int b = bin0[y]; b <= bin1[y]; b++) {
                        best = Math.max(best, v[base + b]);
                    }
                }
                px[y * w + x] = best == Double.NEGATIVE_INFINITY ? blank
                        : cmap.argb((best - bottom) / (top - bottom));
            }
        }
        if (r.labels() != null && r.labelGeometry() != null) {
            tint(r, px);
        }
        return px;
    }

    private static void tint(Request r, int[] px) {
        Spectrum g = r.labelGeometry();
        LabelGrid labels = r.labels();
        int w = r.width();
        int h = r.height();
        double dt = (r.t1() - r.t0()) / w;
        int[] rowBin = new int[h];
        FrequencyAxis axis = r.axis();
        for (int y = 0; y < h; y++) {
            rowBin[y] = g.binAt(axis.rowHz(y, h));
        }
        for (int x = 0; x < w; x++) {
            int f = g.frameAt(r.t0() + (x + 0.5) * dt);
            if (f < 0 || f >= labels.frames()) {
                continue;
            }
            for (int y = 0; y < h; y++) {
                int b = rowBin[y];
                if (b < 0 || b >= labels.bins()) {
                    continue;
                }
                int label = labels.get(b, f);
                if (label > 0) {
                    int rgb = LABEL_RGB[Math.min(label, LABEL_RGB.length - 1)];
                    px[y * w + x] = ColorMap.blend(px[y * w + x], rgb, r.overlayAlpha());
                }
            }
        }
    }
}
