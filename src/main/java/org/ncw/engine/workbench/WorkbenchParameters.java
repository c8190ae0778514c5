package org.ncw.engine.workbench;

import org.ncw.engine.stream.StreamingDenoiserOptions;

import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.SpeechRoleRule;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.ica.FastIcaOptions;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.mask.MaskOptions;
import org.ncw.engine.production.ProductionSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The workbench's flat parameters (key to value, as its panel shows them and as experiment files of version 1
 * stored them) as a mapping onto {@link WorkbenchOptions}. {@link #apply} changes only what the keys say, so the
 * settings the panel does not show survive a round trip; {@link #of} is its inverse for those keys.
 */
public final class WorkbenchParameters {
    /** The value of a production override that keeps what the preset has. */
    public static final String PRESET = "preset";
    /** Prefix of the switch of a method that has no stage of its own: "method:NAME". */
    public static final String METHOD_SWITCH = "method:";

    private static final Set<String> KEYS = Set.of("resolution", "lowNfft", "lowHop", "regularNfft", "regularHop",
            "dataset", "intensity", "scaling", "centroidDistance", "strategy", "speechRule", "algorithm", "clusters",
            "affinity", "gamma", "gammaMode", "neighbors",
            "assignLabels", "eigenSolver", "exact", "seed", "maskMode", "reduction", "production",
            "productionPreset", "productionHighPass", "productionLowPass", "productionGate", "productionAmount",
            "productionThresholdStd", "productionThresholdDb", "denoiser", "denoiserFrameSeconds",
            "denoiserGainFloorDb", "denoiserPresenceThreshold", "denoiserTransientThreshold",
            "denoiserTrackingIterations", "denoiserMask", "streamingMask", "streamingLookahead", "ica", "icaInputs", "icaFunction", "icaAlgorithm", "icaMaxIter", "icaTol");

    private WorkbenchParameters() {
    }

    /** The methods that have no stage of their own in the workbench; each gets an on/off switch. */
    public static List<Method<?>> switchable() {
        return Methods.all().stream().filter(m -> m.kind() == Method.Kind.DENOISER
                && !m.name().equals(Methods.BLIND_DENOISER)).toList();
    }

    /** The parameters of {@code w} (every key, values as the panel shows them). */
    public static Map<String, Object> of(WorkbenchOptions w) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean low = !w.analysis().equals(w.synthesis());
        Resolution lowGrid = low ? w.analysis() : Resolution.LOW;
        m.put("resolution", low ? "low" : "regular");
        m.put("lowNfft", lowGrid.nFft());
        m.put("lowHop", lowGrid.hopLength());
        m.put("regularNfft", w.synthesis().nFft());
        m.put("regularHop", w.synthesis().hopLength());
        StrategyOptions s = w.strategy();
        m.put("dataset", lower(s.dataset()));
        m.put("intensity", lower(s.intensity()));
        m.put("scaling", lower(s.scaling()));
        m.put("centroidDistance", s.centroidDistance());
        m.put("strategy", lower(s.strategy()));
        m.put("speechRule", lower(s.roleRule()));
        ClusterSettings c = w.clusterer();
        SpectralOptions sp = c.spectral();
        m.put("algorithm", lower(c.algorithm()));
        m.put("clusters", sp.nClusters());
        m.put("affinity", sp.affinity() == AffinityKind.RBF ? "rbf" : "knn");
        m.put("gamma", sp.gamma());
        m.put("gammaMode", lower(c.gammaMode()));
        m.put("neighbors", sp.nNeighbors());
        m.put("assignLabels", lower(sp.assignLabels()));
        m.put("eigenSolver", lower(sp.eigenSolver()));
        m.put("exact", c.exact());
        m.put("seed", sp.seed());
        m.put("maskMode", lower(w.mask().mode()));
        m.put("reduction", w.mask().reduceFactor());
        ProductionSettings p = w.production();
        m.put("production", runs(w, Method.Kind.PRODUCTION, null));
        m.put("productionPreset", p.preset());
        m.put("productionHighPass", orPreset(p.highPass()));
        m.put("productionLowPass", orPreset(p.lowPass()));
        m.put("productionGate", p.gate() == null ? PRESET : p.gate());
        m.put("productionAmount", orPreset(p.amount()));
        m.put("productionThresholdStd", orPreset(p.thresholdStd()));
        m.put("productionThresholdDb", orPreset(p.thresholdDb()));
        BlindDenoiserOptions d = w.denoiser();
        m.put("denoiser", runs(w, null, Methods.BLIND_DENOISER));
        m.put("denoiserFrameSeconds", d.frameSeconds());
        m.put("denoiserGainFloorDb", d.gainFloorDb());
        m.put("denoiserPresenceThreshold", d.presenceThreshold());
        m.put("denoiserTransientThreshold", d.transientThreshold());
        m.put("denoiserTrackingIterations", d.trackingIterations());
        m.put("denoiserMask", d.usesMask() ? (d.maskModel().equals(BlindDenoiserOptions.BUILTIN_MASK) ? "builtin"
                : "file") : "none");
        StreamingDenoiserOptions st = w.streaming();
        m.put("streamingMask", st.usesMask() ? (st.maskModel().equals(StreamingDenoiserOptions.BUILTIN_MASK)
                ? "builtin" : "file") : "none");
        m.put("streamingLookahead", st.lookaheadHops() == 1);
        FastIcaOptions ica = w.ica().separation().ica();
        m.put("ica", w.ica().enabled());
        m.put("icaInputs", w.ica().inputs());
        m.put("icaFunction", lower(ica.contrast()));
        m.put("icaAlgorithm", lower(ica.algorithm()));
        m.put("icaMaxIter", ica.maxIter());
        m.put("icaTol", ica.tol());
        for (Method<?> method : switchable()) {
            m.put(METHOD_SWITCH + method.name(), runs(w, null, method.name()));
        }
        return m;
    }

    /**
     * {@code base} changed by the given parameters (any subset of the keys). A value of the wrong type, an unknown
     * key or an impossible combination throws with a message naming the key.
     */
    public static WorkbenchOptions apply(Map<String, ?> given, WorkbenchOptions base) {
        for (String key : given.keySet()) {
            if (!KEYS.contains(key) && !(key.startsWith(METHOD_SWITCH) && switchable().stream()
                    .anyMatch(m -> key.equals(METHOD_SWITCH + m.name())))) {
                throw new InvalidParameterException("unknown parameter '" + key + "'");
            }
        }
        Map<String, Object> p = new LinkedHashMap<>(of(base));
        p.putAll(given);
        Resolution regular = grid(base.synthesis(), p, "regularNfft", "regularHop");
        Resolution analysis = text(p, "resolution").equals("low")
                ? grid(base.analysis().equals(base.synthesis()) ? Resolution.LOW : base.analysis(), p, "lowNfft",
                "lowHop") : regular;
        StrategyOptions strategy = base.strategy()
                .withDataset(choice(DatasetKind.class, p, "dataset"))
                .withIntensity(choice(Intensity.class, p, "intensity"))
                .withStrategy(choice(StrategyKind.class, p, "strategy"))
                .withScaling(choice(FeatureScaling.class, p, "scaling"))
                .withCentroidDistance(flag(p, "centroidDistance"))
                .withRoleRule(choice(SpeechRoleRule.class, p, "speechRule"));
        long seed = (long) number(p, "seed");
        SpectralOptions spectral = base.clusterer().spectral()
                .withNClusters((int) number(p, "clusters"))
                .withAffinity(text(p, "affinity").equals("rbf") ? AffinityKind.RBF : AffinityKind.NEAREST_NEIGHBORS)
                .withGamma(number(p, "gamma"))
                .withNNeighbors((int) number(p, "neighbors"))
                .withAssignLabels(choice(LabelAssignment.class, p, "assignLabels"))
                .withEigenSolver(choice(EigenSolver.class, p, "eigenSolver"))
                .withSeed(seed);
        ClusterSettings clusterer = base.clusterer().withAlgorithm(choice(ClusterSettings.Algorithm.class, p,
                "algorithm")).withSpectral(spectral).withExact(flag(p, "exact"))
                .withGammaMode(choice(ClusterSettings.GammaMode.class, p, "gammaMode"));
        MaskOptions mask = base.mask().withMode(choice(MaskMode.class, p, "maskMode"))
                .withReduceFactor(number(p, "reduction"));
        String preset = text(p, "productionPreset");
        ProductionSettings production = (preset.equals(base.production().preset()) ? base.production()
                : base.production().withPreset(preset))
                .withHighPass(numberOrPreset(p, "productionHighPass"))
                .withLowPass(numberOrPreset(p, "productionLowPass"))
                .withGate(text(p, "productionGate").equals(PRESET) ? null : text(p, "productionGate"))
                .withThreshold(numberOrPreset(p, "productionThresholdStd"), numberOrPreset(p, "productionThresholdDb"))
                .withAmount(numberOrPreset(p, "productionAmount"));
        BlindDenoiserOptions denoiser = base.denoiser().withFrameSeconds(number(p, "denoiserFrameSeconds"))
                .withGainFloorDb(number(p, "denoiserGainFloorDb"))
                .withPresenceThreshold(number(p, "denoiserPresenceThreshold"))
                .withTrackingIterations((int) number(p, "denoiserTrackingIterations"))
                .withTransientThreshold(number(p, "denoiserTransientThreshold"));
        String maskChoice = text(p, "denoiserMask");
        if (maskChoice.equals("none") || maskChoice.equals("builtin")) {
            denoiser = denoiser.withMaskModel(maskChoice);
        } else if (!base.denoiser().usesMask() || base.denoiser().maskModel().equals(BlindDenoiserOptions.BUILTIN_MASK)) {
            denoiser = denoiser.withMaskModel(BlindDenoiserOptions.BUILTIN_MASK); // "file" without one: the built-in
        }
        PairSeparationOptions separation = base.ica().separation();
        FastIcaOptions fastIca = separation.ica()
                .withContrast(choice(FastIcaOptions.Contrast.class, p, "icaFunction"))
                .withAlgorithm(choice(FastIcaOptions.Algorithm.class, p, "icaAlgorithm"))
                .withTol(number(p, "icaTol")).withMaxIter((int) number(p, "icaMaxIter")).withSeed(seed);
        IcaSettings ica = new IcaSettings(flag(p, "ica"), text(p, "icaInputs"), separation.withIca(fastIca));

        List<String> methods = new ArrayList<>(base.methods());
        toggle(methods, base, flag(p, "production"), Method.Kind.PRODUCTION, Methods.PRODUCTION_ALIAS);
        toggle(methods, base, flag(p, "denoiser"), null, Methods.BLIND_DENOISER);
        for (Method<?> m : switchable()) {
            toggle(methods, base, flag(p, METHOD_SWITCH + m.name()), null, m.name());
        }
        StreamingDenoiserOptions streaming = base.streaming();
        String streamingMask = text(p, "streamingMask");
        if (streamingMask.equals("none") || streamingMask.equals("builtin")) {
            streaming = streaming.withMaskModel(streamingMask);
        } else if (!streaming.usesMask()) {
            streaming = streaming.withMaskModel(StreamingDenoiserOptions.BUILTIN_MASK); // "file" without one
        }
        streaming = streaming.withLookaheadHops(flag(p, "streamingLookahead") ? 1 : 0);
        WorkbenchOptions w = new WorkbenchOptions(analysis, regular, base.dbScale(), strategy, clusterer, mask,
                production, denoiser, ica, methods, streaming);
        if (flag(p, "production")) {
            production.chain(); // an impossible override fails now, naming its field
        }
        return w;
    }

    /** Whether {@code w} runs a method of this kind, or of this name. */
    private static boolean runs(WorkbenchOptions w, Method.Kind kind, String name) {
        return w.methods().stream().map(n -> Methods.resolve(n, w))
                .anyMatch(m -> kind != null ? m.kind() == kind : m.name().equals(name));
    }

    private static void toggle(List<String> methods, WorkbenchOptions base, boolean on, Method.Kind kind,
                               String name) {
        boolean present = runs(base.withMethods(methods), kind, kind == null ? name : null);
        if (on && !present) {
            methods.add(name);
        } else if (!on && present) {
            methods.removeIf(n -> {
                Method<?> m = Methods.resolve(n, base);
                return kind != null ? m.kind() == kind : m.name().equals(name);
            });
        }
    }

    private static Resolution grid(Resolution base, Map<String, Object> p, String nFftKey, String hopKey) {
        int nFft = (int) number(p, nFftKey);
        int hop = (int) number(p, hopKey);
        return base.nFft() == nFft && base.hopLength() == hop ? base : new Resolution(nFft, hop, nFft);
    }

    private static Object orPreset(Double v) {
        return v == null ? PRESET : v;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Map<String, Object> p, String key) {
        return String.valueOf(p.get(key));
    }

    private static boolean flag(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new InvalidParameterException(key + " must be true or false, got '" + v + "'");
    }

    private static double number(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(key + " must be a number, got '" + v + "'");
        }
    }

    private static Double numberOrPreset(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null || PRESET.equals(v) || "".equals(v) ? null : number(p, key);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, Object> p, String key) {
        String t = text(p, key).trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t.replace('-', '_'))) {
                return e;
            }
        }
        throw new InvalidParameterException(key + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(WorkbenchParameters::lower).toList() + ", got '" + t + "'");
    }
}
