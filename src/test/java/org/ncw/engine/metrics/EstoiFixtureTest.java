package org.ncw.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ESTOI (and STOI) against pystoi itself: src/test/python/make_estoi_fixtures.py ran the vendored pystoi on
 * speech-like pairs (white and modulated noise, -5..+10 dB, 8 / 16 / 22.05 kHz, 0.5..3.1 s, some smeared), which
 * this test rebuilds exactly, and on two 16-bit WAV pairs it reads back.
 */
class EstoiFixtureTest {
    /**
     * The required agreement is 0.005; the two implementations agree to ~1e-11 (same resampler, framing and
     * normalisation), so anything looser than 1e-8 would hide a real divergence.
     */
    private static final double TOLERANCE = 1e-8;

    private static JsonNode fixture() throws IOException {
        try (InputStream in = EstoiFixtureTest.class.getResourceAsStream("/fixtures/metrics/estoi_reference.json")) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void regeneratedPairsMatchPystoi() throws IOException {
        int checked = 0;
        int tooShort = 0;
        for (JsonNode c : fixture().get("cases")) {
            int fs = c.get("rate").asInt();
            int n = c.get("samples").asInt();
            double[] clean = speechlike(n, fs, c.get("f0").asDouble());
            double[] y = mix(clean, noise(c.get("noise").asText(), n, fs, c.get("seed").asLong()),
                    c.get("snr_db").asDouble());
            if (c.get("processing").asText().equals("smear9")) {
                y = smear(y, 9);
            }
            String label = c.toString();
            double estoi = Estoi.compute(clean, y, fs);
            assertEquals(c.get("estoi").asDouble(), estoi, TOLERANCE, "ESTOI " + label);
            assertEquals(c.get("stoi").asDouble(), Stoi.compute(clean, y, fs), TOLERANCE, "STOI " + label);
            Estoi.Intelligibility both = Estoi.both(clean, y, fs);
            assertEquals(estoi, both.estoi(), 0.0, "both() is the same ESTOI");
            assertEquals(Stoi.compute(clean, y, fs), both.stoi(), 0.0, "both() is the same STOI");
            if (c.get("estoi").asDouble() == Stoi.TOO_SHORT) {
                tooShort++;
            }
            checked++;
        }
        assertEquals(11, checked);
        assertEquals(1, tooShort, "one case is shorter than a segment");
    }

    @Test
    void wavPairsMatchPystoi() throws IOException, URISyntaxException {
        int checked = 0;
        for (JsonNode c : fixture().get("wav_cases")) {
            String name = c.get("name").asText();
            Signal clean = AudioReader.read(resource(name + ".clean.wav")).toMono();
            Signal noisy = AudioReader.read(resource(name + ".noisy.wav")).toMono();
            assertEquals(c.get("rate").asInt(), clean.sampleRate());
            assertEquals(c.get("estoi").asDouble(), Estoi.compute(clean.samples(), noisy.samples(),
                    clean.sampleRate()), TOLERANCE, "ESTOI " + name);
            assertEquals(c.get("stoi").asDouble(), Stoi.compute(clean.samples(), noisy.samples(),
                    clean.sampleRate()), TOLERANCE, "STOI " + name);
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void identicalSignalsScoreOneAndEstoiFallsWithNoise() {
        int fs = 16000;
        double[] clean = speechlike(2 * fs, fs, 140);
        assertEquals(1.0, Estoi.compute(clean, clean, fs), 1e-9);
        double[] noise = noise("white", clean.length, fs, 1);
        double previous = 1;
        for (double snr : new double[] {20, 10, 0, -10}) {
            double e = Estoi.compute(clean, mix(clean, noise, snr), fs);
            assertTrue(e < previous, "ESTOI at " + snr + " dB (" + e + ") below the higher SNR's " + previous);
            previous = e;
        }
    }

    @Test
    void qualityScoresCarryEstoi() {
        int fs = 16000;
        double[] clean = speechlike(2 * fs, fs, 140);
        double[] y = mix(clean, noise("white", clean.length, fs, 11), 0);
        QualityScores s = QualityMetrics.score(new Signal(clean, fs), new Signal(y, fs));
        assertEquals(Estoi.compute(clean, y, fs), s.estoi(), 0.0);
        assertEquals(Stoi.compute(clean, y, fs), s.stoi(), 0.0);
        QualityScores d = s.minus(QualityMetrics.score(new Signal(clean, fs), new Signal(clean, fs)));
        assertEquals(s.estoi() - 1, d.estoi(), 1e-9);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EstoiFixtureTest.class.getResource("/fixtures/metrics/estoi/" + name).toURI());
    }

    /** make_estoi_fixtures.py's speechlike(). */
    static double[] speechlike(int n, int fs, double f0) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / fs;
            double s = Math.max(0, Math.sin(2 * Math.PI * 4.3 * t));
            double syll = 0.15 + 0.85 * s * s;
            double phrase = (Math.sin(2 * Math.PI * 0.7 * t + 0.3) > -0.3 && t >= 0.3) ? 1 : 0;
            double phase = 2 * Math.PI * f0 * (t - 0.1 / (2 * Math.PI * 0.9) * (Math.cos(2 * Math.PI * 0.9 * t) - 1));
            double v = 0;
            for (int k = 1; k * f0 * 1.1 < fs / 2.0 && k <= 30; k++) {
                double a = (k * f0 - 700) / 300;
                double b = (k * f0 - 1800) / 400;
                double formant = 1 + 2 * Math.exp(-a * a) + Math.exp(-b * b);
                v += formant * Math.sin(k * phase) / k;
            }
            x[i] = 0.05 * syll * phrase * v;
        }
        return x;
    }

    static double[] noise(String kind, int n, int fs, long seed) {
        double[] w = MetricsFixtureSignals.lcgNoise(n, seed);
        if (kind.equals("modulated")) {
            for (int i = 0; i < n; i++) {
                double m = 0.5 + 0.5 * Math.sin(2 * Math.PI * 2.5 * i / fs);
                w[i] *= m * m;
            }
        }
        return w;
    }

    static double[] mix(double[] clean, double[] noise, double snrDb) {
        double pc = 0;
        double pn = 0;
        for (int i = 0; i < clean.length; i++) {
            pc += clean[i] * clean[i];
            pn += noise[i] * noise[i];
        }
        double g = Math.sqrt(pc / (pn * Math.pow(10, snrDb / 10)));
        double[] y = new double[clean.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = clean[i] + g * noise[i];
        }
        return y;
    }

    static double[] smear(double[] x, int k) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < k && j <= i; j++) {
                s += x[i - j];
            }
            y[i] = s / k;
        }
        return y;
    }
}
