package org.ncw.engine.audio;

import org.ncw.engine.core.InvalidParameterException;

/**
 * The windowed-sinc low-pass of a rational L/M resampler, split into its L polyphase branches. Designed like
 * scipy.signal.firwin with a Kaiser window: odd length, centred, unit DC gain, then multiplied by L so that
 * zero-stuffed upsampling keeps the amplitude.
 */
final class PolyphaseFilter {
    final int up;
    final int down;
    final int taps;
    final int centre;
    /** Taps per branch (the last ones padded with zeros). */
    final int perBranch;
    /**
     * reversed[p][perBranch - 1 - m] = L * h[p + m L]: branch p backwards, so that a dot product with the input runs
     * forwards through both arrays.
     */
    final double[][] reversed;

    private PolyphaseFilter(int up, int down, double[] h) {
        this.up = up;
        this.down = down;
        this.taps = h.length;
        this.centre = (h.length - 1) / 2;
        this.perBranch = (h.length + up - 1) / up;
        this.reversed = new double[up][perBranch];
        for (int t = 0; t < h.length; t++) {
            reversed[t % up][perBranch - 1 - t / up] = h[t] * up;
        }
    }

    static PolyphaseFilter design(int up, int down, ResamplerOptions options) {
        int maxRate = Math.max(up, down);
        double width = (1 - options.passbandEdge()) / maxRate;          // relative to the upsampled Nyquist
        double cutoff = (1 + options.passbandEdge()) / 2 / maxRate;     // middle of the transition band
        long n = KaiserWindow.oddTapCount(options.stopbandAttenuationDb(), width);
        if (n > options.maxTaps()) {
            throw new InvalidParameterException("resampling by " + up + "/" + down + " needs a " + n
                    + "-tap filter, more than maxTaps " + options.maxTaps()
                    + "; use a rate with a larger common divisor or a lower quality");
        }
        return new PolyphaseFilter(up, down, lowPass((int) n, cutoff, KaiserWindow.beta(options.stopbandAttenuationDb())));
    }

    /** firwin(n, cutoff, window=('kaiser', beta)): sinc times window, scaled to unit gain at DC. */
    static double[] lowPass(int n, double cutoffRelNyquist, double beta) {
        double[] h = new double[n];
        double alpha = 0.5 * (n - 1);
        double sum = 0;
        double i0Beta = KaiserWindow.besselI0(beta);
        for (int i = 0; i < n; i++) {
            double x = cutoffRelNyquist * (i - alpha);
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            h[i] = cutoffRelNyquist * sinc * KaiserWindow.value(i, n, beta, i0Beta);
            sum += h[i];
        }
        for (int i = 0; i < n; i++) {
            h[i] /= sum;
        }
        return h;
    }
}
