package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.pipeline.ExperimentOptions;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.ncw.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterCommandTest {
    @TempDir
    Path dir;

    /** 3 s at 8 kHz: quiet noise, with a loud 700 Hz tone in [1 s, 2 s). */
    private Path noisyTone() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[24000];
        for (int i = 0; i < x.length; i++) {
            double t = i / 8000.0;
            x[i] = 0.01 * r.nextGaussian() + (t >= 1 && t < 2 ? 0.4 * Math.sin(2 * Math.PI * 700 * t) : 0);
        }
        return TestWavs.write(dir, "noisy.wav", new Signal(x, 8000));
    }

    @Test
    void writesTracksLabelsPictureAndExperimentThenRefusesToOverwrite() throws IOException {
        Path in = noisyTone();
        Path out = dir.resolve("out");
        CliRun r = run("cluster", in.toString(), "-o", out.toString(), "--dataset", "table3d", "--strategy", "column",
                "--affinity", "rbf", "--labels", "kmeans", "--centroid-distance", "--mask", "reduce",
                "--reduce-factor", "0.1", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("analysis   683 bins x 7 frames (n_fft 1364, hop 3600)"), r.out());
        assertTrue(r.out().contains("synthesis  2049 bins x 188 frames (n_fft 4096, hop 128), mask reduce"), r.out());
        assertTrue(r.out().contains("clustering table3d, column, spectral (rbf, kmeans): 7 problem(s) of 683 points"),
                r.out());
        assertTrue(r.err().isEmpty(), "progress is for a terminal only: " + r.err());

        Signal speech = AudioReader.readMono(out.resolve("noisy.speech.wav"));
        Signal noise = AudioReader.readMono(out.resolve("noisy.noise.wav"));
        assertEquals(24000, speech.length());
        assertEquals(24000, noise.length());
        assertTrue(rms(speech, 1.2, 1.8) > 10 * rms(noise, 1.2, 1.8), "the tone goes to the speech track");

        List<String> csv = Files.readAllLines(out.resolve("noisy.labels.csv"));
        assertEquals("frame,bin,time_s,freq_hz,db,speech", csv.get(0));
        assertEquals(1 + 683 * 7, csv.size());
        assertNotNull(ImageIO.read(out.resolve("noisy.labels.png").toFile()));
        ExperimentOptions saved = Json.read(Files.readString(out.resolve("noisy.experiment.json")),
                ExperimentOptions.class);
        assertEquals(DatasetKind.TABLE3D, saved.strategy().dataset());
        assertEquals(StrategyKind.COLUMN, saved.strategy().strategy());
        assertTrue(saved.strategy().centroidDistance());
        assertEquals(MaskMode.REDUCE, saved.mask().mode());
        assertEquals(0.1, saved.mask().reduceFactor());
        assertEquals(3L, saved.clusterer().spectral().seed());

        long before = Files.getLastModifiedTime(out.resolve("noisy.labels.csv")).toMillis();
        CliRun again = run("cluster", in.toString(), "-o", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists (use --force to replace it)"), again.err());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("noisy.labels.csv")).toMillis());

        // the saved experiment reproduces the labels exactly
        Path replay = dir.resolve("replay.wav");
        CliRun fromFile = run("cluster", in.toString(), "-o", replay.toString(), "--options",
                out.resolve("noisy.experiment.json").toString());
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(csv, Files.readAllLines(dir.resolve("replay.labels.csv")));
        assertTrue(Files.exists(dir.resolve("replay.noise.wav")));
    }

    @Test
    void intensityAndGammaAutoAreSettingsAndTheDiagnosticsAreReportedAndSaved() throws IOException {
        Path in = noisyTone();
        Path out = dir.resolve("diag");
        CliRun r = run("cluster", in.toString(), "-o", out.toString(), "--intensity", "db", "--gamma", "auto");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("points, db values"), r.out());
        assertTrue(r.out().contains("graph      components "), r.out());
        assertTrue(r.out().contains("clusters   sizes ["), r.out());
        String json = Files.readString(out.resolve("noisy.experiment.json"));
        var tree = Json.mapper().readTree(json);
        double gamma = tree.path("diagnostics").path("effectiveGamma").asDouble();
        assertTrue(gamma > 0 && gamma < 1, "the heuristic's gamma on dB values: " + gamma);
        assertEquals(7, tree.path("diagnostics").path("problems").asInt());
        assertEquals(683L * 7, java.util.stream.StreamSupport.stream(tree.path("diagnostics").path("clusterSizes")
                .spliterator(), false).mapToLong(n -> n.asLong()).sum());
        // the file with its diagnostics still reads back as the experiment
        ExperimentOptions saved = org.ncw.engine.workbench.WorkbenchOptions.fromJson(json).clustering();
        assertEquals(org.ncw.engine.dsp.Intensity.DB, saved.strategy().intensity());
        assertEquals(org.ncw.engine.cluster.strategy.ClusterSettings.GammaMode.AUTO, saved.clusterer().gammaMode());

        CliRun bad = run("cluster", in.toString(), "-o", dir.resolve("bad").toString(), "--gamma", "wide");
        assertTrue(bad.code() != 0, bad.err());
        assertTrue(bad.err().contains("--gamma must be a number or auto, got 'wide'"), bad.err());
        CliRun badIntensity = run("cluster", in.toString(), "-o", dir.resolve("bad2").toString(), "--intensity", "loud");
        assertTrue(badIntensity.err().contains("--intensity must be one of [magnitude, power, db]"), badIntensity.err());
    }

    @Test
    void neverWritesOverTheInputAndNamesBadValues() throws IOException {
        Path in = noisyTone();
        long size = Files.size(in);
        CliRun r = run("cluster", in.toString(), "-o", in.toString(), "--force");
        assertEquals(1, r.code());
        assertEquals(size, Files.size(in));
        CliRun bad = run("cluster", in.toString(), "-o", dir.resolve("x").toString(), "--strategy", "rows");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--strategy must be one of [complete, column], got 'rows'"), bad.err());
    }

    private static double rms(Signal s, double from, double to) {
        double e = 0;
        int a = (int) (from * s.sampleRate());
        int b = (int) (to * s.sampleRate());
        for (int i = a; i < b; i++) {
            e += s.samples()[i] * s.samples()[i];
        }
        return Math.sqrt(e / (b - a));
    }
}
