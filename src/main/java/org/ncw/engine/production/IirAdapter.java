package org.ncw.engine.production;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import uk.me.berndporr.iirj.Biquad;
import uk.me.berndporr.iirj.Butterworth;
import uk.me.berndporr.iirj.Cascade;

/**
 * Butterworth filter design through iirj (the only class that imports it). The designs are the bilinear-transform
 * Butterworth filters of scipy's {@code butter(..., output='sos')}; the sections are handed over as a
 * {@link SosFilter}, which does the filtering.
 */
public final class IirAdapter {
    /** Highest supported prototype order (a band-pass has twice as many poles). */
    public static final int MAX_ORDER = 16;

    private IirAdapter() {
    }

    /** Butterworth low-pass with its -3 dB point at {@code cutoffHz}. */
    public static SosFilter butterworthLowPass(int order, double sampleRate, double cutoffHz) {
        Stages.checkOrder(order);
        checkFrequency("cutoffHz", cutoffHz, sampleRate);
        Butterworth filter = new Butterworth();
        filter.lowPass(order, sampleRate, cutoffHz);
        return toSos(filter);
    }

    /** Butterworth high-pass with its -3 dB point at {@code cutoffHz}. */
    public static SosFilter butterworthHighPass(int order, double sampleRate, double cutoffHz) {
        Stages.checkOrder(order);
        checkFrequency("cutoffHz", cutoffHz, sampleRate);
        Butterworth filter = new Butterworth();
        filter.highPass(order, sampleRate, cutoffHz);
        return toSos(filter);
    }

    /** Butterworth band-pass ({@code 2 * order} poles) with its -3 dB points at {@code lowHz} and {@code highHz}. */
    public static SosFilter butterworthBandPass(int order, double sampleRate, double lowHz, double highHz) {
        Stages.checkOrder(order);
        checkFrequency("lowHz", lowHz, sampleRate);
        checkFrequency("highHz", highHz, sampleRate);
        if (!(lowHz < highHz)) {
            throw new InvalidParameterException("lowHz must be below highHz, got " + lowHz + " and " + highHz);
        }
        Butterworth filter = new Butterworth();
        // iirj places the band edges at center -/+ width/2 (digital band-pass transform, exact edges).
        filter.bandPass(order, sampleRate, (lowHz + highHz) / 2, highHz - lowHz);
        return toSos(filter);
    }

    private static SosFilter toSos(Cascade cascade) {
        double[][] sos = new double[cascade.getNumBiquads()][];
        for (int i = 0; i < sos.length; i++) {
            Biquad b = cascade.getBiquad(i);
            // iirj names the numerator b and the denominator a, as scipy does.
            sos[i] = new double[] {b.getB0(), b.getB1(), b.getB2(), b.getA0(), b.getA1(), b.getA2()};
        }
        return SosFilter.of(sos);
    }

    private static void checkFrequency(String name, double hz, double sampleRate) {
        Checks.positive("sampleRate", sampleRate);
        if (!(hz > 0 && hz < sampleRate / 2)) {
            throw new InvalidParameterException(name + " must be in (0, " + sampleRate / 2
                    + ") Hz (below Nyquist at sample rate " + sampleRate + "), got " + hz);
        }
    }
}
