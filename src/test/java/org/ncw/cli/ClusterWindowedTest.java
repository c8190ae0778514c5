package org.ncw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;

/** {@code ncw cluster --window}: the column strategy in windows gives the whole-file labels, in bounded memory. */
class ClusterWindowedTest {
    private static final int FS = 16000;

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Random r = new Random(4);
        double[] x = new double[(int) (9.7 * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / FS;
            double on = (t % 1.3) > 0.5 ? 1 : 0;
            x[i] = 0.02 * r.nextGaussian() + on * 0.2 * (Math.sin(2 * Math.PI * 220 * t)
                    + 0.5 * Math.sin(2 * Math.PI * 440 * t));
        }
        return TestWavs.write(dir, "in.wav", new Signal(x, FS));
    }

    /** frame,bin,speech of every row (the db column is relative to each window's loudest bin, see docs/audio.md). */
    private static List<String> labels(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(line -> {
            String[] f = line.split(",");
            return f[0] + "," + f[1] + "," + f[2] + "," + f[5];
        }).toList();
    }

    @Test
    void columnClusteringInWindowsGivesTheWholeFileLabelsAndAllFiveFiles() throws Exception {
        Path in = input();
        Path whole = dir.resolve("whole");
        Path windowed = dir.resolve("windowed");
        CliRun a = run("cluster", in.toString(), "-o", whole.toString());
        assertEquals(0, a.code(), a.err());
        CliRun b = run("cluster", in.toString(), "-o", windowed.toString(), "--window", "2");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("(read in windows)"), b.out());
        assertTrue(b.out().contains("windowed   5 windows of"), b.out());
        for (String suffix : List.of(".speech.wav", ".noise.wav", ".labels.csv", ".labels.png", ".experiment.json")) {
            assertTrue(Files.size(windowed.resolve("in" + suffix)) > 0, suffix);
        }
        List<String> expected = labels(whole.resolve("in.labels.csv"));
        List<String> got = labels(windowed.resolve("in.labels.csv"));
        assertEquals(expected.size(), got.size(), "every analysis frame once");
        assertEquals(expected, got, "the columns' labels, frame numbers and times are the whole-file ones");
        Signal speech = AudioReader.readMono(windowed.resolve("in.speech.wav"));
        assertEquals(AudioReader.readMono(in).length(), speech.length());
        JsonNode report = Json.mapper().readTree(Files.readString(windowed.resolve("in.experiment.json")));
        assertTrue(report.toString().contains("problems"), report.toString());
    }

    @Test
    void aCompleteStrategyCannotRunInWindowsAndSaysSo() throws Exception {
        Path in = input();
        Path out = dir.resolve("out");
        CliRun r = run("cluster", in.toString(), "-o", out.toString(), "--window", "2", "--strategy", "complete");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--window applies to the column strategy only"), r.err());
        CliRun bad = run("cluster", in.toString(), "-o", out.toString(), "--window", "0.5");
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains("--window must be at least 1"), bad.err());
        assertFalse(Files.exists(out.resolve("in.speech.wav")));
    }
}
