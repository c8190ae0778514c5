package org.ncw.engine.live;

import org.ncw.engine.dsp.FftAdapter;

/**
 * Spectrogram columns for the scrolling live display: a Hann-windowed FFT of the {@code size} samples ending at a
 * position of a {@link SampleRing}, as dB re full scale (a full-scale sine reads about 0 dB).
 */
public final class LiveSpectrum {
    private final FftAdapter fft;
    private final double[] window;
    private final double[] frame;
    private final double[] re;
    private final double[] im;
    private final double scale;

    public LiveSpectrum(int size) {
        this.fft = FftAdapter.forSize(size);
        this.window = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            sum += window[i];
        }
        this.scale = 2 / sum;
        this.frame = new double[size];
        this.re = new double[size / 2 + 1];
        this.im = new double[size / 2 + 1];
    }

    public int size() {
        return frame.length;
    }

    public int bins() {
        return re.length;
    }

    /** Fills {@code db} (length {@link #bins}) with the spectrum of the samples before {@code end}. */
    public void column(SampleRing ring, long end, double[] db) {
        ring.copyRange(end - frame.length, frame);
        for (int i = 0; i < frame.length; i++) {
            frame[i] *= window[i];
        }
        fft.forward(frame, 0, re, im, 0);
        for (int k = 0; k < re.length; k++) {
            double mag = Math.hypot(re[k], im[k]) * scale;
            db[k] = 20 * Math.log10(mag + 1e-10);
        }
    }
}
