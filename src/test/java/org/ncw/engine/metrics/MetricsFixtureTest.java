package org.ncw.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** STOI, SI-SDR, SNR, segmental SNR and the resampler against the numpy/scipy reference fixture. */
class MetricsFixtureTest {

    private static JsonNode fixture() throws IOException {
        try (InputStream in = MetricsFixtureTest.class.getResourceAsStream("/fixtures/metrics/metrics_reference.json")) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void scoresMatchReferenceForEverySyntheticPair() throws IOException {
        int checked = 0;
        for (JsonNode c : fixture().get("cases")) {
            int fs = c.get("rate").asInt();
            double[] clean = MetricsFixtureSignals.voiced(3 * fs, fs);
            double[] noise = MetricsFixtureSignals.lcgNoise(3 * fs, 12345);
            String name = c.get("variant").asText();
            double[] y = MetricsFixtureSignals.variant(name, clean, noise);
            String label = name + " @ " + fs + " Hz";
            assertEquals(c.get("stoi").asDouble(), Stoi.compute(clean, y, fs), 1e-9, "STOI " + label);
            assertEquals(c.get("si_sdr").asDouble(), SiSdr.compute(clean, y), 1e-9, "SI-SDR " + label);
            assertEquals(c.get("snr").asDouble(), Snr.compute(clean, y), 1e-9, "SNR " + label);
            assertEquals(c.get("seg_snr").asDouble(), SegmentalSnr.compute(clean, y, fs), 1e-9, "segSNR " + label);
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void resamplerMatchesScipyResamplePolyWithOctaveFilter() throws IOException {
        JsonNode r = fixture().get("resampler");
        double[] x = MetricsFixtureSignals.lcgNoise(r.get("input_length").asInt(), r.get("input_seed").asLong());
        double[] y = new OctaveResampler(16000, 10000).apply(x);
        JsonNode expected = r.get("output");
        assertEquals(expected.size(), y.length);
        for (int i = 0; i < y.length; i++) {
            assertEquals(expected.get(i).asDouble(), y[i], 1e-12, "sample " + i);
        }
    }
}
