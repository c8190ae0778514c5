package org.ncw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.metrics.SiSdr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

/**
 * {@code bench-quality} per-category/SNR groups, reference peers, {@code --jobs} and {@code --save-outputs} on a
 * tiny synthetic set: six numbered mixtures in two categories at two SNRs, with a hand-made reference_scores.json.
 */
class BenchQualityGroupsTest {
    private static final int FS = 16000;
    private static final String[] CATEGORY = {"rain", "urban", "rain", "urban", "rain", "urban"};
    private static final int[] SNR = {0, 0, 10, 10, 0, 10};

    @TempDir
    Path dir;

    private static double[] speechLike(int n, double f0) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / FS;
            double env = Math.max(0, Math.sin(2 * Math.PI * 1.5 * t));
            double v = 0;
            for (int k = 1; k <= 10; k++) {
                v += Math.sin(2 * Math.PI * f0 * k * t) / k;
            }
            x[i] = 0.15 * env * v;
        }
        return x;
    }

    private static String stem(int k) {
        return String.format("%03d__%s-%d__%+ddB", k, CATEGORY[k], k, SNR[k]);
    }

    /** The set in {@code dir/set}; peer "peer-a" has rows for the even stems 000 and 002 only, "peer-b" for all. */
    private Path makeSet() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        StringBuilder index = new StringBuilder("[");
        StringBuilder ref = new StringBuilder("{\"about\": \"test\", \"rows\": [");
        for (int k = 0; k < CATEGORY.length; k++) {
            double[] clean = speechLike(FS * 3 / 2, 120 + 15 * k);
            double level = 0.06 * Math.pow(10, -SNR[k] / 20.0);
            Random r = new Random(k);
            double[] noisy = clean.clone();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += level * r.nextGaussian();
            }
            TestWavs.write(set, stem(k) + ".clean.wav", new Signal(clean, FS));
            TestWavs.write(set, stem(k) + ".noisy.wav", new Signal(noisy, FS));
            index.append(k == 0 ? "" : ",").append("{\"stem\":\"").append(stem(k)).append("\",\"noise\":\"")
                    .append(CATEGORY[k]).append("-").append(k).append("\",\"category\":\"").append(CATEGORY[k])
                    .append("\",\"snr_db\":").append(SNR[k]).append('}');
            ref.append(k == 0 ? "" : ",").append(refRow("noisy", k, 1.0 * k, 0.5, 0.3, 1.2));
            ref.append(',').append(refRow("peer-b", k, 1.0 * k + 2 + k, 0.55, Double.NaN, 1.5));
            if (k == 0 || k == 2) {
                ref.append(',').append(refRow("peer-a", k, 1.0 * k + 4, 0.6, 0.4, 2.0));
            }
        }
        Files.writeString(set.resolve("index.json"), index.append(']').toString());
        Files.writeString(set.resolve("reference_scores.json"), ref.append("]}").toString());
        return set;
    }

    private static String refRow(String method, int k, double siSdr, double stoi, double estoi, double pesq) {
        return "{\"method\":\"" + method + "\",\"stem\":\"" + stem(k) + "\",\"si_sdr\":" + siSdr + ",\"stoi\":" + stoi
                + (Double.isNaN(estoi) ? "" : ",\"estoi\":" + estoi) + ",\"pesq\":" + pesq + "}";
    }

    private static JsonNode find(JsonNode list, String method, String group) {
        for (JsonNode n : list) {
            if (n.get("method").asText().equals(method) && n.get("group").asText().equals(group)) {
                return n;
            }
        }
        throw new AssertionError("no " + method + " / " + group + " in " + list);
    }

    @Test
    void groupsAndPeersOnTheSplitFiles() throws IOException {
        Path set = makeSet();
        Path prefix = dir.resolve("out/bq");
        CliRun r = run("bench-quality", set.toString(), "-o", prefix.toString(), "--split", "even", "--methods",
                "blind-denoiser");
        assertEquals(0, r.code(), r.err());
        // even half: stems 000 (rain, 0 dB), 002 (rain, 10 dB), 004 (rain, 0 dB)
        String out = r.out();
        assertTrue(out.contains("[ref] peer-a") && out.contains("[ref] peer-b"), out);
        assertTrue(out.contains("Per noise category") && out.contains("Per SNR"), out);
        JsonNode g = Json.mapper().readTree(Path.of(prefix + ".groups.json").toFile());
        // peer-b: delta SI-SDR = 2 + k over k = 0, 2, 4 -> mean 4; delta STOI 0.05; no ESTOI; delta PESQ 0.3
        JsonNode b = find(g.get("all"), "peer-b", "all");
        assertTrue(b.get("reference").asBoolean());
        assertEquals(3, b.get("count").asInt());
        assertEquals(4.0, b.get("deltaSiSdr").asDouble(), 1e-12);
        assertEquals(0.05, b.get("deltaStoi").asDouble(), 1e-12);
        assertTrue(b.get("deltaEstoi").isNull() || Double.isNaN(b.get("deltaEstoi").asDouble()), b.toString());
        assertEquals(0.3, b.get("deltaPesq").asDouble(), 1e-12);
        // peer-a has rows for 000 and 002 only: 2 files, delta SI-SDR 4, ESTOI +0.1, PESQ +0.8
        JsonNode a = find(g.get("all"), "peer-a", "all");
        assertEquals(2, a.get("count").asInt());
        assertEquals(0.1, a.get("deltaEstoi").asDouble(), 1e-12);
        assertEquals(0.8, a.get("deltaPesq").asDouble(), 1e-12);
        // per SNR: peer-b at 0 dB is k = 0, 4 -> (2 + 6) / 2 = 4; at +10 dB k = 2 -> 4
        assertEquals(4.0, find(g.get("snr"), "peer-b", "+0 dB").get("deltaSiSdr").asDouble(), 1e-12);
        assertEquals(2, find(g.get("snr"), "peer-b", "+0 dB").get("count").asInt());
        assertEquals(1, find(g.get("snr"), "peer-a", "+10 dB").get("count").asInt());
        // our method: a category (only rain in the even half) with the same means as the whole split
        JsonNode ours = find(g.get("category"), "blind-denoiser", "rain");
        assertFalse(ours.get("reference").asBoolean());
        assertEquals(3, ours.get("count").asInt());
        JsonNode overall = find(g.get("all"), "blind-denoiser", "all");
        assertEquals(overall.get("deltaEstoi").asDouble(), ours.get("deltaEstoi").asDouble(), 1e-12);
        assertTrue(ours.get("deltaSiSdr").asDouble() > 1, ours.toString());
        assertTrue(ours.get("deltaPesq").isNull() || Double.isNaN(ours.get("deltaPesq").asDouble()));
        // ours against the per-file CSV: ESTOI columns present, the mean over rows is the summary
        List<String> rows = Files.readAllLines(Path.of(prefix + ".csv"));
        assertTrue(rows.get(0).endsWith(",error,category,estoi,delta_estoi"), rows.get(0));
        double sum = 0;
        int n = 0;
        for (String row : rows.subList(1, rows.size())) {
            if (row.startsWith("\"blind-denoiser\"")) {
                String[] f = row.split(",");
                assertEquals("rain", f[11]);
                sum += Double.parseDouble(f[13]);
                n++;
            }
        }
        assertEquals(3, n);
        assertEquals(sum / n, ours.get("deltaEstoi").asDouble(), 1e-5);
        List<String> csv = Files.readAllLines(Path.of(prefix + ".groups.csv"));
        assertEquals("kind,group,method,reference,n,delta_si_sdr,delta_stoi,delta_estoi,delta_pesq", csv.get(0));
        assertTrue(csv.contains("all,all,peer-b,true,3,4.0000,0.05000,,0.3000"), csv.toString());
        assertTrue(Files.size(Path.of(prefix + ".groups.png")) > 1000);
        JsonNode main = Json.mapper().readTree(Path.of(prefix + ".json").toFile());
        assertEquals("rain", main.get("per_category").get(0).get("group").asText());
        assertEquals(2, main.get("reference_overall").size());
    }

    @Test
    void withoutCategoryTheNoiseTypeGroupsAndWithoutReferenceThereAreNoPeers() throws IOException {
        Path set = makeSet();
        Files.delete(set.resolve("reference_scores.json"));
        Files.writeString(set.resolve("index.json"), Files.readString(set.resolve("index.json"))
                .replaceAll(",\"category\":\"[a-z]+\"", ""));
        Path prefix = dir.resolve("bq");
        CliRun r = run("bench-quality", set.toString(), "-o", prefix.toString(), "--methods", "production:default");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("[ref]"), r.out());
        JsonNode g = Json.mapper().readTree(Path.of(prefix + ".groups.json").toFile());
        assertEquals(6, g.get("category").size() / 2, "six noise types, two methods each: " + g.get("category"));
        assertEquals(1, find(g.get("category"), "production:default", "urban-3").get("count").asInt());
    }

    @Test
    void jobsGiveTheSameRowsAsOneJob() throws IOException {
        Path set = makeSet();
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        String methods = "blind-denoiser,streaming,production:default";
        CliRun r1 = run("bench-quality", set.toString(), "-o", one.toString(), "--methods", methods, "--jobs", "1");
        CliRun r3 = run("bench-quality", set.toString(), "-o", three.toString(), "--methods", methods, "-j", "3");
        assertEquals(0, r1.code(), r1.err());
        assertEquals(0, r3.code(), r3.err());
        List<String> a = withoutTimes(Path.of(one + ".csv"));
        List<String> b = withoutTimes(Path.of(three + ".csv"));
        assertEquals(1 + 6 * 4, a.size());
        assertEquals(a, b);
        assertEquals(Files.readString(Path.of(one + ".groups.csv")), Files.readString(Path.of(three + ".groups.csv")));
        CliRun bad = run("bench-quality", set.toString(), "-o", dir.resolve("x").toString(), "--jobs", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--jobs"), bad.err());
    }

    /** The CSV rows with the seconds column (index 8) blanked: only timings may differ between runs. */
    private static List<String> withoutTimes(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",", -1);
            f[8] = "";
            return String.join(",", f);
        }).toList();
    }

    @Test
    void saveOutputsWritesEachMethodsFilesThatScoreAsTheTableSays() throws IOException {
        Path set = makeSet();
        Path saved = dir.resolve("saved");
        Path prefix = dir.resolve("bq");
        CliRun r = run("bench-quality", set.toString(), "-o", prefix.toString(), "--methods",
                "blind-denoiser,production:default", "--split", "odd", "--save-outputs", saved.toString(), "--float",
                "--jobs", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("saved 6 outputs"), r.out());
        try (Stream<Path> s = Files.list(saved)) {
            assertEquals(List.of("blind-denoiser", "production-default"), s.map(p -> p.getFileName().toString())
                    .sorted().toList(), "one folder per method, none for unprocessed");
        }
        for (String row : Files.readAllLines(Path.of(prefix + ".csv")).subList(1, 7)) {
            String[] f = row.split(",");
            String method = f[0].replace("\"", "");
            if (method.equals("unprocessed")) {
                continue;
            }
            Path wav = saved.resolve(BenchQualityCommand.SavedOutputs.folderName(method)).resolve(f[1] + ".wav");
            Signal out = AudioReader.readMono(wav, ChannelSelection.mixDown());
            Signal clean = AudioReader.readMono(set.resolve(f[1] + ".clean.wav"), ChannelSelection.mixDown());
            assertEquals(FS, out.sampleRate());
            assertEquals(Double.parseDouble(f[4]), SiSdr.compute(clean.samples(), out.samples()), 1e-3,
                    "the saved " + wav.getFileName() + " is what was scored");
        }
        // again without --force: refused before any work, nothing changed
        long before = Files.getLastModifiedTime(saved.resolve("blind-denoiser").resolve(stem(1) + ".wav")).toMillis();
        CliRun again = run("bench-quality", set.toString(), "-o", dir.resolve("bq2").toString(), "--methods",
                "blind-denoiser", "--split", "odd", "--save-outputs", saved.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists (use --force"), again.err());
        assertFalse(Files.exists(Path.of(dir.resolve("bq2") + ".csv")));
        assertEquals(before, Files.getLastModifiedTime(saved.resolve("blind-denoiser").resolve(stem(1) + ".wav"))
                .toMillis());
        assertEquals("production-default", BenchQualityCommand.SavedOutputs.folderName("production:default"));
        assertEquals("cluster-column-matrix-strict",
                BenchQualityCommand.SavedOutputs.folderName("cluster:column/matrix/strict"));
        assertEquals("ica-noisy-production", BenchQualityCommand.SavedOutputs.folderName("ica(noisy+production)"));
    }

    @Test
    void aSavedOutputNeverReplacesAnInput() throws IOException {
        // a set living in DIR/blind-denoiser whose stem "a.noisy" would be saved over stem "a"'s noisy input
        Path set = Files.createDirectories(dir.resolve("blind-denoiser"));
        double[] clean = speechLike(FS, 130);
        for (String stem : List.of("a", "a.noisy")) {
            TestWavs.write(set, stem + ".clean.wav", new Signal(clean, FS));
            TestWavs.write(set, stem + ".noisy.wav", new Signal(clean, FS));
        }
        Files.writeString(set.resolve("index.json"), "[{\"stem\":\"a\"},{\"stem\":\"a.noisy\"}]");
        byte[] input = Files.readAllBytes(set.resolve("a.noisy.wav"));
        CliRun r = run("bench-quality", set.toString(), "-o", dir.resolve("bq").toString(), "--methods",
                "blind-denoiser", "--save-outputs", dir.toString(), "--force");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("refusing to overwrite input file"), r.err());
        assertArrayEquals(input, Files.readAllBytes(set.resolve("a.noisy.wav")), "the input is untouched");
        assertFalse(Files.exists(set.resolve("a.wav")));
    }
}
