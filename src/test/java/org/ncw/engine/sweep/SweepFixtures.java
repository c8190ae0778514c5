package org.ncw.engine.sweep;

import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.core.Signal;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.metrics.MetricsFixtureSignals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny evaluation set for sweep tests, made in the test's folder (no shared data needed). */
public final class SweepFixtures {
    private static final int FS = 16000;

    private SweepFixtures() {
    }

    /** A small evaluation set made here: voiced "speech" in seeded noise, two levels. */
    public static Path syntheticSet(Path dir) throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        String[] stems = {"m0", "m1"};
        double[] levels = {0.05, 0.2};
        for (int k = 0; k < stems.length; k++) {
            double[] clean = MetricsFixtureSignals.voiced(2 * FS, FS);
            double[] noise = MetricsFixtureSignals.lcgNoise(2 * FS, 17 + k);
            double[] noisy = new double[clean.length];
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] = clean[i] + levels[k] * noise[i];
            }
            AudioWriter.write(new Signal(clean, FS), set.resolve(stems[k] + ".clean.wav"), SampleFormat.FLOAT32,
                    WriteMode.OVERWRITE);
            AudioWriter.write(new Signal(noisy, FS), set.resolve(stems[k] + ".noisy.wav"), SampleFormat.FLOAT32,
                    WriteMode.OVERWRITE);
        }
        Files.writeString(set.resolve("index.json"), "[{\"stem\":\"m0\",\"noise\":\"lcg\",\"snr_db\":10},"
                + "{\"stem\":\"m1\",\"noise\":\"lcg\",\"snr_db\":0}]");
        return set;
    }

}
