package org.ncw.ui.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.engine.workbench.WorkbenchParameters;

/**
 * An immutable, validated set of values for {@link ParamCatalog}: the panel's fields, a thin mapping onto the
 * experiment ({@link WorkbenchOptions}, see {@link #toOptions()}). The experiment it was loaded from is kept as the
 * base, so settings the panel does not show survive; saved and loaded as the experiment file.
 */
public final class ParameterSet {
    private final Map<String, Object> values;
    private final WorkbenchOptions base;
    private WorkbenchOptions options; // computed once: the set is immutable

    ParameterSet(Map<String, Object> values) {
        this(values, WorkbenchOptions.defaults());
    }

    private ParameterSet(Map<String, Object> values, WorkbenchOptions base) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.base = base;
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
        return new ParameterSet(m, base);
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

    /** The experiment these values describe: the base experiment changed by every field. */
    public WorkbenchOptions toOptions() {
        if (options == null) {
            options = WorkbenchParameters.apply(values, base);
        }
        return options;
    }

    /** The fields showing {@code options}, which becomes the base (what no field shows is kept from it). */
    public static ParameterSet of(WorkbenchOptions options) {
        ParameterSet result = new ParameterSet(ParamCatalog.defaults().values, options);
        for (Map.Entry<String, Object> e : WorkbenchParameters.of(options).entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        ParamCatalog.checkCombination(result);
        return result;
    }

    /** The experiment file (version {@value WorkbenchOptions#VERSION}). */
    public String toJson() {
        return toOptions().toJson();
    }

    /**
     * Reads any experiment file (see {@link WorkbenchOptions#fromJson}); a version-1 parameter file is checked
     * field by field here (missing keys take defaults, unknown keys and bad values are errors).
     */
    public static ParameterSet fromJson(String json) {
        Map<String, Object> root = Json.read(json, Map.class);
        if (!Integer.valueOf(1).equals(root.get("version")) && !root.containsKey("parameters")) {
            return of(WorkbenchOptions.fromJson(json));
        }
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
        return o instanceof ParameterSet p && p.values.equals(values) && sameExperiment(p);
    }

    /** Equal fields on different bases are the same experiment when what no field shows is the same too. */
    private boolean sameExperiment(ParameterSet p) {
        if (p.base.equals(base)) {
            return true;
        }
        try {
            return p.toOptions().equals(toOptions());
        } catch (IllegalArgumentException impossible) {
            return false;
        }
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
