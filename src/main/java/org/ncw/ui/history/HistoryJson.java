package org.ncw.ui.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.RunRecord;

/**
 * A {@link HistoryEntry} as an element of a session file's {@code history} array: the fields version 1 of the
 * session wrote for the record ({@code seconds}, {@code recomputed}, {@code speechFraction}) plus the whole run —
 * {@code id}, {@code when}, {@code pinned}, {@code stageSeconds}, {@code outputs} and {@code run}, the engine's
 * {@link RunRecord} JSON (its experiment is the experiment file's JSON). Numbers that are not set are null.
 */
public final class HistoryJson {
    private HistoryJson() {
    }

    public static ObjectNode toNode(HistoryEntry e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("id", e.id());
        n.put("when", e.when().toString());
        n.put("pinned", e.pinned());
        number(n, "seconds", e.seconds());
        ArrayNode stages = n.putArray("recomputed");
        e.stages().keySet().forEach(stages::add);
        number(n, "speechFraction", e.speechFraction());
        ObjectNode st = n.putObject("stageSeconds");
        e.stages().forEach((k, v) -> number(st, k, v));
        ArrayNode outs = n.putArray("outputs");
        for (HistoryEntry.Score s : e.outputs()) {
            ObjectNode o = outs.addObject();
            o.put("name", s.name());
            number(o, "siSdr", s.siSdr());
            number(o, "stoi", s.stoi());
            number(o, "seconds", s.seconds());
        }
        try {
            n.set("run", Json.mapper().readTree(e.run().toJson()));
        } catch (IOException ex) {
            throw new IllegalStateException("a run's JSON is valid JSON", ex);
        }
        return n;
    }

    /**
     * The entry of one history element; null for an entry of a version-1 session (no {@code run}: it has no
     * settings to restore). {@code index} names the element in a message.
     */
    public static HistoryEntry fromNode(JsonNode n, int index) {
        String where = "history[" + index + "]";
        if (!n.isObject()) {
            throw new InvalidParameterException(where + " must be an object");
        }
        JsonNode run = n.get("run");
        if (run == null || run.isNull()) {
            return null;
        }
        RunRecord record;
        try {
            record = RunRecord.fromJson(run.toString());
        } catch (IllegalArgumentException ex) {
            throw new InvalidParameterException(where + ".run: " + ex.getMessage());
        }
        Instant when;
        try {
            when = n.hasNonNull("when") ? Instant.parse(n.get("when").asText()) : Instant.EPOCH;
        } catch (DateTimeParseException ex) {
            throw new InvalidParameterException(where + ".when must be an ISO-8601 instant, got "
                    + n.get("when"));
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        JsonNode st = n.path("stageSeconds");
        for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            stages.put(e.getKey(), num(e.getValue()));
        }
        List<HistoryEntry.Score> outputs = new ArrayList<>();
        for (JsonNode o : n.path("outputs")) {
            outputs.add(new HistoryEntry.Score(o.path("name").asText(), num(o.get("siSdr")), num(o.get("stoi")),
                    num(o.get("seconds"))));
        }
        return new HistoryEntry(n.path("id").asInt(index + 1), when, record, outputs, stages,
                num(n.get("seconds")), num(n.get("speechFraction")), n.path("pinned").asBoolean(false));
    }

    private static double num(JsonNode v) {
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
