package org.ncw.engine.metrics;

/**
 * Extended short-time objective intelligibility (ESTOI; Jensen &amp; Taal 2016, IEEE/ACM TASLP 24(11)), following
 * pystoi's {@code stoi(x, y, fs, extended=True)}: the same preprocessing as {@link Stoi} (10 kHz, silent-frame
 * removal, 15 one-third-octave band envelopes, 30-frame = 384 ms segments), then each segment's 15 x 30 envelope
 * matrix is normalised row-wise (each band's envelope to zero mean and unit norm over the 30 frames) and then
 * column-wise (each frame's spectrum to zero mean and unit norm over the 15 bands), and the score is the mean over
 * segments of the summed products of the two normalised matrices divided by 30. Unlike STOI there is no clipping
 * and the correlation is of spectral patterns, so it also ranks modulated (fluctuating) maskers sensibly.
 *
 * <p>pystoi adds machine-epsilon Gaussian noise before each normalisation (so an all-constant row does not divide
 * by zero); here such a row is left at zero instead, which changes scores by ~1e-15 otherwise.
 */
public final class Estoi {
    private Estoi() {
    }

    /**
     * ESTOI of {@code processed} against {@code clean}, both at {@code sampleRate}, over their common length.
     * Returns {@link Stoi#TOO_SHORT} when the speech part is shorter than one 384 ms segment (as pystoi does).
     */
    public static double compute(double[] clean, double[] processed, int sampleRate) {
        Stoi.Envelopes e = Stoi.envelopes(clean, processed, sampleRate);
        return e == null ? Stoi.TOO_SHORT : fromEnvelopes(e);
    }

    /** STOI and ESTOI together, sharing the resampling, silence removal and STFT (the costly part). */
    public static Intelligibility both(double[] clean, double[] processed, int sampleRate) {
        Stoi.Envelopes e = Stoi.envelopes(clean, processed, sampleRate);
        return e == null ? new Intelligibility(Stoi.TOO_SHORT, Stoi.TOO_SHORT)
                : new Intelligibility(Stoi.fromEnvelopes(e), fromEnvelopes(e));
    }

    /** STOI and ESTOI of one pair. */
    public record Intelligibility(double stoi, double estoi) {
    }

    static double fromEnvelopes(Stoi.Envelopes e) {
        int n = Stoi.SEGMENT;
        int bands = Stoi.BANDS;
        double[][] x = new double[bands][n];
        double[][] y = new double[bands][n];
        double sum = 0;
        for (int m = n; m <= e.frames(); m++) {
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < bands; j++) {
                    x[j][t] = e.clean()[m - n + t][j];
                    y[j][t] = e.processed()[m - n + t][j];
                }
            }
            normalise(x);
            normalise(y);
            double d = 0;
            for (int j = 0; j < bands; j++) {
                for (int t = 0; t < n; t++) {
                    d += x[j][t] * y[j][t] / n;
                }
            }
            sum += d;
        }
        return sum / e.segments();
    }

    /** pystoi's row_col_normalize of one segment {@code [band][frame]}, in place: rows first, then columns. */
    private static void normalise(double[][] s) {
        int rows = s.length;
        int cols = s[0].length;
        for (double[] row : s) {
            double mean = 0;
            for (double v : row) {
                mean += v;
            }
            mean /= cols;
            double norm = 0;
            for (int t = 0; t < cols; t++) {
                row[t] -= mean;
                norm += row[t] * row[t];
            }
            scale(row, norm);
        }
        double[] col = new double[rows];
        for (int t = 0; t < cols; t++) {
            double mean = 0;
            for (int j = 0; j < rows; j++) {
                mean += s[j][t];
            }
            mean /= rows;
            double norm = 0;
            for (int j = 0; j < rows; j++) {
                col[j] = s[j][t] - mean;
                norm += col[j] * col[j];
            }
            scale(col, norm);
            for (int j = 0; j < rows; j++) {
                s[j][t] = col[j];
            }
        }
    }

    private static void scale(double[] v, double sumOfSquares) {
        double inv = sumOfSquares > 0 ? 1 / Math.sqrt(sumOfSquares) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }
}
