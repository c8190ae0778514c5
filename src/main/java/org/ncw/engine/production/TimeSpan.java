package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

import java.util.Locale;

/** A span of time in seconds, {@code start < end}, e.g. a noise-only stretch of a recording. */
public record TimeSpan(double start, double end) {
    public TimeSpan {
        Checks.inRange("span start", start, 0, Double.MAX_VALUE);
        Checks.finite("span end", end);
        if (!(end > start)) {
            throw new InvalidParameterException("span end must be after its start, got " + start + ".." + end);
        }
    }

    @JsonCreator
    static TimeSpan fromJson(@JsonProperty("start") Double start, @JsonProperty("end") Double end) {
        return new TimeSpan(Stages.required("span start", start), Stages.required("span end", end));
    }

    /** Parses {@code START:END} in seconds, e.g. {@code 0:0.9}. */
    public static TimeSpan parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new InvalidParameterException("a time span is START:END in seconds (e.g. 0:0.9), got '" + text + "'");
        }
        try {
            return new TimeSpan(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("a time span is START:END in seconds (e.g. 0:0.9), got '" + text + "'");
        }
    }

    public boolean contains(double seconds) {
        return seconds >= start && seconds <= end;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3g-%.3g s", start, end);
    }
}
