package org.ncw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.metrics.SiSdr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.ncw.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ncw evaluate} and {@code ncw bench-quality} end to end on small synthetic files. */
class QualityCommandsTest {
    private static final int FS = 16000;

    @TempDir
    Path dir;

    private static double[] speechLike(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / FS;
            double env = Math.max(0, Math.sin(2 * Math.PI * 1.5 * t));
            double v = 0;
            for (int k = 1; k <= 10; k++) {
                v += Math.sin(2 * Math.PI * 130 * k * t) / k;
            }
            x[i] = 0.15 * env * v;
        }
        return x;
    }

    private static double[] plusNoise(double[] x, double level, long seed) {
        Random r = new Random(seed);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += level * r.nextGaussian();
        }
        return y;
    }

    private Path write(String name, double[] x, int rate) throws IOException {
        return TestWavs.write(dir, name, new Signal(x, rate));
    }

    @Test
    void evaluatePrintsScoresAndDeltasAsJson() throws IOException {
        double[] clean = speechLike(3 * FS);
        double[] noisy = plusNoise(clean, 0.05, 1);
        double[] better = plusNoise(clean, 0.01, 2);
        CliRun r = run("evaluate", "--clean", write("c.wav", clean, FS).toString(), "--enhanced",
                write("e.wav", better, FS).toString(), "--noisy", write("n.wav", noisy, FS).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        double[] cleanF = new double[clean.length];
        double[] betterF = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            cleanF[i] = (float) clean[i];
            betterF[i] = (float) better[i];
        }
        assertEquals(SiSdr.compute(cleanF, betterF), j.at("/enhanced/si_sdr_db").asDouble(), 1e-6);
        assertEquals(j.at("/enhanced/si_sdr_db").asDouble() - j.at("/noisy/si_sdr_db").asDouble(),
                j.at("/delta/si_sdr_db").asDouble(), 1e-9);
        assertTrue(j.at("/delta/stoi").asDouble() > 0, r.out());
        assertEquals(org.ncw.engine.metrics.Estoi.compute(cleanF, betterF, FS), j.at("/enhanced/estoi").asDouble(),
                1e-9);
        assertEquals(j.at("/enhanced/estoi").asDouble() - j.at("/noisy/estoi").asDouble(),
                j.at("/delta/estoi").asDouble(), 1e-9);
        assertTrue(j.at("/delta/estoi").asDouble() > 0, r.out());
        CliRun table = run("evaluate", "--clean", dir.resolve("c.wav").toString(), "--enhanced",
                dir.resolve("e.wav").toString());
        assertTrue(table.out().contains("ESTOI"), table.out());
        assertEquals(0, j.get("notes").size());
    }

    @Test
    void evaluateNotesResamplingAndLengthMismatch() throws IOException {
        double[] clean = speechLike(2 * FS);
        double[] at8k = new double[FS]; // 2 s at 8 kHz, then cut to 1.5 s
        for (int i = 0; i < at8k.length; i++) {
            at8k[i] = clean[2 * i];
        }
        double[] shorter = java.util.Arrays.copyOf(at8k, 12000);
        CliRun r = run("evaluate", "--clean", write("c.wav", clean, FS).toString(), "--enhanced",
                write("e8k.wav", shorter, 8000).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("resampled from 8000 Hz"), r.err());
        assertTrue(r.err().contains("common 1.500 s"), r.err());
        assertTrue(r.out().contains("SI-SDR"), r.out());
    }

    @Test
    void evaluateMissingFileFailsWithOneLine() {
        CliRun r = run("evaluate", "--clean", dir.resolve("none.wav").toString(), "--enhanced", "x.wav");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("ncw: error:") && r.err().contains("none.wav"), r.err());
    }

    @Test
    void denoiseDefaultsToTheBlindDenoiserAndImprovesSiSdr() throws IOException {
        double[] clean = speechLike(3 * FS);
        double[] noisy = plusNoise(clean, 0.05, 4);
        Path in = write("noisy.wav", noisy, FS);
        Path out = dir.resolve("den.wav");
        CliRun r = run("denoise", in.toString(), "-o", out.toString(), "--float");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("method blind-denoiser, blind denoiser"), r.out());
        double[] y = org.ncw.engine.audio.AudioReader.readMono(out,
                org.ncw.engine.audio.ChannelSelection.mixDown()).samples();
        assertEquals(noisy.length, y.length);
        assertTrue(SiSdr.compute(clean, y) > SiSdr.compute(clean, noisy) + 5, "blind denoiser gains > 5 dB");
        CliRun production = run("denoise", in.toString(), "-o", dir.resolve("p.wav").toString(), "--preset", "default");
        assertTrue(production.out().contains("method production"), production.out());
    }

    @Test
    void benchQualitySplitKeepsOneHalfOfTheNumberedStems() throws IOException {
        StringBuilder index = new StringBuilder("[");
        for (int k = 0; k < 3; k++) {
            String stem = String.format("%03d__white", k);
            double[] clean = speechLike(2 * FS);
            write(stem + ".clean.wav", clean, FS);
            write(stem + ".noisy.wav", plusNoise(clean, 0.03, k), FS);
            index.append(k == 0 ? "" : ",").append("{\"stem\":\"").append(stem).append("\",\"snr_db\":5}");
        }
        Files.writeString(dir.resolve("index.json"), index.append(']').toString());
        Path even = dir.resolve("even");
        assertEquals(0, run("bench-quality", dir.toString(), "-o", even.toString(), "--split", "even",
                "--methods", "unprocessed").code());
        List<String> rows = Files.readAllLines(Path.of(even + ".csv"));
        assertEquals(3, rows.size(), rows.toString()); // header, 000 and 002
        assertTrue(rows.get(1).contains("000__white") && rows.get(2).contains("002__white"), rows.toString());
        Path odd = dir.resolve("odd");
        assertEquals(0, run("bench-quality", dir.toString(), "-o", odd.toString(), "--split", "odd",
                "--methods", "unprocessed").code());
        assertEquals(2, Files.readAllLines(Path.of(odd + ".csv")).size());
        CliRun bad = run("bench-quality", dir.toString(), "-o", dir.resolve("x").toString(), "--split", "half");
        assertTrue(bad.code() != 0 && bad.err().contains("even, odd or all"), bad.err());
    }

    @Test
    void benchQualityWritesTableCsvJsonAndChart() throws IOException {
        StringBuilder index = new StringBuilder("[");
        for (int k = 0; k < 2; k++) {
            String stem = "s" + k;
            double[] clean = speechLike(3 * FS);
            write(stem + ".clean.wav", clean, FS);
            write(stem + ".noisy.wav", plusNoise(clean, 0.03 * (k + 1), k), FS);
            index.append(k == 0 ? "" : ",").append("{\"stem\":\"").append(stem)
                    .append("\",\"clean\":\"tone\",\"noise\":\"white\",\"snr_db\":").append(5 * k).append('}');
        }
        Files.writeString(dir.resolve("index.json"), index.append(']').toString());
        Path prefix = dir.resolve("out/bq");
        CliRun r = run("bench-quality", dir.toString(), "-o", prefix.toString(), "--methods", "blind-denoiser");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("blind-denoiser") && r.out().contains("unprocessed") && r.out().contains("+5 dB"),
                r.out());
        assertEquals(1 + 2 * 2, Files.readAllLines(Path.of(prefix + ".csv")).size());
        JsonNode j = Json.mapper().readTree(Path.of(prefix + ".json").toFile());
        JsonNode blind = j.get("overall").get(1);
        assertEquals("blind-denoiser", blind.get("method").asText());
        assertTrue(blind.get("deltaSiSdr").asDouble() > 3, blind.toString());
        assertTrue(Files.size(Path.of(prefix + ".png")) > 1000);
    }

    @Test
    void benchQualityRejectsUnknownMethodAndNonSet() throws IOException {
        CliRun r = run("bench-quality", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no index.json"), r.err());
        Files.writeString(dir.resolve("index.json"), "[{\"stem\":\"a\"}]");
        CliRun r2 = run("bench-quality", dir.toString(), "--methods", "nope");
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("unknown method 'nope'"), r2.err());
    }
}
