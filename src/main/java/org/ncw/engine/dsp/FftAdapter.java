package org.ncw.engine.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.HashMap;
import java.util.Map;

/**
 * Real FFT of one size n (the only class touching JTransforms). Spectra are exchanged unpacked as
 * {@code n/2 + 1} real and imaginary parts (numpy's {@code rfft} layout, sign convention e^{-2 pi i k t / n}),
 * so callers never see JTransforms' packed format.
 *
 * <p>Plans are cached per thread ({@link #forSize(int)}): a plan owns a scratch buffer, so one instance must
 * not be shared between threads, and per-thread caching makes that automatic.
 */
public final class FftAdapter {
    private static final ThreadLocal<Map<Integer, FftAdapter>> PLANS = ThreadLocal.withInitial(HashMap::new);

    private final int n;
    private final DoubleFFT_1D fft;
    private final double[] packed;

    private FftAdapter(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT size must be >= 1, got " + n);
        }
        this.n = n;
        this.fft = new DoubleFFT_1D(n);
        this.packed = new double[n];
    }

    /** This thread's plan for size n (created once per thread and size). */
    public static FftAdapter forSize(int n) {
        return PLANS.get().computeIfAbsent(n, FftAdapter::new);
    }

    public int size() {
        return n;
    }

    /** Number of non-negative frequency bins, n/2 + 1. */
    public int bins() {
        return n / 2 + 1;
    }

    /**
     * Forward real DFT of {@code input[inOffset .. inOffset+n)}; writes bins() values to re/im at outOffset.
     * The input is not modified.
     */
    public void forward(double[] input, int inOffset, double[] re, double[] im, int outOffset) {
        System.arraycopy(input, inOffset, packed, 0, n);
        fft.realForward(packed);
        re[outOffset] = packed[0];
        im[outOffset] = 0;
        int half = n / 2;
        if (n % 2 == 0) {
            for (int k = 1; k < half; k++) {
                re[outOffset + k] = packed[2 * k];
                im[outOffset + k] = packed[2 * k + 1];
            }
            if (n > 1) {
                re[outOffset + half] = packed[1];
                im[outOffset + half] = 0;
            }
        } else {
            for (int k = 1; k < half; k++) {
                re[outOffset + k] = packed[2 * k];
                im[outOffset + k] = packed[2 * k + 1];
            }
            if (half > 0) {
                re[outOffset + half] = packed[n - 1];
                im[outOffset + half] = packed[1];
            }
        }
    }

    /**
     * Inverse real DFT (scaled by 1/n, like numpy's {@code irfft}) of bins() values at re/im[inOffset..];
     * writes n samples to {@code output[outOffset..]}. Imaginary parts of DC (and Nyquist for even n) are
     * ignored, as irfft does.
     */
    public void inverse(double[] re, double[] im, int inOffset, double[] output, int outOffset) {
        int half = n / 2;
        packed[0] = re[inOffset];
        for (int k = 1; k < half; k++) {
            packed[2 * k] = re[inOffset + k];
            packed[2 * k + 1] = im[inOffset + k];
        }
        if (n % 2 == 0) {
            if (n > 1) {
                packed[1] = re[inOffset + half];
            }
        } else if (half > 0) {
            packed[n - 1] = re[inOffset + half];
            packed[1] = im[inOffset + half];
        }
        fft.realInverse(packed, true);
        System.arraycopy(packed, 0, output, outOffset, n);
    }
}
