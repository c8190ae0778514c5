package org.ncw.engine.dsp;

/**
 * Analysis windows, periodic ("DFT-even") like {@code scipy.signal.get_window(name, n, fftbins=True)},
 * which is what librosa uses.
 */
public enum WindowType {
    HANN,
    HAMMING,
    BLACKMAN,
    RECTANGULAR;

    /** The periodic window of length n. */
    public double[] coefficients(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be >= 1, got " + n);
        }
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            double phase = 2 * Math.PI * k / n;
            w[k] = switch (this) {
                case HANN -> 0.5 - 0.5 * Math.cos(phase);
                case HAMMING -> 0.54 - 0.46 * Math.cos(phase);
                case BLACKMAN -> 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
                case RECTANGULAR -> 1.0;
            };
        }
        return w;
    }

    /**
     * The window of length winLength zero-padded symmetrically to nFft, like librosa's
     * {@code util.pad_center}: left padding is (nFft - winLength) / 2, rounded down.
     */
    public double[] centredIn(int winLength, int nFft) {
        double[] padded = new double[nFft];
        System.arraycopy(coefficients(winLength), 0, padded, (nFft - winLength) / 2, winLength);
        return padded;
    }
}
