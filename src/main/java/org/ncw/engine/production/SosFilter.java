package org.ncw.engine.production;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

import java.util.Arrays;

/**
 * An IIR filter as a cascade of second-order sections, one row {@code [b0, b1, b2, a0, a1, a2]} per section
 * (scipy's {@code sos} layout, normalised to {@code a0 = 1}). Immutable.
 *
 * <p>Filtering runs here rather than in iirj because zero-phase filtering needs the steady-state initial
 * conditions of each section ({@link #filtfilt}), which iirj's cascade does not expose.
 */
public final class SosFilter {
    private final double[][] sections;

    private SosFilter(double[][] sections) {
        this.sections = sections;
    }

    /** A filter from scipy-layout sections; each row is copied and normalised by its {@code a0}. */
    public static SosFilter of(double[][] sos) {
        Checks.notNull("sos", sos);
        double[][] rows = new double[sos.length][];
        for (int i = 0; i < sos.length; i++) {
            if (sos[i] == null || sos[i].length != 6) {
                throw new InvalidParameterException("sos row " + i + " must have 6 coefficients [b0 b1 b2 a0 a1 a2]");
            }
            double a0 = sos[i][3];
            if (!(Math.abs(a0) > 0) || !Double.isFinite(a0)) {
                throw new InvalidParameterException("sos row " + i + " has a0 = " + a0 + "; it must be finite and non-zero");
            }
            rows[i] = new double[6];
            for (int k = 0; k < 6; k++) {
                rows[i][k] = Checks.finite("sos[" + i + "][" + k + "]", sos[i][k]) / a0;
            }
        }
        return new SosFilter(rows);
    }

    /** The filter that passes its input unchanged (no sections). */
    public static SosFilter identity() {
        return new SosFilter(new double[0][]);
    }

    /** This filter followed by {@code next}. */
    public SosFilter then(SosFilter next) {
        double[][] rows = Arrays.copyOf(sections, sections.length + next.sections.length);
        System.arraycopy(next.sections, 0, rows, sections.length, next.sections.length);
        return new SosFilter(rows);
    }

    public int sectionCount() {
        return sections.length;
    }

    /** A copy of the sections, normalised to {@code a0 = 1}. */
    public double[][] sections() {
        double[][] copy = new double[sections.length][];
        for (int i = 0; i < sections.length; i++) {
            copy[i] = sections[i].clone();
        }
        return copy;
    }

    /** Magnitude of the frequency response at {@code hz} for a sample rate {@code sampleRate}. */
    public double magnitude(double hz, double sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w);
        double s1 = -Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = -Math.sin(2 * w);
        double gain = 1;
        for (double[] s : sections) {
            double nr = s[0] + s[1] * c1 + s[2] * c2;
            double ni = s[1] * s1 + s[2] * s2;
            double dr = 1 + s[4] * c1 + s[5] * c2;
            double di = s[4] * s1 + s[5] * s2;
            gain *= Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
        }
        return gain;
    }

    /** {@link #magnitude} in dB. */
    public double magnitudeDb(double hz, double sampleRate) {
        return 20 * Math.log10(magnitude(hz, sampleRate));
    }

    /** Causal filtering from a zero state (scipy {@code sosfilt}); returns a new array. */
    public double[] filter(double[] x) {
        double[] y = x.clone();
        run(y, new double[sections.length][2]);
        return y;
    }

    /**
     * Zero-phase filtering, forward then backward (scipy {@code sosfiltfilt} with its defaults: odd extension of
     * {@code 3 * (2 * sections + 1)} samples, capped at {@code length - 1}, and steady-state initial conditions).
     * The magnitude response is squared, so the -3 dB point of a Butterworth filter becomes -6 dB, and there is
     * no delay: features stay where they were in the input.
     */
    public double[] filtfilt(double[] x) {
        int n = x.length;
        if (n < 2 || sections.length == 0) {
            return x.clone();
        }
        int padlen = Math.min(3 * tapCount(), n - 1);
        double[] ext = new double[n + 2 * padlen];
        for (int i = 0; i < padlen; i++) {
            ext[i] = 2 * x[0] - x[padlen - i];
            ext[n + padlen + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, padlen, n);
        double[][] zi = steadyStateInitialConditions();
        run(ext, scaled(zi, ext[0]));
        reverse(ext);
        run(ext, scaled(zi, ext[0]));
        reverse(ext);
        return Arrays.copyOfRange(ext, padlen, padlen + n);
    }

    private int tapCount() {
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (double[] s : sections) {
            zeroB2 += s[2] == 0 ? 1 : 0;
            zeroA2 += s[5] == 0 ? 1 : 0;
        }
        return 2 * sections.length + 1 - Math.min(zeroB2, zeroA2);
    }

    /** Per-section transposed direct form II state for a unit step input held forever (scipy {@code sosfilt_zi}). */
    private double[][] steadyStateInitialConditions() {
        double[][] zi = new double[sections.length][2];
        double scale = 1;
        for (int i = 0; i < sections.length; i++) {
            double[] s = sections[i];
            double dcGain = (s[0] + s[1] + s[2]) / (1 + s[4] + s[5]);
            double z2 = s[2] - s[5] * dcGain;
            double z1 = s[1] - s[4] * dcGain + z2;
            zi[i][0] = scale * z1;
            zi[i][1] = scale * z2;
            scale *= dcGain;
        }
        return zi;
    }

    private static double[][] scaled(double[][] zi, double factor) {
        double[][] out = new double[zi.length][2];
        for (int i = 0; i < zi.length; i++) {
            out[i][0] = zi[i][0] * factor;
            out[i][1] = zi[i][1] * factor;
        }
        return out;
    }

    /** Filters {@code data} in place through every section (transposed direct form II). */
    private void run(double[] data, double[][] state) {
        for (int k = 0; k < sections.length; k++) {
            double[] s = sections[k];
            double b0 = s[0];
            double b1 = s[1];
            double b2 = s[2];
            double a1 = s[4];
            double a2 = s[5];
            double z1 = state[k][0];
            double z2 = state[k][1];
            for (int i = 0; i < data.length; i++) {
                double in = data[i];
                double out = b0 * in + z1;
                z1 = b1 * in - a1 * out + z2;
                z2 = b2 * in - a2 * out;
                data[i] = out;
            }
        }
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
