package org.ncw.ui.analysis;

import org.ncw.engine.core.TaskMonitor;

/**
 * Minimal radix-2 FFT and Hann-window STFT / overlap-add inverse, used by {@link EngineBridge} until the engine's
 * {@code org.ncw.engine.dsp.Stft} is on main. Not an engine replacement: no padding modes, no options record.
 */
final class ProvisionalDsp {
    private ProvisionalDsp() {
    }

    record Complex(int bins, int frames, double[] re, double[] im) { }

    static Complex stft(double[] x, int nFft, int hop, TaskMonitor monitor) {
        int bins = nFft / 2 + 1;
        int frames = x.length / hop + 1;
        double[] w = hann(nFft);
        double[] re = new double[bins * frames];
        double[] im = new double[bins * frames];
        double[] fr = new double[nFft];
        double[] fi = new double[nFft];
        for (int f = 0; f < frames; f++) {
            monitor.step(f, frames);
            int start = f * hop - nFft / 2;
            for (int i = 0; i < nFft; i++) {
                int s = start + i;
                fr[i] = s >= 0 && s < x.length ? x[s] * w[i] : 0;
                fi[i] = 0;
            }
            fft(fr, fi, false);
            System.arraycopy(fr, 0, re, f * bins, bins);
            System.arraycopy(fi, 0, im, f * bins, bins);
        }
        return new Complex(bins, frames, re, im);
    }

    static double[] istft(Complex c, double[] gains, int nFft, int hop, int length, TaskMonitor monitor) {
        double[] w = hann(nFft);
        double[] out = new double[length];
        double[] norm = new double[length];
        double[] fr = new double[nFft];
        double[] fi = new double[nFft];
        int bins = c.bins();
        for (int f = 0; f < c.frames(); f++) {
            monitor.step(f, c.frames());
            for (int b = 0; b < bins; b++) {
                double g = gains[f * bins + b];
                fr[b] = c.re()[f * bins + b] * g;
                fi[b] = c.im()[f * bins + b] * g;
            }
            for (int b = bins; b < nFft; b++) {
                fr[b] = fr[nFft - b];
                fi[b] = -fi[nFft - b];
            }
            fft(fr, fi, true);
            int start = f * hop - nFft / 2;
            for (int i = 0; i < nFft; i++) {
                int s = start + i;
                if (s >= 0 && s < length) {
                    out[s] += fr[i] * w[i];
                    norm[s] += w[i] * w[i];
                }
            }
        }
        for (int i = 0; i < length; i++) {
            out[i] = norm[i] > 1e-8 ? out[i] / norm[i] : 0;
        }
        return out;
    }

    static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }

    /** In-place iterative radix-2 FFT; the inverse includes the 1/n scaling. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
