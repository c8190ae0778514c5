package org.ncw.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.history.HistoryEntry;
import org.ncw.ui.history.HistoryJson;

/**
 * A saved workbench session, {@code NAME.ncw-session.json} ({@code "format": "ncw-session", "version": 1}): the
 * recording (path, path relative to the session file, SHA-256, sample rate, channels, duration), the clean
 * reference (path, relative path, SHA-256) or null, the experiment (the experiment file's own JSON, embedded
 * unchanged — one options vocabulary), the view (which result is heard and which it is compared with, what the
 * views show, time window, selection, playhead, colour scale, display choices) and the run history.
 *
 * <p>{@code history} is the run history: one element per run ({@link HistoryJson}: the run's whole experiment,
 * scores, timings, diagnostics, when, pinned), restored on open. Elements of older files, which held only wall
 * time, recomputed stages and share of speech bins, still load and are skipped (they have no settings).
 * Unknown fields are refused (naming the field), so a typo in a hand-edited file is not silently dropped.
 */
public record SessionFile(FileRef recording, FileRef cleanReference, ParameterSet experiment, ViewState view,
                          List<HistoryEntry> history) {
    public static final String FORMAT = "ncw-session";
    public static final int VERSION = 1;
    /** How a session file's name ends. */
    public static final String SUFFIX = ".ncw-session.json";

    private static final Set<String> TOP = Set.of("format", "version", "recording", "cleanReference", "experiment",
            "view", "history");
    private static final Set<String> RECORDING = Set.of("path", "relativePath", "sha256", "sampleRate", "channels",
            "seconds", "channel");
    private static final Set<String> REFERENCE = Set.of("path", "relativePath", "sha256");
    private static final Set<String> VIEW = Set.of("heard", "compared", "shown", "timeStart", "timeEnd",
            "selectionStart", "selectionEnd", "playhead", "dbFloor", "dbTop", "logFrequency", "windowSize", "colorMap",
            "overlay", "overlayOpacity", "scatterColoring", "levelMatched", "freqLow", "freqHigh");

    public SessionFile {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A file the session refers to.
     *
     * @param path         absolute path when saved
     * @param relativePath the same file relative to the session file's folder (found there when the folder moved)
     * @param sha256       lower-case hex SHA-256 of its bytes when saved
     * @param sampleRate   Hz (0 for the reference, which is not checked for it)
     * @param channels     channels of the file (the workbench works on their mix-down)
     * @param seconds      duration
     * @param channel      which channel the workbench analysed: 0 = the mix-down of all, 1..channels = that one
     */
    public record FileRef(String path, String relativePath, String sha256, int sampleRate, int channels,
                          double seconds, int channel) {
    }

    /**
     * What the window showed.
     *
     * @param heard    the result being heard (its name in the results list)
     * @param compared the other side of the A/B pair (null when there is none)
     * @param shown    what the waveform and spectrogram show: "Input", "Heard result" or a result's name
     * @param dbFloor  colour scale floor, dB relative to the loudest bin
     * @param dbTop    colour scale top, dB relative to the loudest bin
     * @param freqLow  bottom of the spectrogram's frequency band, Hz (0: the axis' bottom)
     * @param freqHigh top of the band, Hz (infinite, written as null: Nyquist)
     */
    public record ViewState(String heard, String compared, String shown, double timeStart, double timeEnd,
                            double selectionStart, double selectionEnd, double playhead, double dbFloor, double dbTop,
                            boolean logFrequency, int windowSize, String colorMap, boolean overlay,
                            double overlayOpacity, String scatterColoring, boolean levelMatched,
                            double freqLow, double freqHigh) {
    }

    // ---- writing -------------------------------------------------------------------------------------------

    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("recording", fileNode(recording, true));
        root.set("cleanReference", cleanReference == null ? f.nullNode() : fileNode(cleanReference, false));
        try {
            root.set("experiment", Json.mapper().readTree(experiment.toJson()));
        } catch (IOException e) {
            throw new IllegalStateException("the experiment file's JSON is valid JSON", e);
        }
        ObjectNode v = root.putObject("view");
        v.put("heard", view.heard());
        v.put("compared", view.compared());
        v.put("shown", view.shown());
        number(v, "timeStart", view.timeStart());
        number(v, "timeEnd", view.timeEnd());
        number(v, "selectionStart", view.selectionStart());
        number(v, "selectionEnd", view.selectionEnd());
        number(v, "playhead", view.playhead());
        number(v, "dbFloor", view.dbFloor());
        number(v, "dbTop", view.dbTop());
        v.put("logFrequency", view.logFrequency());
        v.put("windowSize", view.windowSize());
        v.put("colorMap", view.colorMap());
        v.put("overlay", view.overlay());
        number(v, "overlayOpacity", view.overlayOpacity());
        v.put("scatterColoring", view.scatterColoring());
        v.put("levelMatched", view.levelMatched());
        number(v, "freqLow", view.freqLow());
        number(v, "freqHigh", view.freqHigh());
        ArrayNode h = root.putArray("history");
        for (HistoryEntry r : history) {
            h.add(HistoryJson.toNode(r));
        }
        return Json.write(root);
    }

    private static ObjectNode fileNode(FileRef r, boolean audio) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("path", r.path());
        n.put("relativePath", r.relativePath());
        n.put("sha256", r.sha256());
        if (audio) {
            n.put("sampleRate", r.sampleRate());
            n.put("channels", r.channels());
            number(n, "seconds", r.seconds());
            n.put("channel", r.channel());
        }
        return n;
    }

    /** NaN (no selection) is written as null. */
    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /** Writes the file atomically (temporary file + rename), never over the recording or the reference. */
    public void write(Path file) throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(Path.of(recording.path()));
        if (cleanReference != null) {
            inputs.add(Path.of(cleanReference.path()));
        }
        byte[] bytes = (toJson() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(file, WriteMode.OVERWRITE, OutputGuard.protecting(inputs), out -> out.write(bytes));
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Reads a session file; every problem is one line naming the file and the problem. */
    public static SessionFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidParameterException(name + ": is a folder, not a session file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidParameterException(name + ": no such file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException(name + ": not a UTF-8 text file (expected a session JSON file)");
        }
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name + ": " + e.getMessage());
        }
    }

    /** Parses a session; an exception's message names the field and the problem (one line). */
    public static SessionFile fromJson(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int nl = m.indexOf('\n');
            throw new InvalidParameterException("not a session JSON file: " + (nl < 0 ? m : m.substring(0, nl)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException("a session file holds one JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new InvalidParameterException("format must be '" + FORMAT + "', got "
                    + (root.has("format") ? "'" + root.get("format").asText() + "'" : "nothing")
                    + (root.has("analysis") || "ncw-experiment".equals(root.path("format").asText())
                    ? " (this is an experiment file: File > Load parameters)" : ""));
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new InvalidParameterException("version must be " + VERSION + ", got "
                    + root.path("version").asText("nothing"));
        }
        known(root, TOP, "");
        JsonNode rec = object(root, "recording", false);
        known(rec, RECORDING, "recording.");
        FileRef recording = new FileRef(text(rec, "recording.", "path", false), text(rec, "recording.", "relativePath", true),
                text(rec, "recording.", "sha256", false), (int) num(rec, "recording.", "sampleRate", 0),
                (int) num(rec, "recording.", "channels", 1), num(rec, "recording.", "seconds", Double.NaN),
                (int) num(rec, "recording.", "channel", 0));
        if (recording.channel() < 0 || recording.channel() > Math.max(1, recording.channels())) {
            throw new InvalidParameterException("recording.channel must be 0 (mix-down) .. " + recording.channels()
                    + ", got " + recording.channel());
        }
        FileRef reference = null;
        JsonNode ref = root.get("cleanReference");
        if (ref != null && !ref.isNull()) {
            if (!ref.isObject()) {
                throw new InvalidParameterException("cleanReference must be an object or null");
            }
            known(ref, REFERENCE, "cleanReference.");
            reference = new FileRef(text(ref, "cleanReference.", "path", false),
                    text(ref, "cleanReference.", "relativePath", true), text(ref, "cleanReference.", "sha256", true),
                    0, 0, Double.NaN, 0);
        }
        JsonNode exp = object(root, "experiment", false);
        ParameterSet experiment;
        try {
            experiment = ParameterSet.fromJson(exp.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("experiment: " + e.getMessage());
        }
        JsonNode v = object(root, "view", true);
        ViewState view = null;
        if (v != null) {
            known(v, VIEW, "view.");
            view = new ViewState(text(v, "view.", "heard", true), text(v, "view.", "compared", true),
                    text(v, "view.", "shown", true), num(v, "view.", "timeStart", Double.NaN),
                    num(v, "view.", "timeEnd", Double.NaN), num(v, "view.", "selectionStart", Double.NaN),
                    num(v, "view.", "selectionEnd", Double.NaN), num(v, "view.", "playhead", 0),
                    num(v, "view.", "dbFloor", -80), num(v, "view.", "dbTop", 0),
                    bool(v, "view.", "logFrequency", false), (int) num(v, "view.", "windowSize", 1024),
                    text(v, "view.", "colorMap", true), bool(v, "view.", "overlay", true),
                    num(v, "view.", "overlayOpacity", Double.NaN), text(v, "view.", "scatterColoring", true),
                    bool(v, "view.", "levelMatched", true), num(v, "view.", "freqLow", 0),
                    num(v, "view.", "freqHigh", Double.POSITIVE_INFINITY));
            oneOf("view.colorMap", view.colorMap(), org.ncw.ui.spectrogram.ColorMap.Named.values());
            oneOf("view.scatterColoring", view.scatterColoring(),
                    org.ncw.ui.scatter.ScatterViewModel.Coloring.values());
            if (view.windowSize() < 16 || view.windowSize() > 65536) {
                throw new InvalidParameterException("view.windowSize must be 16..65536, got " + view.windowSize());
            }
        }
        JsonNode h = root.get("history");
        List<HistoryEntry> history = new ArrayList<>();
        if (h != null && !h.isNull()) {
            if (!h.isArray()) {
                throw new InvalidParameterException("history must be an array");
            }
            int i = 0;
            for (JsonNode e : h) {
                HistoryEntry entry = HistoryJson.fromNode(e, i++);
                if (entry != null) {
                    history.add(entry);
                }
            }
        }
        return new SessionFile(recording, reference, experiment, view, history);
    }

    private static void oneOf(String key, String value, Enum<?>[] values) {
        if (value == null) {
            return;
        }
        List<String> names = java.util.Arrays.stream(values).map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
                .toList();
        if (!names.contains(value)) {
            throw new InvalidParameterException(key + " must be one of " + names + ", got '" + value + "'");
        }
    }

    private static void known(JsonNode n, Set<String> allowed, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidParameterException("unknown field '" + prefix + k + "'");
            }
        }
    }

    private static JsonNode object(JsonNode n, String key, boolean optional) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (optional) {
                return null;
            }
            throw new InvalidParameterException("'" + key + "' is missing");
        }
        if (!v.isObject()) {
            throw new InvalidParameterException(key + " must be an object");
        }
        return v;
    }

    private static String text(JsonNode n, String prefix, String key, boolean optional) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (optional) {
                return null;
            }
            throw new InvalidParameterException("'" + prefix + key + "' is missing");
        }
        if (!v.isTextual()) {
            throw new InvalidParameterException(prefix + key + " must be a string, got " + v);
        }
        return v.asText();
    }

    private static double num(JsonNode n, String prefix, String key, double def) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isNumber()) {
            throw new InvalidParameterException(prefix + key + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode n, String prefix, String key, boolean def) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isBoolean()) {
            throw new InvalidParameterException(prefix + key + " must be true or false, got " + v);
        }
        return v.asBoolean();
    }
}
