package org.ncw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WindowOptions;
import org.ncw.engine.workbench.WindowedRunner;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

/** The block-by-block paths of the commands, on short files: the same results as the whole-file engine calls. */
class LongFileCommandsTest {
    private static final int FS = 16000;

    @TempDir
    Path dir;

    private static Signal bursts(double seconds, long seed) {
        Random r = new Random(seed);
        double[] x = new double[(int) (seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.03 * r.nextGaussian() + ((i / (FS / 2)) % 2 == 0 ? 0.3 * Math.sin(2 * Math.PI * 300.0 * i / FS) : 0);
        }
        return new Signal(x, FS);
    }

    @Test
    void denoiseWithSmallWindowsWritesWhatTheWindowedEngineRunGives() throws IOException {
        Signal s = bursts(5.3, 1);
        Path in = TestWavs.write(dir, "in.wav", s);
        Signal input = AudioReader.readMono(in, ChannelSelection.mixDown());
        Path out = dir.resolve("out.wav");
        CliRun r = run("denoise", in.toString(), "-o", out.toString(), "--float", "--method", "production:default",
                "--window", "1");
        assertEquals(0, r.code(), r.err());
        Method<?> m = Methods.resolve("production:default", WorkbenchOptions.defaults());
        double[] expected = new double[input.length()];
        int[] at = {0};
        int windows = windowed(m, input, WindowOptions.defaults().withWindowSeconds(1), (y, off, len) -> {
            System.arraycopy(y, off, expected, at[0], len);
            at[0] += len;
        });
        assertTrue(windows >= 4, windows + " windows");
        assertTrue(r.out().contains("windowed: " + windows + " windows of 1 s"), r.out());
        double[] got = AudioReader.readMono(out, ChannelSelection.mixDown()).samples();
        assertEquals(expected.length, got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals((float) expected[i], got[i], 0.0, "sample " + i);
        }
    }

    private static <O> int windowed(Method<O> m, Signal input, WindowOptions w,
                                    org.ncw.engine.stream.SampleSink sink) throws IOException {
        return WindowedRunner.run(m, m.options(WorkbenchOptions.defaults()), WindowedRunner.of(input), FS, w, sink,
                null, TaskMonitor.none(), input.length()).windows();
    }

    @Test
    void denoiseOfAShortFileIsTheWholeFileMethodOutput() throws IOException {
        Path in = TestWavs.write(dir, "in.wav", bursts(2, 2));
        Signal input = AudioReader.readMono(in, ChannelSelection.mixDown());
        Path out = dir.resolve("out.wav");
        CliRun r = run("denoise", in.toString(), "-o", out.toString(), "--float");
        assertEquals(0, r.code(), r.err());
        double[] whole = Methods.resolve(Methods.BLIND_DENOISER, WorkbenchOptions.defaults())
                .run(input, WorkbenchOptions.defaults(), TaskMonitor.none()).output().samples();
        double[] got = AudioReader.readMono(out, ChannelSelection.mixDown()).samples();
        for (int i = 0; i < got.length; i++) {
            assertEquals((float) whole[i], got[i], 0.0, "sample " + i);
        }
    }

    @Test
    void infoAndEvaluateStreamedEqualTheWholeFileNumbers() throws IOException {
        Signal clean = bursts(3, 3);
        double[] e = clean.samples().clone();
        Random r = new Random(4);
        for (int i = 0; i < e.length; i++) {
            e[i] = 0.8 * e[i] + 0.01 * r.nextGaussian();
        }
        Path c = TestWavs.write(dir, "clean.wav", clean);
        Path est = TestWavs.write(dir, "est.wav", new Signal(e, FS));
        CliRun info = run("info", "--json", c.toString());
        assertEquals(0, info.code(), info.err());
        JsonNode level = Json.mapper().readTree(info.out()).get(0).get("levels").get(0);
        var clip = AudioReader.read(c);
        var expected = org.ncw.engine.audio.ChannelLevel.measure(clip).get(0);
        assertEquals(expected.peakDbfs(), level.get("peakDbfs").asDouble(), 0.0);
        assertEquals(expected.rmsDbfs(), level.get("rmsDbfs").asDouble(), 0.0);

        CliRun ev = run("evaluate", "--clean", c.toString(), "--enhanced", est.toString(), "--json");
        assertEquals(0, ev.code(), ev.err());
        JsonNode s = Json.mapper().readTree(ev.out()).get("enhanced");
        var whole = org.ncw.engine.metrics.QualityMetrics.score(AudioReader.readMono(c, ChannelSelection.mixDown()),
                AudioReader.readMono(est, ChannelSelection.mixDown()));
        assertEquals(whole.snrDb(), s.get("snr_db").asDouble(), 0.0);
        assertEquals(whole.siSdrDb(), s.get("si_sdr_db").asDouble(), 0.0);
        assertEquals(whole.stoi(), s.get("stoi").asDouble(), 0.0);
        assertEquals(whole.segmentalSnrDb(), s.get("seg_snr_db").asDouble(), 0.0);
    }

    @Test
    void theMemoryHintFitsEachCommand() {
        var infos = java.util.List.of(new org.ncw.engine.audio.AudioFileInfo(org.ncw.engine.audio.AudioContainer.WAV,
                org.ncw.engine.audio.SampleEncoding.PCM_SIGNED, 16, 1, 16000, 16000L * 3600, Path.of("long.wav"),
                java.util.List.of()));
        for (MemoryBudget b : MemoryBudget.values()) {
            String message = org.junit.jupiter.api.Assertions.assertThrows(
                    org.ncw.engine.io.FileProblemException.class, () -> b.check(infos, 1 << 20)).getMessage();
            assertTrue(!message.contains("streaming method"), b + ": " + message);
        }
        String cluster = org.junit.jupiter.api.Assertions.assertThrows(org.ncw.engine.io.FileProblemException.class,
                () -> MemoryBudget.CLUSTER.check(infos, 1 << 20)).getMessage();
        assertTrue(cluster.contains("column strategy"), cluster);
    }

    @Test
    void theStreamedTableIsByteForByteTheWholeFileTable() throws IOException {
        Path in = TestWavs.write(dir, "in.wav", bursts(1.3, 5));
        Signal s = AudioReader.readMono(in, ChannelSelection.mixDown());
        for (String[] flags : new String[][] {{"--intensity", "db", "--centroid-distance"}, {"--intensity", "power"},
                {"--intensity", "magnitude", "--centroid-distance"}, {"--intensity", "db", "--ref", "1"},
                {"--intensity", "db", "--top-db", "none"}}) {
            Path out = dir.resolve("t.tsv");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("table", in.toString(), "-o",
                    out.toString(), "--force", "--resolution", "custom", "--n-fft", "512", "--hop", "128"));
            args.addAll(java.util.List.of(flags));
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            org.ncw.engine.dsp.StftOptions o = org.ncw.engine.dsp.StftOptions.of(512, 128, 512);
            var stft = org.ncw.engine.dsp.Stft.forward(s, o);
            org.ncw.engine.dsp.Intensity kind = org.ncw.engine.dsp.Intensity.valueOf(flags[1].toUpperCase());
            org.ncw.engine.dsp.DbScale scale = args.contains("1") ? org.ncw.engine.dsp.DbScale.defaults()
                    : org.ncw.engine.dsp.DbScale.relativeToMax();
            if (args.contains("none")) {
                scale = scale.withTopDb(null);
            }
            var matrix = stft.toMatrix(kind, scale);
            var table = args.contains("--centroid-distance")
                    ? org.ncw.engine.dataset.Table3D.withCentroidDistance(matrix,
                    org.ncw.engine.dataset.SpectralCentroid.ofRecordingHz(stft.magnitude(), matrix.axes()))
                    : org.ncw.engine.dataset.Table3D.of(matrix);
            Path expected = dir.resolve("expected.tsv");
            org.ncw.engine.dataset.Table3DFiles.write(table, expected, TaskMonitor.none());
            assertArrayEquals(java.nio.file.Files.readAllBytes(expected), java.nio.file.Files.readAllBytes(out),
                    String.join(" ", flags));
        }
    }
}
