package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ranking rule on real speech and real noise: each dev mixture's noise is noisy - clean; two instantaneous
 * mixtures of clean speech and that noise must separate, and the ranking must call the speech output
 * speech (both the flatness and the modulation rule). Skipped when the shared dev data is absent.
 */
class DevSetPairSeparationTest {

    static Path devData() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("NCW_SHARED_DATA", System.getenv("NCW_SHARED_DATA"));
        if (configured != null) {
            candidates.add(Path.of(configured).resolve("dev"));
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared/data/dev"));
        candidates.add(Path.of("../../shared/data/dev"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("index.json"))) {
                return p;
            }
        }
        return null;
    }

    @Test
    void everyDevMixtureSeparatesWithSpeechRankedFirst() throws IOException {
        Path dir = devData();
        assumeTrue(dir != null, "shared dev data not found (set NCW_SHARED_DATA)");
        List<Path> noisyFiles;
        try (Stream<Path> files = Files.list(dir)) {
            noisyFiles = files.filter(p -> p.getFileName().toString().endsWith(".noisy.wav")).sorted().toList();
        }
        assumeTrue(!noisyFiles.isEmpty(), "no *.noisy.wav in " + dir);
        for (Path noisyFile : noisyFiles) {
            String stem = noisyFile.getFileName().toString().replace(".noisy.wav", "");
            Signal noisy = AudioReader.readMono(noisyFile, ChannelSelection.mixDown());
            Signal clean = AudioReader.readMono(dir.resolve(stem + ".clean.wav"), ChannelSelection.mixDown());
            double[] a = new double[noisy.length()];
            double[] b = new double[noisy.length()];
            double[] noise = new double[noisy.length()];
            for (int t = 0; t < a.length; t++) {
                noise[t] = noisy.samples()[t] - clean.samples()[t];
                a[t] = clean.samples()[t] + noise[t];
                b[t] = 0.5 * clean.samples()[t] + noise[t];
            }
            AlignedPair pair = AlignedPair.align(noisy.withSamples(b), noisy.withSamples(a), null, TaskMonitor.none());
            for (SpeechRanking rule : new SpeechRanking[] {SpeechRanking.FLATNESS, SpeechRanking.MODULATION}) {
                PairSeparationResult res = PairSeparation.fit(pair,
                        PairSeparationOptions.defaults().withRanking(rule).withRestarts(1), TaskMonitor.none());
                double rSpeech = Math.abs(SpeechLikeness.referenceCorrelation(res.speech(), clean));
                double rNoise = Math.abs(SpeechLikeness.referenceCorrelation(res.noise(), noisy.withSamples(noise)));
                assertTrue(res.ica().converged(), stem + ": " + res.ica().convergenceSummary());
                assertTrue(rSpeech > 0.99 && rNoise > 0.99, stem + ", " + rule + ": speech output r = " + rSpeech
                        + " with clean, noise output r = " + rNoise + " with the noise (scores " + res.speechScore()
                        + " / " + res.noiseScore() + " dB)");
            }
        }
    }
}
