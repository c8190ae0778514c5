package org.ncw.ui.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.mask.MaskOptions;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.WorkbenchParameters;

/** Every engine setting the workbench exposes, in panel order. */
public final class ParamCatalog {
    /** The largest k the panel offers (the engine takes any k of at least 2). */
    public static final int MAX_CLUSTERS = 32;
    /** How the engine ({@code SpeechRoleRule}) turns k raw clusters into speech and noise. */
    public static final String CLUSTERS_HELP = "k raw clusters, per time column (column strategy) or over the whole"
            + " grid (complete), with every algorithm. Exactly one of them is speech: the one whose bins score highest"
            + " on average under the speech rule (ties: the smaller cluster); the other k-1 are all noise. A column in"
            + " which only one cluster occurs is all noise";
    /** The fields that only the spectral algorithm uses. */
    public static final List<String> SPECTRAL_ONLY = List.of("affinity", "gamma", "gammaMode", "neighbors",
            "assignLabels", "eigenSolver", "exact");
    public static final String SPEECH_RULE_HELP = "which of the k clusters is speech: higher_mean_db = the loudest on"
            + " average; higher_mean_flux = the most onsets (positive dB change from the frame before); every other"
            + " cluster is noise";
    private static final List<ParamSpec> ALL = List.of(
            ParamSpec.choice("resolution", "Clustering grid", Stage.SPECTROGRAM,
                    "which STFT grid is clustered; masking always uses the regular grid", "low", "regular"),
            ParamSpec.integer("lowNfft", "Low: FFT size", Stage.SPECTROGRAM, 16, 65536, Resolution.LOW.nFft(),
                    "FFT and window length of the low-resolution grid (study: 1364)"),
            ParamSpec.integer("lowHop", "Low: hop", Stage.SPECTROGRAM, 1, 1 << 20, Resolution.LOW.hopLength(),
                    "hop in samples of the low-resolution grid (study: 3600)"),
            ParamSpec.integer("regularNfft", "Regular: FFT size", Stage.SPECTROGRAM, 16, 65536,
                    Resolution.REGULAR.nFft(), "FFT and window length of the regular grid (study: 4096)"),
            ParamSpec.integer("regularHop", "Regular: hop", Stage.SPECTROGRAM, 1, 1 << 20,
                    Resolution.REGULAR.hopLength(), "hop in samples of the regular grid (study: 128)"),
            ParamSpec.choice("dataset", "Dataset", Stage.DATASET,
                    "spectrogram matrix (one intensity per bin), or 3D table rows (time, frequency, intensity)", "matrix", "table3d"),
            ParamSpec.choice("intensity", "Intensity", Stage.DATASET,
                    "what is clustered: magnitude |X| (the study's amplitudes), power |X|^2 or dB; the speech rule and"
                            + " the drawing stay in dB", "magnitude", "power", "db"),
            ParamSpec.choice("scaling", "Feature scaling", Stage.DATASET, "3D table: per-feature scaling",
                    "standardize", "min_max", "none"),
            ParamSpec.bool("centroidDistance", "Centroid distance", Stage.DATASET, false,
                    "3D table: add each bin's distance to the spectral centroid as a feature"),
            ParamSpec.choice("strategy", "Strategy", Stage.CLUSTER,
                    "each time column on its own, or the whole grid at once", "column", "complete"),
            ParamSpec.choice("algorithm", "Algorithm", Stage.CLUSTER,
                    "spectral clustering (the study's; uses the graph settings below), k-means, Ward"
                            + " agglomerative or Gaussian mixture (these three cluster the features directly)",
                    "spectral", "kmeans", "ward", "gmm"),
            ParamSpec.integer("clusters", "Clusters k", Stage.CLUSTER, 2, MAX_CLUSTERS, 2, CLUSTERS_HELP),
            ParamSpec.choice("speechRule", "Speech cluster", Stage.CLUSTER, SPEECH_RULE_HELP,
                    "higher_mean_db", "higher_mean_flux"),
            ParamSpec.choice("affinity", "Affinity", Stage.CLUSTER, "similarity graph", "rbf", "knn"),
            ParamSpec.real("gamma", "RBF gamma", Stage.CLUSTER, 1e-9, 1e9, 1.0, "rbf kernel: exp(-gamma d^2)"),
            ParamSpec.choice("gammaMode", "Gamma", Stage.CLUSTER, "value: the RBF gamma above; auto: the median"
                    + " heuristic 1/(2 median d^2) on the clustered values (the effective value is in the diagnostics)",
                    "value", "auto"),
            ParamSpec.integer("neighbors", "kNN k", Stage.CLUSTER, 1, 1000, 10, "neighbours of the kNN graph"),
            ParamSpec.choice("assignLabels", "Label assignment", Stage.CLUSTER, "how the embedding becomes labels",
                    "kmeans", "discretize", "cluster_qr"),
            ParamSpec.choice("eigenSolver", "Eigen solver", Stage.CLUSTER, "eigenvector solver",
                    "auto", "arpack", "lanczos", "dense"),
            ParamSpec.bool("exact", "Exact solver", Stage.CLUSTER, false,
                    "off: column-by-column rbf on the matrix uses the fast 1-D solver"),
            ParamSpec.integer("seed", "Seed", Stage.CLUSTER, 0, Integer.MAX_VALUE, 0, "random seed (k-means, ICA)"),
            ParamSpec.choice("maskMode", "Mask mode", Stage.MASK,
                    "strict: noise bins to 0; reduce: scaled by the factor; soft: gain = mask", "strict", "reduce",
                    "soft"),
            ParamSpec.real("reduction", "Reduction factor", Stage.MASK, 0, 1, MaskOptions.DEFAULT_REDUCE_FACTOR,
                    "gain kept on noise bins in reduce mode"),
            ParamSpec.bool("production", "Production chain", Stage.PRODUCTION, true, "run the production filters"),
            new ParamSpec("productionPreset", "Preset", Stage.PRODUCTION, ParamSpec.Kind.CHOICE,
                    ProductionChain.PRESETS, 0, 0, ProductionChain.PRESETS.get(0),
                    "shipped production chain (filters, spectral gates, noise floors); the fields below change it"),
            ParamSpec.realOrPreset("productionHighPass", "High-pass Hz", Stage.PRODUCTION, 1, 20000,
                    "cutoff of the high-pass (added first if the preset has none); preset: the preset's own"),
            ParamSpec.realOrPreset("productionLowPass", "Low-pass Hz", Stage.PRODUCTION, 100, 96000,
                    "cutoff of the low-pass (added after the filters if the preset has none; skipped when not"
                            + " below Nyquist); preset: the preset's own"),
            ParamSpec.choice("productionGate", "Gate", Stage.PRODUCTION,
                    "spectral gate: the preset's, none, or a stationary / non-stationary gate",
                    ParamSpec.PRESET, "off", "stationary", "nonstationary"),
            ParamSpec.realOrPreset("productionAmount", "Amount", Stage.PRODUCTION, 0, 1,
                    "how much the spectral stages attenuate what they find to be noise (1 = fully)"),
            ParamSpec.realOrPreset("productionThresholdStd", "Threshold (std)", Stage.PRODUCTION, 0, 10,
                    "gate threshold: standard deviations above the noise mean (stationary gate)"),
            ParamSpec.realOrPreset("productionThresholdDb", "Threshold (dB)", Stage.PRODUCTION, -30, 60,
                    "gate threshold: dB above the noise floor (either gate; the non-stationary gate's main one)"),
            ParamSpec.bool("denoiser", "Blind denoiser", Stage.DENOISER, true,
                    "run the blind denoiser (the default method of ncw denoise)"),
            ParamSpec.real("denoiserFrameSeconds", "Frame s", Stage.DENOISER, 0.004, 1.0,
                    BlindDenoiserOptions.defaults().frameSeconds(), "STFT frame length in seconds (FFT size: the"
                            + " nearest power of two)"),
            ParamSpec.real("denoiserGainFloorDb", "Gain floor dB", Stage.DENOISER, -80, 0,
                    BlindDenoiserOptions.defaults().gainFloorDb(), "gain where speech is absent: lower removes"
                            + " more noise, with more musical noise"),
            ParamSpec.real("denoiserPresenceThreshold", "Presence ratio", Stage.DENOISER, 1, 100,
                    BlindDenoiserOptions.defaults().presenceThreshold(),
                    "averaged SNR ratio at which speech presence is 1/2"),
            ParamSpec.real("denoiserTransientThreshold", "Transient ratio", Stage.DENOISER, 0, 1000,
                    BlindDenoiserOptions.defaults().transientThreshold(), "cut down short broadband noise (clatter,"
                            + " knocks) first: a 32 ms frame louder than this many times its +-150 ms median (and"
                            + " spiking in every band) is one; 0 = off"),
            ParamSpec.integer("denoiserTrackingIterations", "Tracking iterations", Stage.DENOISER, 0, 10,
                    BlindDenoiserOptions.defaults().trackingIterations(),
                    "re-estimations of the noise-only cells against the refined noise spectrum"),
            ParamSpec.choice("denoiserMask", "Learned mask", Stage.DENOISER, "the learned band mask combined with the"
                    + " analytic gain: the built-in network, none (analytic gain only), or the network file of the"
                    + " loaded experiment (ncw train-mask)", "builtin", "none", "file"),
            ParamSpec.choice("streamingMask", "Streaming mask", Stage.DENOISER, "the streaming denoiser's learned"
                    + " causal band mask: the built-in network, none (analytic gain only), or the network file of the"
                    + " loaded experiment (ncw train-mask --streaming)", "builtin", "none", "file"),
            ParamSpec.bool("streamingLookahead", "Look-ahead", Stage.DENOISER, true, "one hop (8 ms) of"
                    + " look-ahead: each frame's gain also sees the next frame; latency 40 ms instead of 32 ms"),
            ParamSpec.bool("ica", "Run ICA", Stage.ICA, true, "FastICA on a pair of signals"),
            ParamSpec.choice("icaInputs", "ICA inputs", Stage.ICA, "the two mixtures given to FastICA",
                    "noisy+speech", "speech+residue", "noisy+production", "noisy+denoised"),
            ParamSpec.choice("icaFunction", "ICA contrast", Stage.ICA, "FastICA non-linearity G",
                    "logcosh", "exp", "cube"),
            ParamSpec.choice("icaAlgorithm", "ICA algorithm", Stage.ICA, "symmetric or one component at a time",
                    "parallel", "deflation"),
            ParamSpec.integer("icaMaxIter", "ICA max iterations", Stage.ICA, 1, 100000, 200, "iteration limit"),
            ParamSpec.real("icaTol", "ICA tolerance", Stage.ICA, 1e-12, 1, 1e-4, "convergence tolerance"));

    private ParamCatalog() {
    }

    /** Every field: the fixed ones, then a switch for each registered method without a stage of its own. */
    public static List<ParamSpec> all() {
        List<ParamSpec> all = new ArrayList<>(ALL);
        for (Method<?> m : WorkbenchParameters.switchable()) {
            all.add(ParamSpec.bool(WorkbenchParameters.METHOD_SWITCH + m.name(), "Run " + m.name(), Stage.DENOISER,
                    false, "run the method " + m.name() + " (also in ncw denoise --method and bench-quality)"));
        }
        return all;
    }

    public static ParamSpec get(String key) {
        return all().stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown parameter '" + key + "'"));
    }

    /**
     * Checks what single fields cannot: that the production chain the set describes can be built (an amount
     * needs a spectral stage, a threshold a gate). Throws with a message naming the parameter.
     */
    public static void checkCombination(ParameterSet p) {
        if (p.flag("production")) {
            try {
                p.toOptions();
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException(fieldName(e.getMessage()));
            }
        }
    }

    /** "production.amount: ..." (the experiment's field) as "productionAmount: ..." (this panel's field). */
    private static String fieldName(String message) {
        if (!message.startsWith("production.") || message.length() < 12) {
            return message;
        }
        return "production" + Character.toUpperCase(message.charAt(11)) + message.substring(12);
    }

    public static ParameterSet defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        all().forEach(p -> m.put(p.key(), p.defaultValue()));
        return new ParameterSet(m);
    }
}
