package org.ncw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;
import org.ncw.engine.denoise.MaskNetwork;

/** {@code ncw train-mask} on a small set, then {@code ncw denoise --mask-model} with what it wrote. */
class TrainMaskCommandTest {
    @TempDir
    Path dir;

    private void pair(Path set, String stem, long seed) throws Exception {
        Random r = new Random(seed);
        int n = 16000;
        double[] clean = new double[n];
        double[] noisy = new double[n];
        for (int t = 0; t < n; t++) {
            double on = (t / 4000) % 2 == 1 ? 1 : 0;
            clean[t] = on * 0.2 * (Math.sin(2 * Math.PI * 200 * t / 16000.0) + 0.5 * Math.sin(2 * Math.PI * 400 * t
                    / 16000.0));
            noisy[t] = clean[t] + 0.05 * r.nextGaussian();
        }
        TestWavs.write(set, stem + ".clean.wav", new Signal(clean, 16000));
        TestWavs.write(set, stem + ".noisy.wav", new Signal(noisy, 16000));
    }

    /** Three small pairs with an index.json. */
    private Path trainingSet() throws Exception {
        Path set = dir.resolve("set");
        Files.createDirectories(set);
        pair(set, "000__a", 1);
        pair(set, "001__b", 2);
        pair(set, "002__c", 3);
        Files.writeString(set.resolve("index.json"), "[{\"stem\":\"000__a\"},{\"stem\":\"001__b\"},{\"stem\":\"002__c\"}]");
        return set;
    }

    @Test
    void aTrainedNetworkIsWrittenAndUsedByDenoise() throws Exception {
        Path set = trainingSet();
        Path mask = dir.resolve("mask.json");
        CliRun trained = run("train-mask", set.toString(), "--split", "even", "--augment", "1", "--epochs", "2",
                "-o", mask.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("2 pairs x 2"), trained.out());
        assertTrue(MaskNetwork.read(mask).trainedOn().contains("seed 1"));

        CliRun again = run("train-mask", set.toString(), "--augment", "1", "--epochs", "1", "-o", mask.toString());
        assertEquals(1, again.errLines().size(), again.err());
        assertTrue(again.err().contains("already exists"), again.err());

        Path in = set.resolve("001__b.noisy.wav");
        Path withMask = dir.resolve("with.wav");
        Path without = dir.resolve("without.wav");
        assertEquals(0, run("denoise", in.toString(), "-o", withMask.toString(), "--mask-model", mask.toString())
                .code());
        assertEquals(0, run("denoise", in.toString(), "-o", without.toString(), "--mask-model", "none").code());
        Signal a = AudioReader.readMono(withMask);
        Signal b = AudioReader.readMono(without);
        assertEquals(a.length(), b.length());
        assertNotEquals(java.util.Arrays.hashCode(a.samples()), java.util.Arrays.hashCode(b.samples()),
                "the network changes the output");

        Path notANetwork = set.resolve("index.json");
        CliRun bad = run("denoise", in.toString(), "-o", dir.resolve("bad.wav").toString(), "--mask-model",
                notANetwork.toString());
        assertNotEquals(0, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains("--mask-model " + notANetwork), bad.err());
        assertFalse(Files.exists(dir.resolve("bad.wav")));
    }

    @Test
    void aStreamingNetworkIsTrainedForTheStreamingMethodAndRefusedByTheBlindOne() throws Exception {
        Path set = trainingSet();
        Path mask = dir.resolve("causal.json");
        CliRun trained = run("train-mask", set.toString(), "--streaming", "--hidden", "8,4", "--augment", "1",
                "--epochs", "2", "-o", mask.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("hidden 8+4"), trained.out());
        MaskNetwork net = MaskNetwork.read(mask);
        assertEquals(org.ncw.engine.denoise.BandMask.CAUSAL, net.context());

        Path in = set.resolve("001__b.noisy.wav");
        Path withMask = dir.resolve("with.wav");
        Path without = dir.resolve("without.wav");
        assertEquals(0, run("denoise", in.toString(), "-o", withMask.toString(), "--method", "streaming",
                "--mask-model", mask.toString()).code());
        assertEquals(0, run("denoise", in.toString(), "-o", without.toString(), "--method", "streaming",
                "--mask-model", "none").code());
        assertNotEquals(java.util.Arrays.hashCode(AudioReader.readMono(withMask).samples()),
                java.util.Arrays.hashCode(AudioReader.readMono(without).samples()), "the network changes the output");

        CliRun wrongKind = run("denoise", in.toString(), "-o", dir.resolve("blind.wav").toString(), "--mask-model",
                mask.toString());
        assertEquals(1, wrongKind.errLines().size(), wrongKind.err());
        assertTrue(wrongKind.err().contains("a streaming (causal) network"), wrongKind.err());
        assertFalse(Files.exists(dir.resolve("blind.wav")));
        CliRun production = run("denoise", in.toString(), "-o", dir.resolve("p.wav").toString(), "--method",
                "production", "--mask-model", "none");
        assertEquals(1, production.errLines().size(), production.err());
        assertTrue(production.err().contains("--mask-model applies to --method blind or streaming only"),
                production.err());
        CliRun badHidden = run("train-mask", set.toString(), "--hidden", "8", "-o", dir.resolve("x.json").toString());
        assertEquals(1, badHidden.errLines().size(), badHidden.err());
        assertTrue(badHidden.err().contains("--hidden takes two sizes"), badHidden.err());
    }
}
