package org.ncw.engine.ica;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;

/** A 2 x 2 matrix [[a, b], [c, d]] mixing a pair before ICA: out1 = a x1 + b x2, out2 = c x1 + d x2. */
public record MixingMatrix(double a, double b, double c, double d) {
    public MixingMatrix {
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("c", c);
        Checks.finite("d", d);
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
        if (!(Math.abs(a * d - b * c) > 1e-9 * scale * scale)) {
            throw new InvalidParameterException("mixing matrix [[" + a + ", " + b + "], [" + c + ", " + d
                    + "]] is singular: its two outputs would be the same signal up to scale");
        }
    }

    /** The study's [[1, 0.5], [0.5, 1]]. */
    public static MixingMatrix study() {
        return new MixingMatrix(1, 0.5, 0.5, 1);
    }

    /** Parses "a,b,c,d" (row by row), e.g. "1,0.5,0.5,1". */
    public static MixingMatrix parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new InvalidParameterException("mixing matrix must be four numbers a,b,c,d (row by row), got '"
                    + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("mixing matrix entry " + (i + 1) + " is not a number: '"
                        + parts[i].trim() + "'");
            }
        }
        return new MixingMatrix(v[0], v[1], v[2], v[3]);
    }

    /** The two mixed signals (same length and rate as the inputs, which must match). */
    public Signal[] apply(Signal x1, Signal x2) {
        double[] p = x1.samples();
        double[] q = x2.samples();
        if (p.length != q.length || x1.sampleRate() != x2.sampleRate()) {
            throw new IllegalArgumentException("mixing needs two signals of the same length and rate, got "
                    + p.length + " samples at " + x1.sampleRate() + " Hz and " + q.length + " at "
                    + x2.sampleRate() + " Hz");
        }
        double[] o1 = new double[p.length];
        double[] o2 = new double[p.length];
        for (int t = 0; t < p.length; t++) {
            o1[t] = a * p[t] + b * q[t];
            o2[t] = c * p[t] + d * q[t];
        }
        return new Signal[] {x1.withSamples(o1), x1.withSamples(o2)};
    }

    @Override
    public String toString() {
        return "[[" + a + ", " + b + "], [" + c + ", " + d + "]]";
    }
}
