package org.ncw.ui.spectrogram;

import org.ncw.ui.analysis.Spectrum;

/**
 * The spectrogram's visible frequency band and how it maps onto the plot's height, linear or log: fraction 0 is
 * the bottom ({@link #low()} Hz), 1 the top ({@link #high()} Hz). Raster, axis ticks, overlay and readout all
 * map through one axis, so a zoomed band reads out the frequency that is drawn under the pointer.
 */
public record FrequencyAxis(boolean log, double low, double high) {
    /** The narrowest band the zoom goes to. */
    public static final double MIN_BAND_HZ = 20;

    /**
     * The band [lowHz, highHz] of {@code s}, clamped to what the axis can show: 0 (the log axis: its floor) up
     * to Nyquist; {@code highHz} infinite or NaN = Nyquist.
     */
    public static FrequencyAxis of(Spectrum s, boolean log, double lowHz, double highHz) {
        double floor = log ? SpectrogramRaster.logFloorHz(s) : 0;
        double top = s.nyquist();
        double hi = Double.isFinite(highHz) ? Math.min(top, Math.max(floor, highHz)) : top;
        double lo = Double.isFinite(lowHz) ? Math.max(floor, Math.min(top, lowHz)) : floor;
        double min = Math.min(MIN_BAND_HZ, top - floor);
        if (hi - lo < min) {
            hi = Math.min(top, lo + min);
            lo = hi - min;
        }
        return new FrequencyAxis(log, lo, hi);
    }

    /** The whole band of {@code s}. */
    public static FrequencyAxis full(Spectrum s, boolean log) {
        return of(s, log, 0, Double.POSITIVE_INFINITY);
    }

    /** Frequency at a fraction of the height (0 = bottom). */
    public double hzAt(double frac) {
        return log ? low * Math.pow(high / low, frac) : low + frac * (high - low);
    }

    /** Fraction of the height (0 = bottom) where a frequency sits; outside [0, 1] when out of the band. */
    public double fracOf(double hz) {
        return log ? Math.log(hz / low) / Math.log(high / low) : (hz - low) / (high - low);
    }

    /** Frequency at the centre of pixel row y of {@code height} rows (row 0 at the top). */
    public double rowHz(int y, int height) {
        return hzAt(1 - (y + 0.5) / height);
    }

    /**
     * The band zoomed by {@code factor} (&lt; 1 zooms in) keeping {@code anchorHz} at the same height, clamped to
     * what {@code s} holds: returns {lowHz, highHz}.
     */
    public double[] zoom(Spectrum s, double factor, double anchorHz) {
        FrequencyAxis full = full(s, log);
        double a = fracOf(anchorHz);
        if (log) {
            double span = Math.log(high / low) * factor;
            double fullSpan = Math.log(full.high / full.low);
            span = Math.min(fullSpan, Math.max(Math.log((full.low + MIN_BAND_HZ) / full.low) / 4, span));
            double lo = Math.log(anchorHz) - a * span;
            lo = Math.max(Math.log(full.low), Math.min(Math.log(full.high) - span, lo));
            return new double[] {Math.exp(lo), Math.exp(lo + span)};
        }
        double span = Math.min(full.high - full.low, Math.max(MIN_BAND_HZ, (high - low) * factor));
        double lo = anchorHz - a * span;
        lo = Math.max(full.low, Math.min(full.high - span, lo));
        return new double[] {lo, lo + span};
    }
}
