package org.ncw.bench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;

import java.util.Random;

/**
 * STFT + inverse STFT of the study's clip size: 11.4 s at 22050 Hz (250800 samples), n_fft 4096, hop 128
 * (2049 x 1960 bins), the regular-resolution grid every clustering run starts from.
 */
public final class StftBench implements BenchCase {
    public static final int SAMPLE_RATE = 22050;
    public static final int SAMPLES = 250800;

    private Signal clip;
    private final StftOptions options = StftOptions.of(4096, 128, 4096);
    private String size = "";

    @Override
    public String name() {
        return "STFT + ISTFT, 11.4 s @ 22050 Hz, n_fft 4096, hop 128";
    }

    @Override
    public String group() {
        return "stft";
    }

    @Override
    public String size() {
        return size;
    }

    @Override
    public void setUp() {
        clip = new Signal(new Random(42).doubles(SAMPLES, -0.5, 0.5).toArray(), SAMPLE_RATE);
        ComplexSpectrogram spec = Stft.forward(clip, options);
        size = spec.bins() + " x " + spec.frames();
    }

    @Override
    public Object run() {
        ComplexSpectrogram spec = Stft.forward(clip, options);
        return Stft.inverse(spec).samples()[SAMPLES / 2];
    }
}
