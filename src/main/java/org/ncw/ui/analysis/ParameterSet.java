package org.ncw.ui.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;

/** An immutable, validated set of values for {@link ParamCatalog}; saved and loaded as the experiment JSON. */
public final class ParameterSet {
    private final Map<String, Object> values;

    ParameterSet(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown parameter '" + key + "'");
        }
        return v;
    }

    public String text(String key) {
        return String.valueOf(get(key));
    }

    public int integer(String key) {
        return ((Number) get(key)).intValue();
    }

    public double real(String key) {
        return ((Number) get(key)).doubleValue();
    }

    /** A {@link ParamSpec.Kind#DOUBLE_OR_PRESET} value: empty when it keeps the preset's. */
    public java.util.OptionalDouble realOrPreset(String key) {
        Object v = get(key);
        return v instanceof Number n ? java.util.OptionalDouble.of(n.doubleValue()) : java.util.OptionalDouble.empty();
    }

    public boolean flag(String key) {
        return (Boolean) get(key);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** A copy with one value replaced (validated by its spec). */
    public ParameterSet with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, ParamCatalog.get(key).coerce(value));
        return new ParameterSet(m);
    }

    /** The values of the given stages only: the cache key of an artefact that depends on those stages. */
    public Map<String, Object> project(Set<Stage> stages) {
        Map<String, Object> m = new LinkedHashMap<>();
        ParamCatalog.all().stream().filter(p -> stages.contains(p.stage())).forEach(p -> m.put(p.key(), values.get(p.key())));
        return m;
    }

    public Map<String, Object> project(Stage first, Stage... rest) {
        return project(EnumSet.of(first, rest));
    }

    public String toJson() {
        return Json.write(Map.of("format", "ncw-experiment", "version", 1, "parameters", values));
    }

    /** Reads what {@link #toJson()} wrote; missing keys take defaults, unknown keys and bad values are errors. */
    public static ParameterSet fromJson(String json) {
        Map<String, Object> root = Json.read(json, Map.class);
        Object params = root.get("parameters");
        if (!(params instanceof Map)) {
            throw new InvalidParameterException("experiment JSON has no 'parameters' object");
        }
        Map<String, Object> given = Json.mapper().convertValue(params, new TypeReference<Map<String, Object>>() { });
        ParameterSet result = ParamCatalog.defaults();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            ParamCatalog.get(e.getKey());
            result = result.with(e.getKey(), e.getValue());
        }
        ParamCatalog.checkCombination(result);
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
