package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;

import java.util.Locale;

/**
 * One band of a parametric EQ: an RBJ "Audio EQ Cookbook" biquad. {@code gainDb} is the gain at {@code hz} for a
 * peaking band, and the gain of the shelf (below {@code hz} for a low shelf, above it for a high shelf); {@code q}
 * is the quality factor (peaking: bandwidth; shelves: slope, 0.707 is the steepest without overshoot).
 */
public record EqBand(Type type, double hz, double gainDb, double q) {

    /** Band shapes; JSON names are {@code peaking}, {@code lowshelf}, {@code highshelf}. */
    public enum Type {
        PEAKING, LOW_SHELF, HIGH_SHELF;

        @JsonValue
        public String jsonName() {
            return Stages.jsonName(this);
        }

        @JsonCreator
        public static Type parse(String name) {
            return Stages.parseJsonName(values(), name.replace("_", "").replace("-", ""), "EQ band type", name);
        }
    }

    public EqBand {
        Checks.notNull("type", type);
        Checks.positive("hz", hz);
        Checks.inRange("gainDb", gainDb, -48, 48);
        Checks.inRange("q", q, 0.05, 50);
    }

    @JsonCreator
    static EqBand fromJson(@JsonProperty("type") Type type, @JsonProperty("hz") Double hz,
                           @JsonProperty("gainDb") Double gainDb, @JsonProperty("q") Double q) {
        return new EqBand(type == null ? Type.PEAKING : type, Stages.required("eq band hz", hz),
                Stages.required("eq band gainDb", gainDb), q == null ? 1.0 : q);
    }

    /**
     * The band's biquad at {@code sampleRate}, with {@code gainFraction} of its dB gain (0.5 for each pass of
     * zero-phase filtering, so the two passes together give {@code gainDb}).
     */
    public SosFilter design(double sampleRate, double gainFraction) {
        if (!(hz < sampleRate / 2)) {
            throw new InvalidParameterException("EQ band hz must be below Nyquist (" + sampleRate / 2 + " Hz), got " + hz);
        }
        double a = Math.pow(10, gainDb * gainFraction / 40);
        double w0 = 2 * Math.PI * hz / sampleRate;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double sqrtA2alpha = 2 * Math.sqrt(a) * alpha;
        double[] c = switch (type) {
            case PEAKING -> new double[] {1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a};
            case LOW_SHELF -> new double[] {
                    a * ((a + 1) - (a - 1) * cos + sqrtA2alpha),
                    2 * a * ((a - 1) - (a + 1) * cos),
                    a * ((a + 1) - (a - 1) * cos - sqrtA2alpha),
                    (a + 1) + (a - 1) * cos + sqrtA2alpha,
                    -2 * ((a - 1) + (a + 1) * cos),
                    (a + 1) + (a - 1) * cos - sqrtA2alpha};
            case HIGH_SHELF -> new double[] {
                    a * ((a + 1) + (a - 1) * cos + sqrtA2alpha),
                    -2 * a * ((a - 1) + (a + 1) * cos),
                    a * ((a + 1) + (a - 1) * cos - sqrtA2alpha),
                    (a + 1) - (a - 1) * cos + sqrtA2alpha,
                    2 * ((a - 1) - (a + 1) * cos),
                    (a + 1) - (a - 1) * cos - sqrtA2alpha};
        };
        return SosFilter.of(new double[][] {c});
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.0f Hz %+.1f dB q %.2f", type.jsonName(), hz, gainDb, q);
    }
}
