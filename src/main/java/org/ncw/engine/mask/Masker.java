package org.ncw.engine.mask;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;

/**
 * Applies a speech/noise decision per time-frequency bin to a complex spectrogram. The decision must already be on
 * the spectrogram's grid (use {@link org.ncw.engine.dataset.GridStretcher} for low-resolution labels).
 *
 * <p>Gains: a {@link LabelGrid} gives 1 for {@link LabelGrid#SPEECH} and, for noise, 0 (STRICT and SOFT) or the
 * reduce factor (REDUCE). A soft mask in [0, 1] is used as the gain in SOFT mode; STRICT and REDUCE threshold it at
 * {@link MaskOptions#softThreshold()}.
 */
public final class Masker {
    private Masker() {
    }

    public static MaskedSpectrograms apply(ComplexSpectrogram full, LabelGrid labels, MaskOptions options,
                                           TaskMonitor monitor) {
        Checks.notNull("labels", labels);
        requireSameGrid(full, labels.bins(), labels.frames());
        Checks.notNull("options", options);
        double noiseGain = options.mode() == MaskMode.REDUCE ? options.reduceFactor() : 0;
        int[] l = labels.labels();
        double[] gain = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            gain[i] = l[i] == LabelGrid.SPEECH ? 1 : noiseGain;
        }
        return applyGains(full, gain, monitor);
    }

    public static MaskedSpectrograms apply(ComplexSpectrogram full, TfMatrix softMask, MaskOptions options,
                                           TaskMonitor monitor) {
        Checks.notNull("softMask", softMask);
        requireSameGrid(full, softMask.bins(), softMask.frames());
        Checks.notNull("options", options);
        double[] m = softMask.values();
        double[] gain = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            if (!(m[i] >= 0 && m[i] <= 1)) {
                throw new IllegalArgumentException("soft mask values must be in [0, 1], got " + m[i] + " at bin "
                        + (i % softMask.bins()) + ", frame " + (i / softMask.bins()));
            }
            gain[i] = switch (options.mode()) {
                case SOFT -> m[i];
                case STRICT -> m[i] >= options.softThreshold() ? 1 : 0;
                case REDUCE -> m[i] >= options.softThreshold() ? 1 : options.reduceFactor();
            };
        }
        return applyGains(full, gain, monitor);
    }

    /** Masks, then resynthesises speech and residue to the original signal length. */
    public static SeparatedSignals separate(ComplexSpectrogram full, LabelGrid labels, MaskOptions options,
                                            TaskMonitor monitor) {
        return resynthesise(apply(full, labels, options, monitor.sub(0, 0.1)), monitor.sub(0.1, 1));
    }

    public static SeparatedSignals separate(ComplexSpectrogram full, TfMatrix softMask, MaskOptions options,
                                            TaskMonitor monitor) {
        return resynthesise(apply(full, softMask, options, monitor.sub(0, 0.1)), monitor.sub(0.1, 1));
    }

    public static SeparatedSignals resynthesise(MaskedSpectrograms masked, TaskMonitor monitor) {
        return new SeparatedSignals(Stft.inverse(masked.speech(), monitor.sub(0, 0.5)),
                Stft.inverse(masked.noise(), monitor.sub(0.5, 1)));
    }

    private static MaskedSpectrograms applyGains(ComplexSpectrogram full, double[] gain, TaskMonitor monitor) {
        double[] re = full.re();
        double[] im = full.im();
        double[] sRe = new double[re.length];
        double[] sIm = new double[im.length];
        double[] nRe = new double[re.length];
        double[] nIm = new double[im.length];
        int bins = full.bins();
        for (int f = 0; f < full.frames(); f++) {
            monitor.step(f, full.frames());
            for (int i = f * bins, end = i + bins; i < end; i++) {
                sRe[i] = gain[i] * re[i];
                sIm[i] = gain[i] * im[i];
                nRe[i] = re[i] - sRe[i];
                nIm[i] = im[i] - sIm[i];
            }
        }
        monitor.done();
        return new MaskedSpectrograms(full.withValues(sRe, sIm), full.withValues(nRe, nIm));
    }

    private static void requireSameGrid(ComplexSpectrogram full, int bins, int frames) {
        Checks.notNull("spectrogram", full);
        if (bins != full.bins() || frames != full.frames()) {
            throw new IllegalArgumentException("the mask is " + bins + " x " + frames + " (bins x frames) but the "
                    + "spectrogram is " + full.bins() + " x " + full.frames() + "; stretch it with GridStretcher first");
        }
    }
}
