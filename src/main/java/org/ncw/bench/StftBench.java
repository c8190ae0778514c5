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
public final class StftBench {
    public static final int SAMPLE_RATE = 22050;
    public static final int SAMPLES = 250800;

    private StftBench() {
    }

    /** Wall-clock seconds of each of {@code repeats} STFT+ISTFT round trips, after one untimed warm-up. */
    public static double[] runSeconds(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        Signal clip = new Signal(new Random(42).doubles(SAMPLES, -0.5, 0.5).toArray(), SAMPLE_RATE);
        StftOptions options = StftOptions.of(4096, 128, 4096);
        roundTrip(clip, options);
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            roundTrip(clip, options);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    private static double roundTrip(Signal clip, StftOptions options) {
        ComplexSpectrogram spec = Stft.forward(clip, options);
        return Stft.inverse(spec).samples()[SAMPLES / 2]; // returned so the work cannot be optimised away
    }

    public static void main(String[] args) {
        double[] s = runSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        java.util.Arrays.sort(s);
        System.out.printf("STFT+ISTFT 11.4 s @ 22050 Hz, n_fft 4096, hop 128: median %.3f s, min %.3f s (%d runs)%n",
                s[s.length / 2], s[0], s.length);
    }
}
