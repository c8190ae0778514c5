package org.ncw.ui.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParameterSet;

/** Short synthetic recordings for GUI and view-model tests: vowel-like harmonic bursts in white noise. */
public final class TestRecordings {
    public static final int RATE = 8000;

    private TestRecordings() {
    }

    /** {clean, noisy}, {@code seconds} long: 0.15 s bursts of a 120–160 Hz harmonic complex, 0.15 s pauses. */
    public static Signal[] speechInNoise(double seconds, long seed) {
        int n = (int) Math.round(seconds * RATE);
        double[] clean = new double[n];
        double[] noisy = new double[n];
        Random r = new Random(seed);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            phase += 2 * Math.PI * (140 + 20 * Math.sin(2 * Math.PI * 2.5 * i / RATE)) / RATE;
            double voice = 0;
            for (int k = 1; k <= 10; k++) {
                voice += Math.cos(k * phase) / (k + 1);
            }
            double on = (i * 20 / (3 * RATE)) % 2 == 0 ? 0.25 : 0;
            clean[i] = on * voice;
            noisy[i] = clean[i] + 0.04 * r.nextGaussian();
        }
        return new Signal[] {new Signal(clean, RATE), new Signal(noisy, RATE)};
    }

    /** Writes {@code STEM.noisy.wav} and {@code STEM.clean.wav} into {@code dir}; returns the noisy file. */
    public static Path writePair(Path dir, String stem, double seconds) throws IOException {
        Signal[] pair = speechInNoise(seconds, 11);
        Path noisy = dir.resolve(stem + ".noisy.wav");
        EngineBridge.writeWav(pair[1], noisy, false);
        EngineBridge.writeWav(pair[0], dir.resolve(stem + ".clean.wav"), false);
        return noisy;
    }

    /** {@link #writePair} for a lambda. */
    public static Path writePairUnchecked(Path dir, String stem, double seconds) {
        try {
            return writePair(dir, stem, seconds);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Small grids and no optional stages, so a run takes milliseconds. */
    public static ParameterSet fastParameters() {
        return ParamCatalog.defaults().with("lowNfft", 256).with("lowHop", 256).with("regularNfft", 256)
                .with("regularHop", 64).with("ica", false).with("production", false).with("denoiser", false);
    }
}
