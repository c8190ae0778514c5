package org.ncw.engine.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of noisy mixtures with their clean references, described by an {@code index.json} like the shared dev set:
 * a list of {@code {"stem", "clean", "noise", "snr_db"}} (optionally {@code "category"}, a coarser noise class as in
 * the corpus); the audio is {@code STEM.noisy.wav} and {@code STEM.clean.wav} beside it.
 */
public record EvaluationSet(Path directory, List<Item> items) {

    /** One mixture: its stem, source speech, noise type, noise category (the noise type when not given), SNR. */
    public record Item(String stem, String speech, String noise, String category, double snrDb, Path noisy,
                       Path clean) {
        public Signal readNoisy() throws IOException {
            return AudioReader.read(noisy).toMono();
        }

        public Signal readClean() throws IOException {
            return AudioReader.read(clean).toMono();
        }
    }

    public EvaluationSet {
        items = List.copyOf(items);
    }

    /**
     * The mixtures of one half: {@code even} or {@code odd} by the number that starts the stem ({@code 012__...}),
     * {@code all} unchanged. The corpus is tuned on the even half and validated on the odd one.
     */
    public EvaluationSet split(String which) {
        if (which.equals("all")) {
            return this;
        }
        if (!which.equals("even") && !which.equals("odd")) {
            throw new IllegalArgumentException("split must be even, odd or all, got '" + which + "'");
        }
        int parity = which.equals("even") ? 0 : 1;
        List<Item> half = new ArrayList<>();
        for (Item item : items) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)").matcher(item.stem());
            if (!m.find()) {
                throw new IllegalArgumentException("--split " + which + " needs numbered stems (NNN__...), got '"
                        + item.stem() + "'");
            }
            if (Long.parseLong(m.group(1)) % 2 == parity) {
                half.add(item);
            }
        }
        if (half.isEmpty()) {
            throw new IllegalArgumentException("no " + which + "-numbered mixture in " + directory);
        }
        return new EvaluationSet(directory, half);
    }

    /** Reads {@code dir/index.json}; fails with a message naming the file when it or a listed WAV is missing. */
    public static EvaluationSet load(Path dir) throws IOException {
        Path index = dir.resolve("index.json");
        if (!Files.isRegularFile(index)) {
            throw new IllegalArgumentException(dir + " is not an evaluation set: no index.json in it");
        }
        JsonNode root = Json.mapper().readTree(index.toFile());
        if (!root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(index + ": expected a non-empty JSON list of mixtures");
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode e : root) {
            JsonNode stemNode = e.get("stem");
            if (stemNode == null || stemNode.asText().isBlank()) {
                throw new IllegalArgumentException(index + ": an entry has no \"stem\": " + e);
            }
            String stem = stemNode.asText();
            Path noisy = dir.resolve(stem + ".noisy.wav");
            Path clean = dir.resolve(stem + ".clean.wav");
            for (Path p : List.of(noisy, clean)) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(index + " lists " + stem + " but " + p.getFileName() + " is missing");
                }
            }
            String noise = e.path("noise").asText("unknown");
            items.add(new Item(stem, e.path("clean").asText(stem), noise, e.path("category").asText(noise),
                    e.path("snr_db").asDouble(Double.NaN), noisy, clean));
        }
        return new EvaluationSet(dir, items);
    }
}
