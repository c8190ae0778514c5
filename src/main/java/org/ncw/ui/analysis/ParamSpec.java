package org.ncw.ui.analysis;

import java.util.List;
import java.util.Locale;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

/**
 * One engine setting as the workbench shows it: key, label, stage it belongs to, type and valid range.
 * {@link #parse(String)} turns typed text into a value or throws with a message naming the parameter.
 */
public record ParamSpec(String key, String label, Stage stage, Kind kind, List<String> choices,
                        double min, double max, Object defaultValue, String help) {

    public enum Kind { CHOICE, INT, DOUBLE, BOOL, DOUBLE_OR_PRESET }

    /** The value of a {@link Kind#DOUBLE_OR_PRESET} parameter that keeps what the chosen preset has. */
    public static final String PRESET = "preset";

    public static ParamSpec choice(String key, String label, Stage stage, String help, String... choices) {
        return new ParamSpec(key, label, stage, Kind.CHOICE, List.of(choices), 0, 0, choices[0], help);
    }

    public static ParamSpec integer(String key, String label, Stage stage, int min, int max, int def, String help) {
        return new ParamSpec(key, label, stage, Kind.INT, List.of(), min, max, def, help);
    }

    public static ParamSpec real(String key, String label, Stage stage, double min, double max, double def,
                                 String help) {
        return new ParamSpec(key, label, stage, Kind.DOUBLE, List.of(), min, max, def, help);
    }

    /** A number, or {@value #PRESET} (also typed as blank) to keep the preset's own value. */
    public static ParamSpec realOrPreset(String key, String label, Stage stage, double min, double max,
                                         String help) {
        return new ParamSpec(key, label, stage, Kind.DOUBLE_OR_PRESET, List.of(), min, max, PRESET, help);
    }

    public static ParamSpec bool(String key, String label, Stage stage, boolean def, String help) {
        return new ParamSpec(key, label, stage, Kind.BOOL, List.of(), 0, 0, def, help);
    }

    /** Parses and validates typed text; the exception message names this parameter and the bad value. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return switch (kind) {
                case CHOICE -> {
                    if (!choices.contains(t)) {
                        throw new InvalidParameterException(key + " must be one of " + choices + ", got '" + t + "'");
                    }
                    yield t;
                }
                case BOOL -> {
                    if (!t.equals("true") && !t.equals("false")) {
                        throw new InvalidParameterException(key + " must be true or false, got '" + t + "'");
                    }
                    yield Boolean.parseBoolean(t);
                }
                case INT -> {
                    int v = Integer.parseInt(t);
                    Checks.inRange(key, v, min, max);
                    yield v;
                }
                case DOUBLE -> Checks.inRange(key, Double.parseDouble(t), min, max);
                case DOUBLE_OR_PRESET -> t.isEmpty() || t.equals(PRESET) ? PRESET
                        : Checks.inRange(key, Double.parseDouble(t), min, max);
            };
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(key + " must be a " + (kind == Kind.INT ? "whole number" : "number")
                    + (kind == Kind.DOUBLE_OR_PRESET ? " or 'preset'" : "") + ", got '" + t + "'");
        }
    }

    /** Validates a value that came from elsewhere (e.g. a loaded JSON file). */
    public Object coerce(Object value) {
        return parse(format(value));
    }

    public String format(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e9 ? String.format(Locale.ROOT, "%.1f", d)
                    : String.format(Locale.ROOT, "%s", d);
        }
        if (value instanceof Number n && kind == Kind.INT) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(value);
    }

    public String rangeText() {
        return switch (kind) {
            case CHOICE -> String.join(" | ", choices);
            case BOOL -> "on | off";
            case INT -> (long) min + " .. " + (long) max;
            case DOUBLE -> format(min) + " .. " + format(max);
            case DOUBLE_OR_PRESET -> PRESET + " | " + format(min) + " .. " + format(max);
        };
    }
}
