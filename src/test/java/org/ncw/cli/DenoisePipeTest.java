package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.audio.WavStreamReader;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ncw denoise - -o -}: WAV streams on stdin and stdout. */
class DenoisePipeTest {
    private static final int FS = 16000;

    @TempDir
    Path dir;

    private Signal noisy() {
        Random random = new Random(5);
        double[] x = new double[3 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.05 * random.nextGaussian() + (i > FS / 4 ? 0.3 * Math.sin(2 * Math.PI * 440.0 * i / FS) : 0);
        }
        return new Signal(x, FS);
    }

    /** Runs the CLI with stdin and stdout replaced; {@code stdin} may watch what was written meanwhile. */
    private static CliRun runPiped(InputStream stdin, ByteArrayOutputStream stdout, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        try {
            System.setIn(stdin);
            System.setOut(new PrintStream(stdout, true));
            return CliRun.run(args);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    private static double[] decode(byte[] wav) throws IOException {
        WavStreamReader r = WavStreamReader.open(new ByteArrayInputStream(wav), Path.of("-"));
        double[] x = new double[10 * FS];
        int n = 0;
        int got;
        while ((got = r.read(x, n, x.length - n, ChannelSelection.mixDown())) >= 0) {
            n += got;
        }
        return java.util.Arrays.copyOf(x, n);
    }

    @Test
    void streamingMethodFromStdinToStdoutStartsWritingBeforeTheInputEnds() throws IOException {
        Signal s = noisy();
        byte[] wav = Files.readAllBytes(TestWavs.write(dir, "in.wav", s));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        long[] writtenAtHalf = {-1};
        InputStream watching = new ByteArrayInputStream(wav) {
            private int served;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (served >= wav.length / 2 && writtenAtHalf[0] < 0) {
                    writtenAtHalf[0] = stdout.size();
                }
                int k = super.read(b, off, Math.min(len, 4096));
                served += Math.max(k, 0);
                return k;
            }
        };
        CliRun r = runPiped(watching, stdout, "denoise", "-", "--method", "streaming", "-o", "-", "--float");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().isEmpty(), "stdout carries only audio: " + r.out());
        assertTrue(r.err().contains("latency 640 samples = 40.0 ms"), r.err());
        assertTrue(writtenAtHalf[0] > wav.length / 4, "output written while reading: " + writtenAtHalf[0]);
        double[] y = decode(stdout.toByteArray());
        double[] expected = StreamingDenoiser.fit(AudioReader.readMono(dir.resolve("in.wav")),
                StreamingDenoiserOptions.defaults(), TaskMonitor.none()).enhanced().samples();
        assertEquals(expected.length, y.length);
        for (int i = 0; i < y.length; i++) {
            assertEquals((float) expected[i], y[i], 0.0, "sample " + i);
        }
    }

    @Test
    void streamingMethodOnFilesWritesOutputAndResidueThatSumToTheInput() throws IOException {
        Path in = TestWavs.write(dir, "in.wav", noisy());
        Path out = dir.resolve("out.wav");
        CliRun r = CliRun.run("denoise", in.toString(), "--method", "streaming", "-o", out.toString(), "--float");
        assertEquals(0, r.code(), r.err());
        double[] x = AudioReader.readMono(in).samples();
        double[] y = AudioReader.readMono(out).samples();
        double[] res = AudioReader.readMono(dir.resolve("out.residue.wav")).samples();
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i] + res[i], 1e-6, "sample " + i);
        }
        CliRun again = CliRun.run("denoise", in.toString(), "--method", "streaming", "-o", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    /** The experiment file's streaming block sets the streaming method, on files and through the workbench. */
    @Test
    void streamingMethodTakesItsSettingsFromTheExperimentFile() throws IOException {
        Signal s = noisy();
        Path in = TestWavs.write(dir, "in.wav", s);
        StreamingDenoiserOptions chosen = StreamingDenoiserOptions.defaults().withGainFloorDb(-6);
        org.ncw.engine.workbench.WorkbenchOptions experiment = org.ncw.engine.workbench.WorkbenchOptions.defaults()
                .withStreaming(chosen);
        Path options = dir.resolve("exp.json");
        Files.writeString(options, experiment.toJson());
        assertEquals(experiment, org.ncw.engine.workbench.WorkbenchOptions.read(options), "round trip");
        Path out = dir.resolve("out.wav");
        CliRun r = CliRun.run("denoise", in.toString(), "--method", "streaming", "--options", options.toString(),
                "-o", out.toString(), "--float");
        assertEquals(0, r.code(), r.err());
        double[] y = AudioReader.readMono(out).samples();
        double[] expected = StreamingDenoiser.fit(s, chosen, TaskMonitor.none()).enhanced().samples();
        double[] defaults = StreamingDenoiser.fit(s, StreamingDenoiserOptions.defaults(), TaskMonitor.none())
                .enhanced().samples();
        double differs = 0;
        for (int i = 0; i < y.length; i++) {
            assertEquals(expected[i], y[i], 1e-6, "sample " + i); // a 32-bit float file
            differs = Math.max(differs, Math.abs(expected[i] - defaults[i]));
        }
        assertTrue(differs > 1e-3, "a -6 dB floor changes the output: " + differs);
        var method = org.ncw.engine.workbench.Methods.byName("streaming").orElseThrow().bound(experiment);
        double[] viaRegistry = method.apply(s, TaskMonitor.none()).samples();
        assertEquals(expected.length, viaRegistry.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], viaRegistry[i], 0.0, "registry sample " + i);
        }
    }

    @Test
    void offlineMethodsReadStdinWholeAndWriteStdout() throws IOException {
        byte[] wav = Files.readAllBytes(TestWavs.write(dir, "in.wav", noisy()));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRun r = runPiped(new ByteArrayInputStream(wav), stdout, "denoise", "-", "--method", "production", "-o",
                "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(3 * FS, decode(stdout.toByteArray()).length);
        assertTrue(r.err().contains("method production"), r.err());
    }

    @Test
    void garbageOnStdinIsOneLine() {
        CliRun r = runPiped(new ByteArrayInputStream("hello".getBytes()), new ByteArrayOutputStream(),
                "denoise", "-", "--method", "streaming", "-o", "-");
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
    }

    /** --lookahead 0 gives the 32 ms framing, the same output as the experiment file's lookaheadHops 0. */
    @Test
    void lookaheadSetsTheStreamingLatencyAndIsRefusedElsewhere() throws IOException {
        Path in = TestWavs.write(dir, "la.wav", noisy());
        CliRun r = CliRun.run("denoise", in.toString(), "--method", "streaming", "--lookahead", "0", "-o",
                dir.resolve("la0.wav").toString(), "--float");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("latency 512 samples = 32.0 ms"), r.out());
        double[] got = org.ncw.engine.audio.AudioReader.readMono(dir.resolve("la0.wav")).samples();
        double[] want = org.ncw.engine.stream.StreamingDenoiser.fit(org.ncw.engine.audio.AudioReader.readMono(in),
                org.ncw.engine.stream.StreamingDenoiserOptions.defaults().withLookaheadHops(0),
                org.ncw.engine.core.TaskMonitor.none()).enhanced().samples();
        for (int i = 0; i < want.length; i++) {
            assertEquals((float) want[i], got[i], 0.0, "sample " + i);
        }
        CliRun two = CliRun.run("denoise", in.toString(), "--method", "streaming", "--lookahead", "2", "-o",
                dir.resolve("la2.wav").toString());
        assertEquals(2, two.code());
        assertEquals(java.util.List.of("ncw: error: --lookahead: lookaheadHops must be in [0, 1], got 2"), two.errLines());
        CliRun blind = CliRun.run("denoise", in.toString(), "--lookahead", "0", "-o", dir.resolve("b.wav").toString());
        assertEquals(2, blind.code());
        assertTrue(blind.err().contains("--lookahead applies to --method streaming only"), blind.err());
        assertTrue(Files.notExists(dir.resolve("la2.wav")) && Files.notExists(dir.resolve("b.wav")));
    }
}
