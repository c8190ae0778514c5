package org.ncw.engine.production;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The options of {@link ProductionDenoiser}: stages applied in order. Round-trips through JSON with each stage's
 * kind in {@code "type"}; named presets ship as JSON under {@code resources/presets/production/}.
 */
public record ProductionChain(String description, List<ProductionStage> stages) {
    /** Presets shipped in {@code resources/presets/production/NAME.json}. */
    public static final List<String> PRESETS = List.of("default", "voice-bandpass", "gate-stationary",
            "gate-nonstationary", "median-floor", "centroid-floor");
    private static final String PRESET_ROOT = "/org/ncw/assets/presets/production/";
    private static final ObjectReader STRICT_READER = Json.mapper().readerFor(ProductionChain.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ProductionChain {
        description = description == null ? "" : description;
        Checks.notNull("stages", stages);
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) == null) {
                throw new InvalidParameterException("stages[" + i + "] is null");
            }
        }
        stages = List.copyOf(stages);
    }

    @JsonCreator
    static ProductionChain fromJsonFields(@JsonProperty("description") String description,
                                          @JsonProperty("stages") List<ProductionStage> stages) {
        return new ProductionChain(description, Stages.required("stages", stages));
    }

    public static ProductionChain of(ProductionStage... stages) {
        return new ProductionChain("", List.of(stages));
    }

    /**
     * The default chain: zero-phase Butterworth high-pass at 80 Hz (rumble, handling noise) and low-pass at 8 kHz
     * (skipped when that is not below Nyquist, e.g. at 16 kHz), then a stationary spectral gate whose noise profile
     * comes from the quietest 10% of frames.
     */
    public static ProductionChain defaults() {
        return new ProductionChain("high-pass 80 Hz, low-pass 8 kHz, stationary spectral gate on the quietest frames",
                List.of(HighPass.at(80), LowPass.at(8000), SpectralGate.stationary()));
    }

    public ProductionChain withStages(List<ProductionStage> newStages) {
        return new ProductionChain(description, newStages);
    }

    public ProductionChain withDescription(String newDescription) {
        return new ProductionChain(newDescription, stages);
    }

    /** Sets the cutoff of every high-pass stage, or inserts a zero-phase order-4 high-pass first. */
    public ProductionChain withHighPass(double hz) {
        return replaceOrInsert(HighPass.class, s -> new HighPass(hz, s.order(), s.zeroPhase()), HighPass.at(hz), 0);
    }

    /** Sets the cutoff of every low-pass stage, or inserts a zero-phase order-4 low-pass after the leading filters. */
    public ProductionChain withLowPass(double hz) {
        return replaceOrInsert(LowPass.class, s -> new LowPass(hz, s.order(), s.zeroPhase()), LowPass.at(hz),
                leadingFilterCount());
    }

    /**
     * Switches every spectral gate to {@code mode} (a gate of the other mode is replaced by that mode's defaults,
     * keeping its amount, smoothing and STFT size), or appends a gate with the mode's defaults.
     */
    public ProductionChain withGate(SpectralGate.Mode mode) {
        return replaceOrInsert(SpectralGate.class, g -> g.mode() == mode ? g : SpectralGate.defaults(mode)
                        .withAmount(g.amount()).withSmoothing(g.timeSmoothingMs(), g.freqSmoothingHz())
                        .withStft(g.nFft(), g.hop()),
                SpectralGate.defaults(mode), stages.size());
    }

    /** Takes the stationary gates' noise profile from {@code span}; appends a stationary gate if there is none. */
    public ProductionChain withNoiseSpan(TimeSpan span) {
        for (ProductionStage s : stages) {
            if (s instanceof SpectralGate g && g.mode() == SpectralGate.Mode.NONSTATIONARY) {
                throw new InvalidParameterException("a noise span applies to the stationary gate, but the chain's gate"
                        + " is nonstationary (it tracks a running floor)");
            }
        }
        return replaceOrInsert(SpectralGate.class, g -> g.withNoiseSpan(span),
                SpectralGate.stationary().withNoiseSpan(span), stages.size());
    }

    /** Sets the threshold terms (std-devs above the noise mean, plus dB) of every gate; the chain must have one. */
    public ProductionChain withGateThreshold(double std, double db) {
        requireAny(SpectralGate.class, "a gate threshold");
        return replaceOrInsert(SpectralGate.class, g -> g.withThreshold(std, db), null, 0);
    }

    /** Sets the amount of every spectral stage; the chain must have one. */
    public ProductionChain withAmount(double amount) {
        requireAny(SpectralStage.class, "an amount");
        return replaceOrInsert(SpectralStage.class, s -> s.withAmount(amount), null, 0);
    }

    /** The chain without stages of this kind. */
    public ProductionChain without(Class<? extends ProductionStage> kind) {
        return withStages(stages.stream().filter(s -> !kind.isInstance(s)).toList());
    }

    /** The JSON text of this chain. */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Parses a chain. Unlike the shared {@link Json} reader, unknown fields are errors: a misspelt option in a
     * hand-written chain file ({@code "amout"}) must not be silently ignored.
     */
    public static ProductionChain fromJson(String json) {
        Checks.notNull("json", json);
        try {
            return STRICT_READER.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidParameterException("unknown field '" + e.getPropertyName() + "' in " + kindOf(e)
                    + "; known fields: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException cause) {
                throw new InvalidParameterException("cannot read chain: " + cause.getMessage());
            }
            throw new InvalidParameterException("cannot read chain: " + e.getOriginalMessage());
        }
    }

    private static String kindOf(UnrecognizedPropertyException e) {
        Class<?> type = e.getReferringClass();
        JsonSubTypes.Type[] kinds = ProductionStage.class.getAnnotation(JsonSubTypes.class).value();
        for (JsonSubTypes.Type kind : kinds) {
            if (kind.value() == type) {
                return "a '" + kind.name() + "' stage";
            }
        }
        return type == null ? "the chain" : "a " + type.getSimpleName();
    }

    /** Reads a chain from a JSON file; the message names the file when it cannot. */
    public static ProductionChain read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidParameterException(file + ": not a UTF-8 text file (expected a chain JSON file)");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(file.toString(), null,
                    "chain file not found"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chain file " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(text);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException(file + ": " + e.getMessage());
        }
    }

    /** A shipped preset by name (see {@link #PRESETS}). */
    public static ProductionChain preset(String name) {
        Checks.notNull("preset", name);
        if (!PRESETS.contains(name)) {
            throw new InvalidParameterException("unknown production preset '" + name + "'; known: "
                    + String.join(", ", PRESETS));
        }
        try (InputStream in = ProductionChain.class.getResourceAsStream(PRESET_ROOT + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is missing from the class path");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + name, e);
        }
    }

    private void requireAny(Class<? extends ProductionStage> kind, String what) {
        if (stages.stream().noneMatch(kind::isInstance)) {
            throw new InvalidParameterException(what + " needs a " + (kind == SpectralGate.class ? "spectral gate"
                    : "spectral stage") + " in the chain, and this chain has none");
        }
    }

    private int leadingFilterCount() {
        int i = 0;
        while (i < stages.size() && isFilter(stages.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean isFilter(ProductionStage s) {
        return s instanceof HighPass || s instanceof LowPass || s instanceof BandPass || s instanceof ParametricEq;
    }

    /** Changes every stage of a kind; when there is none, inserts {@code inserted} (if not null) at {@code insertAt}. */
    private <T extends ProductionStage> ProductionChain replaceOrInsert(Class<T> kind, Function<T, ? extends T> change,
                                                                        T inserted, int insertAt) {
        List<ProductionStage> out = new ArrayList<>(stages.size() + 1);
        boolean found = false;
        for (ProductionStage s : stages) {
            if (kind.isInstance(s)) {
                out.add(change.apply(kind.cast(s)));
                found = true;
            } else {
                out.add(s);
            }
        }
        if (!found && inserted != null) {
            out.add(insertAt, inserted);
        }
        return withStages(out);
    }
}
