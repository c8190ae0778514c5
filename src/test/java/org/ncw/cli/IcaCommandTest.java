package org.ncw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.bench.IcaBench;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.ica.SpeechLikeness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.ncw.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcaCommandTest {
    private static final int RATE = 16000;
    private static final int N = 3 * RATE;
    private static final double[] SPEECH = IcaBench.speechLike(N, RATE, 21);
    private static final double[] NOISE = IcaBench.gaussianNoise(N, 0.05, 22);

    @TempDir
    Path dir;

    private Path mixture(String name, double p, double q, int rate) throws IOException {
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            x[t] = p * SPEECH[t] + q * NOISE[t];
        }
        Signal s = new Signal(x, RATE);
        if (rate != RATE) {
            s = org.ncw.engine.audio.Resampler.resample(s, rate);
        }
        return TestWavs.write(dir, name, s);
    }

    @Test
    void separatesAPairIntoSpeechAndNoiseFiles() throws IOException {
        Path a = mixture("orig.wav", 1, 0.7, RATE);
        Path b = mixture("filtered.wav", 0.5, 1, 22050); // another rate: resampled down to 16 kHz
        Path out = dir.resolve("out");
        Path clean = TestWavs.write(dir, "clean.wav", new Signal(SPEECH, RATE));
        CliRun r = run("ica", a.toString(), b.toString(), "-o", out.toString(), "--clean", clean.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("speech vs clean: SI-SDR"), r.out());
        assertTrue(r.out().contains("converged after"), r.out());
        assertTrue(r.out().contains("resampled second from 22050 to 16000 Hz"), r.out());
        Signal speech = AudioReader.readMono(out.resolve("orig__filtered.speech.wav"), ChannelSelection.mixDown());
        Signal truth = new Signal(java.util.Arrays.copyOf(SPEECH, speech.length()), RATE);
        double corr = Math.abs(SpeechLikeness.referenceCorrelation(speech, truth));
        assertTrue(corr > 0.95, "speech output r = " + corr);
        JsonNode report = Json.mapper().readTree(out.resolve("orig__filtered.json").toFile());
        assertTrue(report.get("converged").asBoolean());
        assertEquals("FLATNESS", report.get("ranking").asText());
        double siSdrSpeech = report.get("metrics").get("speech").get("si_sdr_db").asDouble();
        double siSdrA = report.get("metrics").get("A").get("si_sdr_db").asDouble();
        assertTrue(siSdrSpeech > siSdrA + 5, "separation gains: " + siSdrSpeech + " dB vs input " + siSdrA);

        // existing outputs are kept unless --overwrite
        CliRun again = run("ica", a.toString(), b.toString(), "-o", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().startsWith("ncw: error:"), again.err());
        assertEquals(0, run("ica", a.toString(), b.toString(), "-o", out.toString(), "--overwrite").code());
    }

    @Test
    void chainingAnOutputAndReportingNonConvergence() throws IOException {
        Path a = mixture("clustered.wav", 1, 0.4, RATE);
        Path b = mixture("filtered.wav", 0.6, 1, RATE);
        Path out = dir.resolve("out");
        assertEquals(0, run("ica", a.toString(), b.toString(), "-o", out.toString(), "--name", "step1").code());
        CliRun chained = run("ica", a.toString(), out.resolve("step1.speech.wav").toString(), "-o", out.toString(),
                "--name", "step2", "--max-iter", "1", "--mix", "study", "--algorithm", "deflation");
        assertEquals(0, chained.code(), chained.err());
        assertTrue(chained.out().contains("did NOT converge in 1 iterations"), chained.out());
        assertTrue(chained.err().contains("warning: FastICA did NOT converge"), chained.err());
        assertTrue(Files.exists(out.resolve("step2.speech.wav")));
    }

    @Test
    void badRequestsGiveOneLineErrors() throws IOException {
        Path a = mixture("a.wav", 1, 0.7, RATE);
        Path out = dir.resolve("out");
        CliRun same = run("ica", a.toString(), a.toString(), "-o", out.toString());
        assertEquals(2, same.code());
        assertTrue(same.err().contains("linearly dependent"), same.err());
        CliRun contrast = run("ica", a.toString(), a.toString(), "-o", out.toString(), "--contrast", "tanh");
        assertEquals(2, contrast.code());
        assertTrue(contrast.err().contains("'tanh' is not one of logcosh, exp, cube"), contrast.err());
        CliRun missing = run("ica", dir.resolve("nope.wav").toString(), a.toString(), "-o", out.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.wav"), missing.err());
    }

    @Test
    void batchRunsEveryPairAndWritesASummary() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        dir = in;
        mixture("a.wav", 1, 0.7, RATE);
        mixture("b.wav", 0.5, 1, RATE);
        mixture("c.wav", 1, -0.3, RATE);
        Files.writeString(in.resolve("notes.txt"), "not audio");
        Path out = in.getParent().resolve("batch");
        Path clean = TestWavs.write(in.getParent(), "clean.wav", new Signal(SPEECH, RATE));
        CliRun r = run("ica-batch", in.toString(), "-o", out.toString(), "--clean", clean.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("3 inputs, 3 pairs"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).endsWith(",si_sdr_db,stoi,error"), csv.get(0));
        assertTrue(csv.get(1).startsWith("1,a,b,01_a__b,16000,48000,"), csv.get(1));
        assertTrue(csv.get(3).startsWith("3,b,c,03_b__c,"), csv.get(3));
        for (String name : List.of("01_a__b", "02_a__c", "03_b__c")) {
            assertTrue(Files.exists(out.resolve(name + ".speech.wav")), name);
            assertTrue(Files.exists(out.resolve(name + ".noise.wav")), name);
        }
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(3, summary.get("rows").size());
        assertTrue(summary.get("rows").get(0).get("converged").asBoolean());
        CliRun intoInput = run("ica-batch", in.toString(), "-o", in.resolve(".").toString());
        assertEquals(2, intoInput.code());
        assertTrue(intoInput.err().contains("is the input folder"), intoInput.err());
        try (var listing = Files.list(in)) {
            assertEquals(4, listing.count(), "nothing written into the input folder");
        }
    }

    @Test
    void batchMarksPairsThatCannotBeSeparated() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        dir = in;
        Path a = mixture("a.wav", 1, 0.7, RATE);
        Files.copy(a, in.resolve("a_copy.wav"));
        CliRun r = run("ica-batch", in.toString(), "-o", in.getParent().resolve("batch").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAILED: the input signals are linearly dependent"), r.out());
        CliRun tooFew = run("ica-batch", dir.getParent().resolve("batch").toString() + "/nothing", "-o", "x");
        assertEquals(2, tooFew.code());
    }
}
