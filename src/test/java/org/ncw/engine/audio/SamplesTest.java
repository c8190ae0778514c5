package org.ncw.engine.audio;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed samples/ clips are readable, paired and have the SNR their index.json claims. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("samples");

    @Test
    void everyIndexedSampleHasMatchingCleanAndNoisyFilesAtTheStatedSnr() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SAMPLES.resolve("index.json")), "samples/ not present");
        JsonNode index = Json.mapper().readTree(SAMPLES.resolve("index.json").toFile());
        assertTrue(index.size() >= 2);
        long bytes = 0;
        for (JsonNode row : index) {
            String stem = row.get("stem").asText();
            AudioClip clean = AudioReader.read(SAMPLES.resolve(stem + ".clean.wav"));
            AudioClip noisy = AudioReader.read(SAMPLES.resolve(stem + ".noisy.wav"));
            assertEquals(1, noisy.channelCount(), stem);
            assertEquals(clean.frames(), noisy.frames(), stem);
            assertEquals(clean.sampleRate(), noisy.sampleRate(), stem);
            assertTrue(noisy.durationSeconds() <= 12, stem);
            float[] c = clean.channels()[0];
            float[] y = noisy.channels()[0];
            int first = 0;
            while (c[first] == 0) {
                first++;
            }
            int last = c.length - 1;
            while (c[last] == 0) {
                last--;
            }
            double sc = 0, sn = 0;
            for (int i = first; i <= last; i++) {
                sc += (double) c[i] * c[i];
                sn += (double) (y[i] - c[i]) * (y[i] - c[i]);
            }
            assertEquals(row.get("snr_db").asDouble(), 10 * Math.log10(sc / sn), 0.2, stem);
            assertEquals(1.0, first / (double) clean.sampleRate(), 0.01, stem + " starts with 1 s of noise only");
            bytes += Files.size(SAMPLES.resolve(stem + ".clean.wav")) + Files.size(SAMPLES.resolve(stem + ".noisy.wav"));
        }
        assertTrue(bytes <= 2_000_000, "samples total " + bytes + " bytes");
        AudioClip bench = AudioReader.read(SAMPLES.resolve("speech-pink-22k.noisy.wav"));
        assertEquals(22050, bench.sampleRate());
        assertEquals(16, bench.info().bitsPerSample());
        assertEquals(11.4, bench.durationSeconds(), 1e-9);
    }
}
