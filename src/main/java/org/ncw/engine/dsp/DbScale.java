package org.ncw.engine.dsp;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * Decibel conversion with librosa's semantics ({@code amplitude_to_db} / {@code power_to_db}):
 * {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))} for power, with the reference either a fixed value or
 * the matrix maximum ({@code ref=np.max}), then values below {@code max - topDb} raised to it.
 * {@code amin} is in the input's units (1e-5 for amplitudes, 1e-10 for powers, librosa's defaults).
 *
 * @param reference  {@link Reference#MAX} for ref=np.max, else {@link Reference#VALUE} with refValue
 * @param refValue   the reference when {@code reference == VALUE} (in the input's units)
 * @param amin       floor of input and reference, &gt; 0
 * @param topDb      dynamic range kept below the peak in dB, or null for no clipping
 */
public record DbScale(Reference reference, double refValue, double amin, Double topDb) {
    public enum Reference { VALUE, MAX }

    public static final double AMPLITUDE_AMIN = 1e-5;
    public static final double POWER_AMIN = 1e-10;

    public DbScale {
        Checks.notNull("reference", reference);
        Checks.positive("refValue", refValue);
        Checks.positive("amin", amin);
        if (topDb != null && !(topDb >= 0 && Double.isFinite(topDb))) {
            throw new InvalidParameterException("topDb must be a finite number >= 0 or none, got " + topDb);
        }
    }

    /** librosa's {@code amplitude_to_db} defaults: ref 1.0, amin 1e-5, top_db 80. */
    public static DbScale defaults() {
        return new DbScale(Reference.VALUE, 1.0, AMPLITUDE_AMIN, 80.0);
    }

    /** librosa's {@code power_to_db} defaults: ref 1.0, amin 1e-10, top_db 80. */
    public static DbScale powerDefaults() {
        return new DbScale(Reference.VALUE, 1.0, POWER_AMIN, 80.0);
    }

    /** {@code amplitude_to_db(S, ref=np.max)}: 0 dB at the loudest bin, 80 dB range. */
    public static DbScale relativeToMax() {
        return defaults().withReference(Reference.MAX);
    }

    public DbScale withReference(Reference v) {
        return new DbScale(v, refValue, amin, topDb);
    }

    public DbScale withRefValue(double v) {
        return new DbScale(Reference.VALUE, v, amin, topDb);
    }

    public DbScale withAmin(double v) {
        return new DbScale(reference, refValue, v, topDb);
    }

    /** @param v dynamic range in dB, or null for none */
    public DbScale withTopDb(Double v) {
        return new DbScale(reference, refValue, amin, v);
    }

    /** {@code librosa.amplitude_to_db}: magnitudes to dB (20 log10). */
    public TfMatrix amplitudeToDb(TfMatrix magnitude) {
        return toDb(magnitude, 20);
    }

    /** {@code librosa.power_to_db}: powers to dB (10 log10). */
    public TfMatrix powerToDb(TfMatrix power) {
        return toDb(power, 10);
    }

    private TfMatrix toDb(TfMatrix input, double factor) {
        double[] in = input.values();
        double ref = reference == Reference.MAX ? maxAbs(in) : refValue;
        double offset = factor * Math.log10(Math.max(amin, ref));
        double[] out = new double[in.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < in.length; i++) {
            out[i] = factor * Math.log10(Math.max(amin, Math.abs(in[i]))) - offset;
            peak = Math.max(peak, out[i]);
        }
        if (topDb != null) {
            double floor = peak - topDb;
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], floor);
            }
        }
        return new TfMatrix(input.bins(), input.frames(), out);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
