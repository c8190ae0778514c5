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
 * a list of {@code {"stem", "clean", "noise", "snr_db"}}; the audio is {@code STEM.noisy.wav} and
 * {@code STEM.clean.wav} beside it.
 */
public record EvaluationSet(Path directory, List<Item> items) {

    /** One mixture: its stem, source speech, noise type and mixing SNR. */
    public record Item(String stem, String speech, String noise, double snrDb, Path noisy, Path clean) {
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
            items.add(new Item(stem, e.path("clean").asText(stem), e.path("noise").asText("unknown"),
                    e.path("snr_db").asDouble(Double.NaN), noisy, clean));
        }
        return new EvaluationSet(dir, items);
    }
}
