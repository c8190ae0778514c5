package org.ncw.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BlindDenoiser;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.metrics.SiSdr;
import org.ncw.engine.metrics.Stoi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Hand-run tuning harness (not a unit test): denoises every stem of a split of an evaluation set in one warm JVM,
 * prints mean delta SI-SDR / STOI per category and SNR, and optionally writes STEM.wav for the independent scorer.
 * <pre>java -cp target/classes:target/test-classes:target/lib/* org.ncw.bench.CorpusDenoiseRun SETDIR even|odd|all
 *     [OUTDIR] [-Dncw.opts='{"gainFloorDb":-15}'] [-Dncw.jobs=2]</pre>
 */
public final class CorpusDenoiseRun {
    private CorpusDenoiseRun() {
    }

    record Row(String stem, String category, String snr, double dSiSdr, double dStoi) {
    }

    public static void main(String[] args) throws Exception {
        Path set = Path.of(args[0]);
        String split = args.length > 1 ? args[1] : "all";
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        BlindDenoiserOptions options = options(System.getProperty("ncw.opts", "{}"));
        JsonNode index = Json.mapper().readTree(set.resolve("index.json").toFile());
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode e : index) {
            String stem = e.get("stem").asText();
            int n = Integer.parseInt(stem.substring(0, stem.indexOf('_')).replaceAll("\\D", "0"));
            if (stem.matches(System.getProperty("ncw.only", ".*")) && (split.equals("all") || (split.equals("even") == (n % 2 == 0)))) {
                items.add(e);
            }
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        long start = System.nanoTime();
        int jobs = Integer.getInteger("ncw.jobs", 2);
        List<Row> rows = new ForkJoinPool(jobs).submit(() -> items.parallelStream().map(e -> {
            try {
                String stem = e.get("stem").asText();
                Signal noisy = AudioReader.read(set.resolve(stem + ".noisy.wav")).toMono();
                Signal clean = AudioReader.read(set.resolve(stem + ".clean.wav")).toMono();
                Signal enhanced = BlindDenoiser.fit(noisy, options, TaskMonitor.none()).enhanced();
                if (out != null) {
                    AudioWriter.write(enhanced, out.resolve(stem + ".wav"), SampleFormat.FLOAT32, WriteMode.OVERWRITE);
                }
                int n = Math.min(clean.length(), noisy.length());
                double[] c = java.util.Arrays.copyOf(clean.samples(), n);
                double[] x = java.util.Arrays.copyOf(noisy.samples(), n);
                double[] y = java.util.Arrays.copyOf(enhanced.samples(), n);
                int rate = clean.sampleRate();
                return new Row(stem, e.path("category").asText("?"), e.path("snr_db").asText("?"),
                        SiSdr.compute(c, y) - SiSdr.compute(c, x),
                        Stoi.compute(c, y, rate) - Stoi.compute(c, x, rate));
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        }).toList()).get();
        double secs = (System.nanoTime() - start) / 1e9;
        print("all", rows);
        Map<String, List<Row>> byCat = new TreeMap<>();
        Map<Double, List<Row>> bySnr = new TreeMap<>();
        for (Row r : rows) {
            byCat.computeIfAbsent(r.category, k -> new ArrayList<>()).add(r);
            bySnr.computeIfAbsent(Double.parseDouble(r.snr), k -> new ArrayList<>()).add(r);
        }
        byCat.forEach(CorpusDenoiseRun::print);
        bySnr.forEach((k, v) -> print(k + "dB", v));
        if (Boolean.getBoolean("ncw.rows")) {
            rows.forEach(r -> System.out.printf("  %-45s %+7.2f %+7.3f%n", r.stem, r.dSiSdr, r.dStoi));
        }
        System.out.printf("%d files in %.1f s%n", rows.size(), secs);
    }

    static void print(String label, List<Row> rows) {
        double s = 0;
        double t = 0;
        for (Row r : rows) {
            s += r.dSiSdr / rows.size();
            t += r.dStoi / rows.size();
        }
        System.out.printf("%-10s n=%3d  dSI-SDR %+6.2f  dSTOI %+7.4f%n", label, rows.size(), s, t);
    }

    static BlindDenoiserOptions options(String overrides) {
        ObjectNode base = Json.mapper().valueToTree(BlindDenoiserOptions.defaults());
        JsonNode patch = Json.mapper().valueToTree(Json.read(overrides, Map.class));
        base.setAll((ObjectNode) patch);
        return Json.read(base.toString(), BlindDenoiserOptions.class);
    }
}
