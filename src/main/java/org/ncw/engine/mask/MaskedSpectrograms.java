package org.ncw.engine.mask;

import org.ncw.engine.dsp.ComplexSpectrogram;

/**
 * The speech estimate (gain x original) and the noise, always the complement: original minus speech, so
 * speech + noise == original bin by bin.
 */
public record MaskedSpectrograms(ComplexSpectrogram speech, ComplexSpectrogram noise) {
}
