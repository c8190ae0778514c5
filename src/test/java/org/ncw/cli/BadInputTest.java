package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncw.cli.BadFiles.Odd;
import org.ncw.cli.BadFiles.Unreadable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command that reads audio, fed broken, odd and protected files: a failure is exit code 1 (2 for bad
 * parameters) with ONE line on stderr naming the file or option and the problem, no stack trace, and no output
 * file (not even a temporary one); an odd but valid file either works, with no NaN in the outputs, or is refused
 * the same clean way.
 */
class BadInputTest {
    @TempDir
    Path dir;

    /** The commands that read one audio file, as argument lists for input {@code in} and output folder {@code out}. */
    enum Cmd {
        INFO, SPECTROGRAM, TABLE, DENOISE, CLUSTER, ICA_FIRST, ICA_REFERENCE, ICA_BATCH, EVALUATE_CLEAN,
        EVALUATE_ENHANCED;

        String[] args(Path in, Path out, Path goodA, Path goodB) {
            return switch (this) {
                case INFO -> new String[] {"info", in.toString()};
                case SPECTROGRAM -> new String[] {"spectrogram", in.toString(), "-o", out.resolve("x.png").toString()};
                case TABLE -> new String[] {"table", in.toString(), "-o", out.resolve("x.csv").toString()};
                case DENOISE -> new String[] {"denoise", in.toString(), "-o", out.resolve("x.wav").toString()};
                case CLUSTER -> new String[] {"cluster", in.toString(), "-o", out.toString()};
                case ICA_FIRST -> new String[] {"ica", in.toString(), goodA.toString(), "-o", out.toString()};
                case ICA_REFERENCE -> new String[] {"ica", goodA.toString(), goodB.toString(), "--reference",
                        in.toString(), "-o", out.toString()};
                case ICA_BATCH -> new String[] {"ica-batch", in.getParent().toString(), "-o", out.toString()};
                case EVALUATE_CLEAN -> new String[] {"evaluate", "--clean", in.toString(), "--enhanced",
                        goodA.toString()};
                case EVALUATE_ENHANCED -> new String[] {"evaluate", "--clean", goodA.toString(), "--enhanced",
                        in.toString(), "--noisy", goodB.toString()};
            };
        }
    }

    private Path goodA;
    private Path goodB;

    private void makeGoodPair(Path where) throws IOException {
        goodA = Files.write(where.resolve("a.wav"), BadFiles.pcm16(1, 16000, 0.5));
        double[] other = BadFiles.signal(1, 16000, 0.5);
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < other.length; i++) {
            other[i] = 0.5 * other[i] + 0.2 * r.nextGaussian();
        }
        goodB = Files.write(where.resolve("b.wav"), BadFiles.wav(1, 16, 1, 16000, other, -1));
    }

    /**
     * Each kind of unreadable file once (through {@code info}; the reader's own tests cover each kind in detail), and
     * each command once (with a truncated header), so every command's path from a reader error to one clear line
     * is covered without running every pair.
     */
    static Stream<Arguments> unreadableCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Unreadable file : Unreadable.values()) {
            cases.add(Arguments.of(file, Cmd.INFO));
        }
        for (Cmd cmd : Cmd.values()) {
            if (cmd != Cmd.INFO) {
                cases.add(Arguments.of(Unreadable.TRUNCATED_HEADER, cmd));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("unreadableCases")
    void unreadableFileIsOneClearLineAndNoOutput(Unreadable kind, Cmd cmd) throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("in"));
        Path in = kind.create(inputs);
        Path out = dir.resolve("out");
        makeGoodPair(inputs);
        CliRun r = BadFiles.run(cmd.args(in, out, goodA, goodB));
        assertEquals(1, r.code(), r.err());
        assertOneErrorLine(r, in.getFileName().toString());
        assertTrue(r.err().contains(kind.problem), "problem '" + kind.problem + "' not named: " + r.err());
        assertEquals(List.of(), BadFiles.filesUnder(out), "outputs left behind");
    }

    /**
     * Signals every command must handle (silent, ten samples, one sample) through every command; the encodings,
     * channel counts, rates and odd headers (the reader's business, tested with the reader) through one command
     * that decodes and one that computes on the samples.
     */
    static Stream<Arguments> oddCases() {
        List<Arguments> cases = new ArrayList<>();
        Cmd[] all = {Cmd.INFO, Cmd.SPECTROGRAM, Cmd.TABLE, Cmd.DENOISE, Cmd.CLUSTER, Cmd.ICA_FIRST,
                Cmd.EVALUATE_ENHANCED};
        java.util.Set<Odd> signals = java.util.EnumSet.of(Odd.SILENT, Odd.TEN_SAMPLES, Odd.ONE_SAMPLE);
        for (Odd file : Odd.values()) {
            for (Cmd cmd : signals.contains(file) ? all : new Cmd[] {Cmd.INFO, Cmd.SPECTROGRAM}) {
                cases.add(Arguments.of(file, cmd));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("oddCases")
    void oddButValidFileWorksWithoutNanOrIsRefusedCleanly(Odd kind, Cmd cmd) throws IOException {
        Path in = kind.create(dir);
        Path out = Files.createDirectory(dir.resolve("out"));
        makeGoodPair(Files.createDirectory(dir.resolve("good")));
        CliRun r = BadFiles.run(cmd.args(in, out, goodA, goodB));
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        if (cmd != Cmd.ICA_FIRST && cmd != Cmd.EVALUATE_ENHANCED) {
            // one file alone always has an answer, even silence or one sample (pairs may be refused)
            assertEquals(0, r.code(), r.err());
        }
        if (r.code() != 0) {
            assertOneErrorLine(r, "");
            assertEquals(List.of(), BadFiles.filesUnder(out), "outputs left behind by a failure");
            return;
        }
        for (String name : BadFiles.filesUnder(out)) {
            assertFalse(name.startsWith(".") || name.contains("/."), "temporary file left: " + name);
            if (name.endsWith(".csv") || name.endsWith(".json")) {
                String text = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
                assertFalse(text.contains("NaN") || text.contains("Infinity"), name + " holds NaN/Infinity");
            }
            if (name.endsWith(".wav")) {
                assertEquals(0, BadFiles.run("info", out.resolve(name).toString()).code(), name + " unreadable");
            }
        }
    }

    @Test
    void hugeDurationHeaderIsReadAsWhatIsPresent() throws IOException {
        Path in = Odd.HUGE_DURATION_HEADER.create(dir);
        CliRun r = BadFiles.run("info", in.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("frames    8000"), r.out());
        assertTrue(r.out().contains("truncated file?"), r.out());
    }

    /** An output that is the input is refused, also with --force, and the input keeps its bytes. */
    static Stream<Arguments> outputIsInputCases() {
        return Stream.of(
                Arguments.of("spectrogram", List.of("spectrogram", "IN", "-o", "IN", "--force")),
                Arguments.of("table", List.of("table", "IN.csv", "-o", "IN.csv", "--force")),
                Arguments.of("denoise", List.of("denoise", "IN", "-o", "IN", "--force")),
                Arguments.of("denoise residue", List.of("denoise", "IN", "-o", "OUT/x.wav", "--residue", "IN",
                        "--force")),
                Arguments.of("cluster", List.of("cluster", "IN", "-o", "IN", "--force")),
                Arguments.of("ica", List.of("ica", "DIR/p.speech.wav", "B", "-o", "DIR", "--name", "p", "--force")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputIsInputCases")
    void outputIsInputIsRefusedEvenWithForce(String label, List<String> template) throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("in"));
        makeGoodPair(dir);
        Path in = Files.copy(goodA, inputs.resolve(label.equals("ica") ? "p.speech.wav" : "in.wav"));
        Path inCsv = Files.copy(goodA, inputs.resolve("in.csv"));
        Files.copy(goodB, inputs.resolve("b.wav"));
        Path out = dir.resolve("out");
        String[] args = template.stream().map(a -> a.replace("IN.csv", inCsv.toString()).replace("IN", in.toString())
                .replace("DIR/p.speech.wav", in.toString()).replace("DIR", inputs.toString())
                .replace("OUT", out.toString()).replace("B", a.equals("B") ? goodB.toString() : "B")).toArray(
                String[]::new);
        byte[] before = Files.readAllBytes(in);
        byte[] beforeCsv = Files.readAllBytes(inCsv);
        List<String> filesBefore = BadFiles.filesUnder(inputs);
        CliRun r = BadFiles.run(args);
        assertEquals(1, r.code(), r.err());
        assertOneErrorLine(r, "refusing to overwrite input file");
        assertArrayEquals(before, Files.readAllBytes(in));
        assertArrayEquals(beforeCsv, Files.readAllBytes(inCsv));
        assertEquals(filesBefore, BadFiles.filesUnder(inputs), "files added next to the inputs");
        assertEquals(List.of(), BadFiles.filesUnder(out));
    }

    /** An existing output is kept without --force, the command fails before the work and writes nothing else. */
    static Stream<Arguments> existingOutputCases() {
        return Stream.of(
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png"), "x.png"),
                Arguments.of(List.of("table", "IN", "-o", "OUT/x.tsv"), "x.tsv"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav"), "x.residue.wav"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT"), "a.labels.csv"),
                Arguments.of(List.of("ica", "IN", "B", "-o", "OUT"), "a__b.json"),
                Arguments.of(List.of("ica-batch", "INDIR", "-o", "OUT"), "01_a__b.noise.wav"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/y.wav", "--save-chain", "OUT/chain.json"),
                        "chain.json"),
                Arguments.of(List.of("bench-quality", "INDIR", "-o", "OUT/bq"), "bq.png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("existingOutputCases")
    void existingOutputIsKeptWithoutForce(List<String> template, String existing) throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("in"));
        makeGoodPair(inputs);
        Path out = Files.createDirectory(dir.resolve("out"));
        Path kept = Files.writeString(out.resolve(existing), "keep me");
        String[] args = template.stream().map(a -> a.replace("INDIR", inputs.toString())
                .replace("IN", goodA.toString()).replace("OUT", out.toString())
                .replace("B", a.equals("B") ? goodB.toString() : "B")).toArray(String[]::new);
        CliRun r = BadFiles.run(args);
        assertEquals(1, r.code(), r.err());
        assertOneErrorLine(r, existing + ": already exists");
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("keep me", Files.readString(kept));
        assertEquals(List.of(existing), BadFiles.filesUnder(out), "other outputs were written");
    }

    static Stream<Arguments> unwritableCases() {
        return Stream.of(
                List.of("spectrogram", "IN", "-o", "FILE/x.png"),
                List.of("table", "IN", "-o", "FILE/x.csv"),
                List.of("denoise", "IN", "-o", "FILE/x.wav"),
                List.of("cluster", "IN", "-o", "FILE/sub"),
                List.of("cluster", "IN", "-o", "FILE"),
                List.of("ica", "IN", "B", "-o", "FILE"),
                List.of("ica", "IN", "B", "-o", "FILE/sub"),
                List.of("ica-batch", "INDIR", "-o", "FILE"),
                List.of("spectrogram", "IN", "-o", "MISSINGDIR/x.png"),
                List.of("spectrogram", "IN", "-o", "INDIR")).map(Arguments::of);
    }

    /** Output paths that cannot be written: one line naming the path, nothing written. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritableCases")
    void unwritableOutputIsOneClearLine(List<String> template) throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("in"));
        makeGoodPair(inputs);
        Path file = Files.writeString(dir.resolve("plain.txt"), "a file, not a directory");
        String[] args = template.stream().map(a -> a.replace("INDIR", inputs.toString())
                .replace("IN", goodA.toString()).replace("FILE", file.toString())
                .replace("MISSINGDIR", dir.resolve("no/such/dir").toString())
                .replace("B", a.equals("B") ? goodB.toString() : "B")).toArray(String[]::new);
        CliRun r = BadFiles.run(args);
        assertEquals(1, r.code(), r.err());
        assertOneErrorLine(r, "");
        assertTrue(r.err().contains(file.toString()) || r.err().contains("no/such/dir")
                || r.err().contains(inputs.toString()), r.err());
        assertEquals("a file, not a directory", Files.readString(file));
        assertEquals(List.of("a.wav", "b.wav"), BadFiles.filesUnder(inputs));
    }

    static Stream<Arguments> badParameterCases() {
        return Stream.of(
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--n-fft", "0"), "--n-fft"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--n-fft", "-4"), "--n-fft"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--n-fft", "NaN"), "--n-fft"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--win", "4096", "--n-fft", "1024"),
                        "--win"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--hop", "0"), "--hop"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--top-db", "NaN"), "--top-db"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--top-db", "-3"), "--top-db must"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--ref", "0"), "--ref must"),
                Arguments.of(List.of("spectrogram", "IN", "-o", "OUT/x.png", "--width", "100000"), "width"),
                Arguments.of(List.of("table", "IN", "-o", "OUT/x.json"), "x.json"),
                Arguments.of(List.of("table", "IN", "-o", "OUT/x.csv", "--resolution", "huge"), "--resolution"),
                Arguments.of(List.of("table", "IN", "-o", "OUT/x.csv", "--hop", "64"), "--resolution custom"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--amount", "NaN"), "amount"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--highpass", "-5"), "highpass"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--gate", "loud"), "--gate"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--preset", "nope"), "preset"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--method", "nope"), "--method"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--window", "0"), "--window"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--channel", "-1"), "--channel"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--channel", "3"), "channel 3"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--noise-span", "5:1"), "span"),
                Arguments.of(List.of("denoise", "IN", "-o", "OUT/x.wav", "--threshold", "abc"), "--threshold"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--gamma", "-1"), "gamma"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--gamma", "NaN"), "gamma"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--clusters", "0"), "--clusters must"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--neighbors", "0", "--affinity", "knn"),
                        "--neighbors must"),
                // raised inside a worker thread and wrapped: the message is the engine's, with the flag's name
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--neighbors", "100000", "--affinity", "knn"),
                        "--neighbors (100000) must not exceed the number of points"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--affinity", "cosine"), "--affinity"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--mask", "hard"), "--mask"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--reduce-factor", "NaN"), "--reduce-factor must"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--threads", "-1"), "threads"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--resolution", "custom"), "--resolution"),
                Arguments.of(List.of("cluster", "IN", "-o", "OUT", "--options", "IN"), "IN"),
                Arguments.of(List.of("ica", "IN", "B", "-o", "OUT", "--alpha", "5"), "alpha"),
                Arguments.of(List.of("ica", "IN", "B", "-o", "OUT", "--tol", "-1"), "tol"),
                Arguments.of(List.of("ica", "IN", "B", "-o", "OUT", "--max-iter", "0"), "--max-iter must"),
                Arguments.of(List.of("ica", "IN", "B", "-o", "OUT", "--mix", "1,1,1,1"), "singular"),
                Arguments.of(List.of("ica", "IN", "B", "-o", "OUT", "--contrast", "tanh"), "--contrast"),
                Arguments.of(List.of("ica", "IN", "IN", "-o", "OUT"), "linearly dependent"),
                Arguments.of(List.of("bench", "--filter", "("), "--filter"),
                Arguments.of(List.of("bench", "--runs", "0", "--filter", ".*"), "runs"),
                Arguments.of(List.of("bench-quality", "OUT", "--methods", "nope"), "nope"),
                Arguments.of(List.of("bench-quality", "OUT", "--jobs", "0"), "--jobs"),
                Arguments.of(List.of("info"), "FILE"),
                Arguments.of(List.of("nonsense"), "nonsense"));
    }

    /** Bad parameter values: exit 2, one line naming the option or parameter, no output. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameterCases")
    void badParameterIsUsageErrorNamingIt(List<String> template, String named) throws IOException {
        makeGoodPair(dir);
        Path out = dir.resolve("out");
        String[] args = template.stream().map(a -> a.replace("IN", goodA.toString()).replace("OUT", out.toString())
                .replace("B", a.equals("B") ? goodB.toString() : "B")).toArray(String[]::new);
        CliRun r = BadFiles.run(args);
        assertEquals(2, r.code(), r.err());
        // a failure inside a run comes after its progress lines ("  10 % analysis STFT")
        List<String> lines = r.errLines().stream().filter(l -> !l.matches("\\s*\\d+ % .*")).toList();
        String first = lines.get(0);
        assertTrue(first.startsWith("ncw: error: "), r.err());
        assertTrue(first.contains(named.replace("IN", goodA.toString())), "'" + named + "' not named: " + first);
        // picocli's own parse errors add one "Try 'ncw ... --help'" line
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try 'ncw"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(List.of(), BadFiles.filesUnder(out));
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path in = Unreadable.TEXT_NAMED_WAV.create(dir);
        CliRun quiet = BadFiles.run("spectrogram", in.toString(), "-o", dir.resolve("x.png").toString());
        CliRun verbose = BadFiles.run("spectrogram", in.toString(), "-o", dir.resolve("x.png").toString(), "--verbose");
        assertEquals(1, quiet.code());
        assertEquals(1, verbose.code());
        assertEquals(quiet.errLines().get(0), verbose.errLines().get(0));
        assertTrue(verbose.err().contains("\tat org.ncw."), verbose.err());
    }

    @Test
    void outputOptionAliasesAreAccepted() throws IOException {
        makeGoodPair(dir);
        for (String option : new String[] {"-o", "--out", "--png"}) {
            Path png = dir.resolve("s" + option.replace("-", "") + ".png");
            assertEquals(0, BadFiles.run("spectrogram", goodA.toString(), option, png.toString()).code());
            assertTrue(Files.size(png) > 0);
        }
        for (String option : new String[] {"-o", "--out", "--output"}) {
            Path wav = dir.resolve("d" + option.replace("-", "") + ".wav");
            assertEquals(0, BadFiles.run("denoise", goodA.toString(), option, wav.toString()).code());
            assertTrue(Files.size(wav) > 44);
        }
        Path ica = dir.resolve("ica");
        assertEquals(0, BadFiles.run("ica", goodA.toString(), goodB.toString(), "--out", ica.toString()).code());
        CliRun again = BadFiles.run("ica", goodA.toString(), goodB.toString(), "--out", ica.toString());
        assertEquals(1, again.code());
        assertEquals(0, BadFiles.run("ica", goodA.toString(), goodB.toString(), "--out", ica.toString(), "--force")
                .code());
        assertEquals(0, BadFiles.run("ica", goodA.toString(), goodB.toString(), "--out", ica.toString(),
                "--overwrite").code(), "the old spelling still works");
    }

    @Test
    void clusterWritesFloatWavsWithFloatLikeDenoiseAndIca() throws IOException {
        makeGoodPair(dir);
        Path out = dir.resolve("c");
        CliRun r = BadFiles.run("cluster", goodA.toString(), "-o", out.toString(), "--float");
        assertEquals(0, r.code(), r.err());
        CliRun info = BadFiles.run("info", out.resolve("a.speech.wav").toString());
        assertTrue(info.out().contains("32 bit") && info.out().contains("float"), info.out());
    }

    private static void assertOneErrorLine(CliRun r, String mustContain) {
        assertNotEquals(0, r.code());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "expected one error line, got: " + r.err());
        assertTrue(lines.get(0).startsWith("ncw: error: "), r.err());
        assertTrue(lines.get(0).contains(mustContain), "'" + mustContain + "' not in: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
}
