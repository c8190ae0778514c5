package org.ncw.engine.workbench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.mask.MaskOptions;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.production.ProductionSettings;
import org.ncw.engine.stream.StreamingDenoiserOptions;

import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one experiment sets, and its file ({@code "format": "ncw-experiment", "version": 2}): what the
 * workbench saves and every command loads with {@code --options FILE}. A block left out takes its defaults.
 *
 * @param analysis   STFT grid the clustering runs on
 * @param synthesis  STFT grid the mask is applied on and resynthesised from
 * @param dbScale    amplitude to dB conversion of the analysis spectrogram
 * @param strategy   dataset, strategy, speech role rule, table features
 * @param clusterer  clustering algorithm and its options
 * @param mask       how labels become a mask
 * @param production the production chain (preset + overrides)
 * @param denoiser   the blind denoiser
 * @param ica        the workbench's ICA stage
 * @param methods    the methods the workbench runs beside the clustering (names or aliases of {@link Methods})
 * @param streaming  the causal streaming denoiser (method {@code streaming}, live mode, pipes)
 */
@JsonPropertyOrder({"format", "version"})
public record WorkbenchOptions(Resolution analysis, Resolution synthesis, DbScale dbScale, StrategyOptions strategy,
                               ClusterSettings clusterer, MaskOptions mask, ProductionSettings production,
                               BlindDenoiserOptions denoiser, IcaSettings ica, List<String> methods,
                               StreamingDenoiserOptions streaming) {
    public static final String FORMAT = "ncw-experiment";
    public static final int VERSION = 2;

    public WorkbenchOptions {
        ExperimentOptions d = ExperimentOptions.defaults();
        analysis = analysis == null ? d.analysis() : analysis;
        synthesis = synthesis == null ? d.synthesis() : synthesis;
        dbScale = dbScale == null ? d.dbScale() : dbScale;
        strategy = strategy == null ? d.strategy() : strategy;
        clusterer = clusterer == null ? d.clusterer() : clusterer;
        mask = mask == null ? d.mask() : mask;
        production = production == null ? ProductionSettings.defaults() : production;
        denoiser = denoiser == null ? BlindDenoiserOptions.defaults() : denoiser;
        ica = ica == null ? IcaSettings.defaults() : ica;
        methods = methods == null ? DEFAULT_METHODS : List.copyOf(methods);
        streaming = streaming == null ? StreamingDenoiserOptions.defaults() : streaming;
        for (int i = 0; i < methods.size(); i++) {
            if (!Methods.knows(methods.get(i))) {
                throw new InvalidParameterException("methods[" + i + "]: unknown method '" + methods.get(i)
                        + "'; known: " + String.join(", ", Methods.names()));
            }
        }
    }

    private static final List<String> DEFAULT_METHODS = List.of(Methods.PRODUCTION_ALIAS, Methods.BLIND_DENOISER);

    /** The study's clustering, the default production chain, the blind denoiser and ICA on noisy + speech. */
    public static WorkbenchOptions defaults() {
        return of(ExperimentOptions.defaults());
    }

    /** A clustering experiment with every other block at its defaults. */
    public static WorkbenchOptions of(ExperimentOptions e) {
        return new WorkbenchOptions(e.analysis(), e.synthesis(), e.dbScale(), e.strategy(), e.clusterer(), e.mask(),
                null, null, null, null, null);
    }

    /** The clustering part (what {@link org.ncw.engine.pipeline.ClusterPipeline} runs). */
    public ExperimentOptions clustering() {
        return new ExperimentOptions(analysis, synthesis, dbScale, strategy, clusterer, mask);
    }

    @JsonProperty("format")
    public String format() {
        return FORMAT;
    }

    @JsonProperty("version")
    public int version() {
        return VERSION;
    }

    public WorkbenchOptions withClustering(ExperimentOptions e) {
        return new WorkbenchOptions(e.analysis(), e.synthesis(), e.dbScale(), e.strategy(), e.clusterer(), e.mask(),
                production, denoiser, ica, methods, streaming);
    }

    public WorkbenchOptions withProduction(ProductionSettings v) {
        return new WorkbenchOptions(analysis, synthesis, dbScale, strategy, clusterer, mask, v, denoiser, ica, methods,
                streaming);
    }

    public WorkbenchOptions withDenoiser(BlindDenoiserOptions v) {
        return new WorkbenchOptions(analysis, synthesis, dbScale, strategy, clusterer, mask, production, v, ica,
                methods, streaming);
    }

    public WorkbenchOptions withIca(IcaSettings v) {
        return new WorkbenchOptions(analysis, synthesis, dbScale, strategy, clusterer, mask, production, denoiser, v,
                methods, streaming);
    }

    public WorkbenchOptions withMethods(List<String> v) {
        return new WorkbenchOptions(analysis, synthesis, dbScale, strategy, clusterer, mask, production, denoiser,
                ica, v, streaming);
    }

    public WorkbenchOptions withStreaming(StreamingDenoiserOptions v) {
        return new WorkbenchOptions(analysis, synthesis, dbScale, strategy, clusterer, mask, production, denoiser,
                ica, methods, v);
    }

    /** The experiment file's text. */
    public String toJson() {
        return Json.write(this);
    }

    /** Writes the experiment file atomically; never over a file {@code guard} protects. */
    public void write(Path file, WriteMode mode, OutputGuard guard) throws IOException {
        byte[] text = (toJson() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(file, mode, guard, out -> out.write(text));
    }

    /**
     * Reads an experiment: this version, the workbench's version-1 parameter file
     * ({@code {"format":"ncw-experiment","version":1,"parameters":{...}}}) or a bare clustering experiment (the
     * JSON of {@link ExperimentOptions}, as {@code ncw cluster} wrote it before version 2).
     */
    public static WorkbenchOptions fromJson(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new InvalidParameterException("not an experiment JSON file: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException("an experiment JSON file holds one object");
        }
        if (!root.has("format") && !root.has("parameters")) {
            if (!root.has("analysis")) {
                throw new InvalidParameterException("not an experiment: neither 'format' nor 'analysis' is given");
            }
            return of(Json.read(json, ExperimentOptions.class));
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw new InvalidParameterException("format must be '" + FORMAT + "', got '"
                    + root.get("format").asText() + "'");
        }
        int version = root.has("parameters") ? 1 : root.path("version").asInt(-1);
        if (version == 1) {
            JsonNode params = root.get("parameters");
            if (params == null || !params.isObject()) {
                throw new InvalidParameterException("experiment JSON has no 'parameters' object");
            }
            Map<String, Object> given = Json.mapper().convertValue(params,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            return WorkbenchParameters.apply(given, defaults());
        }
        if (version != VERSION) {
            throw new InvalidParameterException("version must be 1 or " + VERSION + ", got "
                    + root.path("version").asText("nothing"));
        }
        ObjectNode fields = ((ObjectNode) root).deepCopy();
        fields.remove(List.of("format", "version"));
        if (fields.get("streaming") instanceof ObjectNode streaming && !streaming.has("lookaheadHops")) {
            // files from before the look-ahead get today's default, as a missing maskModel gets the builtin one
            streaming.put("lookaheadHops", StreamingDenoiserOptions.defaults().lookaheadHops());
        }
        return Json.read(fields.toString(), WorkbenchOptions.class);
    }

    /** Reads an experiment file; a problem names the file. */
    public static WorkbenchOptions read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not an experiment JSON file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException(file + ": not a UTF-8 text file (expected an experiment JSON file)");
        }
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(file + ": " + e.getMessage());
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
