package org.ncw.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.engine.workbench.WorkbenchParameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sweep's grid: a base experiment and, per swept field, the values it takes; {@link #settings()} is every
 * combination (the last field varies fastest). A field is
 * <ul>
 *   <li>{@value #METHOD}: the method that runs (a name or alias of {@link Methods}; default {@value #DEFAULT_METHOD},
 *       the experiment's clustering);</li>
 *   <li>a workbench parameter ({@link WorkbenchParameters}: {@code affinity}, {@code assignLabels}, {@code strategy},
 *       {@code dataset}, {@code gamma}, {@code maskMode}, {@code denoiserGainFloorDb}, ...), or one of the
 *       shorthands {@code intensity}, {@code labelAssignment}, {@code mask}, {@code gammaMode};</li>
 *   <li>a field path of the experiment file, e.g. {@code strategy.intensity}, {@code clusterer.gammaMode},
 *       {@code clusterer.spectral.nNeighbors}, {@code denoiser.gainFloorDb}.</li>
 * </ul>
 * {@code gamma} also takes {@code "auto"} (the median heuristic). Every value and every combination is checked
 * when the grid is made; a bad one throws naming the field and the value.
 *
 * @param base   the experiment every setting starts from
 * @param fields the swept fields with their values, in the grid's order
 */
public record SweepGrid(WorkbenchOptions base, Map<String, List<Object>> fields) {
    public static final String FORMAT = "ncw-sweep";
    public static final String METHOD = "method";
    public static final String DEFAULT_METHOD = Methods.CLUSTER_ALIAS;
    /** More combinations than this are refused (a typo like a 1000-value list, not a real grid). */
    public static final int MAX_SETTINGS = 100_000;

    private static final Map<String, String> SHORTHANDS = Map.of(
            "intensity", "strategy.intensity",
            "labelAssignment", "assignLabels",
            "labels", "assignLabels",
            "mask", "maskMode",
            "gammaMode", "clusterer.gammaMode");
    private static final Set<String> TOP_KEYS = Set.of("format", "version", "base", "grid");
    private static final Pattern ENUM_TEXT = Pattern.compile("[A-Z][A-Z0-9_]*");

    public SweepGrid {
        Checks.notNull("base", base);
        Checks.notNull("fields", fields);
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        long count = 1;
        for (Map.Entry<String, List<Object>> e : fields.entrySet()) {
            String field = e.getKey();
            List<Object> values = e.getValue();
            if (values == null || values.isEmpty()) {
                throw new InvalidParameterException("grid field '" + field + "': give a non-empty list of values");
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new InvalidParameterException("grid field '" + field + "': a value is listed twice");
            }
            for (Object v : values) {
                checkValue(base, field, v);
            }
            copy.put(field, List.copyOf(values));
            count *= values.size();
            if (count > MAX_SETTINGS) {
                throw new InvalidParameterException("grid: more than " + MAX_SETTINGS + " combinations");
            }
        }
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** One combination: its id, its position, the values of the swept fields, the experiment and the method. */
    public record Setting(String id, int index, Map<String, Object> values, WorkbenchOptions experiment,
                          String method) {
        /** The method this setting runs, from the registry. */
        public Method<?> resolveMethod() {
            return Methods.resolve(method, experiment);
        }

        /** The values as {@code field=value, ...}. */
        public String label() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    /** Reads a grid file; a relative {@code base} path is relative to the grid file's folder. */
    public static SweepGrid read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidParameterException(file + ": no such grid file");
        }
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent());
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException(file + ": " + e.getMessage());
        }
    }

    /**
     * The grid of this JSON: {@code {"base": "experiment.json" | {...experiment...}, "grid": {"field": [values],
     * ...}}}. {@code dir} resolves a relative base path (null: the working directory).
     */
    public static SweepGrid fromJson(String json, Path dir) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new InvalidParameterException("not a sweep grid JSON file: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException("a sweep grid file holds one object");
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw new InvalidParameterException("unknown key '" + key + "' (a grid file has " + TOP_KEYS
                        + "; swept fields go inside \"grid\")");
            }
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw new InvalidParameterException("format must be '" + FORMAT + "', got '" + root.get("format").asText()
                    + "'");
        }
        WorkbenchOptions base = WorkbenchOptions.defaults();
        JsonNode b = root.get("base");
        if (b != null && b.isTextual()) {
            Path p = dir == null ? Path.of(b.asText()) : dir.resolve(b.asText());
            base = WorkbenchOptions.read(p);
        } else if (b != null && b.isObject()) {
            base = WorkbenchOptions.fromJson(b.toString());
        } else if (b != null && !b.isNull()) {
            throw new InvalidParameterException("base must be an experiment file path or an experiment object");
        }
        JsonNode grid = root.get("grid");
        if (grid == null || !grid.isObject() || grid.isEmpty()) {
            throw new InvalidParameterException("give \"grid\": {\"field\": [values], ...} with at least one field");
        }
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        for (var it = grid.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode values = e.getValue();
            List<Object> list = new ArrayList<>();
            if (values.isArray()) {
                values.forEach(v -> list.add(plain(v)));
            } else {
                list.add(plain(values));
            }
            fields.put(e.getKey(), list);
        }
        return new SweepGrid(base, fields);
    }

    private static Object plain(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isNull()) {
            throw new InvalidParameterException("grid: a value is null");
        }
        return Json.mapper().convertValue(v, Object.class);
    }

    /** Number of combinations. */
    public int size() {
        int n = 1;
        for (List<Object> v : fields.values()) {
            n *= v.size();
        }
        return n;
    }

    /** Every combination, the last field varying fastest; ids s1.., zero-padded to the same width. */
    public List<Setting> settings() {
        int n = size();
        int width = String.valueOf(n).length();
        List<String> names = List.copyOf(fields.keySet());
        List<Setting> out = new ArrayList<>(n);
        for (int index = 0; index < n; index++) {
            Map<String, Object> values = new LinkedHashMap<>();
            int rest = index;
            for (int f = names.size() - 1; f >= 0; f--) {
                List<Object> vs = fields.get(names.get(f));
                values.put(names.get(f), vs.get(rest % vs.size()));
                rest /= vs.size();
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            names.forEach(k -> ordered.put(k, values.get(k)));
            String id = "s" + String.format(Locale.ROOT, "%0" + width + "d", index + 1);
            WorkbenchOptions experiment;
            try {
                experiment = apply(base, ordered);
            } catch (RuntimeException e) {
                throw new InvalidParameterException("grid setting " + id + " (" + ordered + "): " + e.getMessage());
            }
            String method = String.valueOf(ordered.getOrDefault(METHOD, DEFAULT_METHOD));
            out.add(new Setting(id, index, java.util.Collections.unmodifiableMap(ordered), experiment, method));
        }
        return out;
    }

    /**
     * A short hash of everything that decides the runs' results (base experiment, fields, values, their order):
     * the rows of a resumed sweep are reused only under the same hash.
     */
    public String hash() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("base", base.toJson());
        doc.put("grid", fields);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.write(doc).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grid as its file's JSON (the base inline). */
    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.set("base", readTree(base.toJson()));
        root.set("grid", Json.mapper().valueToTree(fields));
        return Json.write(root);
    }

    private static void checkValue(WorkbenchOptions base, String field, Object value) {
        try {
            WorkbenchOptions w = apply(base, Map.of(field, value));
            if (field.equals(METHOD)) {
                Methods.resolve(String.valueOf(value), w);
            }
        } catch (RuntimeException e) {
            throw new InvalidParameterException("grid field '" + field + "' value '" + value + "': "
                    + e.getMessage());
        }
    }

    /** {@code base} with the given field values (method names are checked, not applied). */
    static WorkbenchOptions apply(WorkbenchOptions base, Map<String, Object> values) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String field = SHORTHANDS.getOrDefault(e.getKey(), e.getKey());
            Object v = e.getValue();
            if (field.equals(METHOD)) {
                if (!(v instanceof String s) || !Methods.knows(s.trim().toLowerCase(Locale.ROOT))) {
                    throw new InvalidParameterException("unknown method '" + v + "'; known: "
                            + String.join(", ", Methods.names()) + " (and " + Methods.PRODUCTION_ALIAS + ", "
                            + Methods.CLUSTER_ALIAS + ", " + Methods.BLIND_ALIAS + ")");
                }
            } else if (field.equals("gamma") && "auto".equals(v)) {
                paths.put("clusterer.gammaMode", "AUTO");
            } else if (field.contains(".")) {
                paths.put(field, v);
            } else {
                if (field.equals("affinity") && !List.of("rbf", "knn").contains(String.valueOf(v))) {
                    throw new InvalidParameterException("affinity must be rbf or knn, got '" + v + "'");
                }
                if (field.equals("gamma")) {
                    paths.put("clusterer.gammaMode", "VALUE");
                }
                parameters.put(field, v);
            }
        }
        WorkbenchOptions w = base;
        if (!paths.isEmpty()) {
            JsonNode tree = readTree(w.toJson());
            for (Map.Entry<String, Object> e : paths.entrySet()) {
                set((ObjectNode) tree, e.getKey(), e.getValue());
            }
            w = WorkbenchOptions.fromJson(tree.toString());
        }
        if (!parameters.isEmpty()) {
            try {
                w = WorkbenchParameters.apply(parameters, w);
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException(e.getMessage().startsWith("unknown parameter")
                        ? "unknown field (neither a workbench parameter nor an experiment file path like "
                        + "strategy.intensity)" : e.getMessage());
            }
        }
        return w;
    }

    private static void set(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                throw new InvalidParameterException("unknown field: the experiment file has no '"
                        + String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + "' block");
            }
            node = (ObjectNode) next;
        }
        String last = parts[parts.length - 1];
        JsonNode old = node.get(last);
        if (old == null) {
            throw new InvalidParameterException("unknown field: the experiment file has no '" + path + "'");
        }
        JsonNode v = Json.mapper().valueToTree(value);
        if (old.isTextual() && ENUM_TEXT.matcher(old.asText()).matches() && value instanceof String s) {
            v = TextNode.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        node.set(last, v);
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
