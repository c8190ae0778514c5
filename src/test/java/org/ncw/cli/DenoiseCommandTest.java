package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.core.Signal;
import org.ncw.engine.production.HighPass;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.SpectralGate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.ncw.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenoiseCommandTest {
    private static final int FS = 16000;

    @TempDir
    Path dir;

    /** 2 s of noise with a 1 kHz tone burst in the middle second, as a float WAV. */
    private Path noisyFile() throws IOException {
        Random random = new Random(11);
        double[] x = new double[2 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.05 * random.nextGaussian() + (i >= FS / 2 && i < 3 * FS / 2 ? 0.4 * Math.sin(2 * Math.PI * 1000.0 * i / FS) : 0);
        }
        return TestWavs.write(dir, "noisy.wav", new Signal(x, FS));
    }

    private static double[] read(Path f) throws IOException {
        return AudioReader.readMono(f, ChannelSelection.mixDown()).samples();
    }

    @Test
    void writesOutputAndResidueThatSumToTheInput() throws IOException {
        Path in = noisyFile();
        Path out = dir.resolve("clean.wav");
        CliRun r = run("denoise", in.toString(), "-o", out.toString(), "--float", "--method", "production");
        assertEquals(0, r.code(), r.err());
        Path residue = dir.resolve("clean.residue.wav");
        assertTrue(Files.exists(residue), "default residue name");
        double[] x = read(in);
        double[] y = read(out);
        double[] e = read(residue);
        assertEquals(x.length, y.length);
        assertEquals(x.length, e.length);
        double noiseIn = 0;
        double noiseOut = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i] + e[i], 1e-6);
            if (i < FS / 2 - 1024) {
                noiseIn += x[i] * x[i];
                noiseOut += y[i] * y[i];
            }
        }
        assertTrue(10 * Math.log10(noiseIn / noiseOut) > 10, "the default chain gates the noise-only start");
        assertTrue(r.out().contains("method production:default, preset default"), r.out());
        assertTrue(r.out().contains("stationary spectral gate"), r.out());
        assertTrue(r.out().contains("RTF"), r.out());
    }

    @Test
    void refusesExistingOutputsUnlessForcedAndNeverTheInput() throws IOException {
        Path in = noisyFile();
        Path out = dir.resolve("out.wav");
        Files.writeString(out, "keep me");
        CliRun r = run("denoise", in.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("already exists (use --force to replace it)"), r.err());
        assertEquals("keep me", Files.readString(out));
        assertFalse(Files.exists(dir.resolve("out.residue.wav")), "nothing written when refusing");

        byte[] original = Files.readAllBytes(in);
        CliRun overInput = run("denoise", in.toString(), "-o", in.toString(), "--force");
        assertEquals(1, overInput.code());
        assertTrue(overInput.err().contains("refusing to overwrite input"), overInput.err());
        CliRun residueOverInput = run("denoise", in.toString(), "-o", out.toString(), "--residue", in.toString(), "--force");
        assertEquals(1, residueOverInput.code());
        assertArrayEquals(original, Files.readAllBytes(in));

        CliRun forced = run("denoise", in.toString(), "-o", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(2 * FS, read(out).length);
    }

    @Test
    void transientRatioSwitchesTheBlindMethodsSuppressor() throws IOException {
        Path in = noisyFile();
        CliRun on = run("denoise", in.toString(), "-o", dir.resolve("on.wav").toString(), "--transient-ratio", "3");
        assertEquals(0, on.code(), on.err());
        assertTrue(on.out().contains("transients cut: 0.00 s"), on.out()); // steady noise: nothing to cut
        CliRun off = run("denoise", in.toString(), "-o", dir.resolve("off.wav").toString(), "--transient-ratio", "0");
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().contains("transients cut: off"), off.out());
        CliRun bad = run("denoise", in.toString(), "-o", dir.resolve("bad.wav").toString(), "--transient-ratio", "0.5");
        assertEquals(2, bad.code(), "a bad parameter");
        assertTrue(bad.err().contains("ncw: error: --transient-ratio must be 0 (off) or in") && bad.err().contains("0.5"),
                bad.err());
        assertFalse(Files.exists(dir.resolve("bad.wav")), "nothing written for a bad parameter");
        CliRun production = run("denoise", in.toString(), "-o", dir.resolve("p.wav").toString(), "--method",
                "production", "--transient-ratio", "3");
        assertEquals(2, production.code(), "bad usage");
        assertTrue(production.err().contains("--transient-ratio applies to --method blind"), production.err());
    }

    @Test
    void overridesAndChainFilesShapeTheChain() throws IOException {
        Path in = noisyFile();
        CliRun r = run("denoise", in.toString(), "-o", dir.resolve("a.wav").toString(), "--residue",
                dir.resolve("a-removed.wav").toString(), "--gate", "nonstationary", "--highpass", "120",
                "--threshold", "12dB", "--amount", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("method production:default, preset default changed by --highpass 120.0"
                + " --gate nonstationary --threshold 12dB --amount 0.5\n"), r.out());
        assertTrue(r.out().contains("high-pass 120 Hz"), r.out());
        assertTrue(r.out().contains("nonstationary spectral gate"), r.out());
        assertTrue(r.out().contains("threshold +12.0 dB"), r.out());
        assertTrue(r.out().contains("amount 0.50"), r.out());
        assertTrue(Files.exists(dir.resolve("a-removed.wav")));

        Path saved = dir.resolve("saved.json");
        CliRun save = run("denoise", in.toString(), "-o", dir.resolve("s.wav").toString(), "--gate", "off",
                "--lowpass", "4000", "--save-chain", saved.toString());
        assertEquals(0, save.code(), save.err());
        assertEquals(ProductionChain.defaults().without(SpectralGate.class).withLowPass(4000)
                        .withDescription("preset default changed by --lowpass 4000.0 --gate off"),
                ProductionChain.read(saved), "the saved chain is the one that ran");

        Path chain = dir.resolve("chain.json");
        Files.writeString(chain, ProductionChain.of(new HighPass(200, 2, false)).toJson());
        CliRun fromFile = run("denoise", in.toString(), "-o", dir.resolve("b.wav").toString(), "--chain", chain.toString());
        assertEquals(0, fromFile.code(), fromFile.err());
        assertTrue(fromFile.out().contains("chain " + chain), fromFile.out());
        assertTrue(fromFile.out().contains("high-pass 200 Hz (Butterworth order 2, causal)"), fromFile.out());
        assertFalse(fromFile.out().contains("gate"), fromFile.out());
    }

    @Test
    void badOptionsGiveOneClearLine() throws IOException {
        Path in = noisyFile();
        String out = dir.resolve("x.wav").toString();
        CliRun nonStationaryStd = run("denoise", in.toString(), "-o", out, "--gate", "nonstationary", "--threshold", "1.5");
        assertEquals(2, nonStationaryStd.code());
        assertTrue(nonStationaryStd.err().contains("write it with dB"), nonStationaryStd.err());
        CliRun preset = run("denoise", in.toString(), "-o", out, "--preset", "studio");
        assertEquals(2, preset.code());
        assertTrue(preset.err().contains("unknown production preset 'studio'"), preset.err());
        CliRun method = run("denoise", in.toString(), "-o", out, "--method", "magic");
        assertEquals(2, method.code());
        assertTrue(method.err().contains("unknown method 'magic'; known: unprocessed, production:default"), method.err());
        CliRun span = run("denoise", in.toString(), "-o", out, "--noise-span", "5:6");
        assertEquals(2, span.code());
        assertTrue(span.err().contains("noiseSpan"), span.err());
        CliRun both = run("denoise", in.toString(), "-o", out, "--preset", "default", "--chain", "c.json");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give one of them"), both.err());
        CliRun missing = run("denoise", dir.resolve("nope.wav").toString(), "-o", out);
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void defaultResidueSitsNextToTheOutput() {
        assertEquals(Path.of("a/b/take1.residue.wav"), DenoiseCommand.defaultResidue(Path.of("a/b/take1.wav")));
        assertEquals(Path.of("noext.residue.wav"), DenoiseCommand.defaultResidue(Path.of("noext")));
    }
}
