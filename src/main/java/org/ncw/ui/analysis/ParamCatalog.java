package org.ncw.ui.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every engine setting the workbench exposes, in panel order. */
public final class ParamCatalog {
    private static final List<ParamSpec> ALL = List.of(
            ParamSpec.choice("resolution", "Resolution", Stage.SPECTROGRAM,
                    "which STFT size the clustering runs on", "low", "regular"),
            ParamSpec.fftSize("lowNfft", "Low STFT size", Stage.SPECTROGRAM, 512, "window of the low resolution"),
            ParamSpec.fftSize("regularNfft", "Regular STFT size", Stage.SPECTROGRAM, 2048,
                    "window of the regular resolution"),
            ParamSpec.choice("dataset", "Dataset", Stage.DATASET,
                    "spectrogram matrix, or 3D table rows (time, frequency, intensity)", "matrix", "table3d"),
            ParamSpec.choice("scaling", "Feature scaling", Stage.DATASET, "scaling of the features",
                    "standard", "minmax", "none"),
            ParamSpec.choice("strategy", "Strategy", Stage.CLUSTER,
                    "cluster the whole grid at once, or each time column on its own", "column", "complete"),
            ParamSpec.choice("affinity", "Affinity", Stage.CLUSTER, "similarity graph", "rbf", "knn"),
            ParamSpec.real("gamma", "RBF gamma", Stage.CLUSTER, 1e-6, 1e6, 1.0, "rbf kernel width"),
            ParamSpec.integer("neighbors", "kNN k", Stage.CLUSTER, 1, 500, 10, "neighbours of the kNN graph"),
            ParamSpec.choice("assignLabels", "Label assignment", Stage.CLUSTER, "how embeddings become labels",
                    "kmeans", "discretize", "cluster_qr"),
            ParamSpec.choice("eigenSolver", "Eigen solver", Stage.CLUSTER, "eigenvector solver",
                    "arpack", "lobpcg", "dense"),
            ParamSpec.integer("seed", "Seed", Stage.CLUSTER, 0, Integer.MAX_VALUE, 42, "random seed"),
            ParamSpec.choice("maskMode", "Mask mode", Stage.MASK, "how labels become a mask", "binary", "soft"),
            ParamSpec.real("reduction", "Reduction factor", Stage.MASK, 0, 1, 0.0,
                    "gain kept on noise bins (0 removes them)"),
            ParamSpec.bool("production", "Production chain", Stage.PRODUCTION, true, "run the production filters"),
            ParamSpec.real("highpassHz", "High-pass (Hz)", Stage.PRODUCTION, 0, 2000, 80.0, "0 disables"),
            ParamSpec.real("gateDb", "Noise gate (dBFS)", Stage.PRODUCTION, -120, 0, -50.0,
                    "frames below this level are attenuated"),
            ParamSpec.bool("ica", "Run ICA", Stage.ICA, true, "FastICA on a pair of signals"),
            ParamSpec.choice("icaInputs", "ICA inputs", Stage.ICA, "the two mixtures given to FastICA",
                    "noisy+speech", "speech+residue", "noisy+production"),
            ParamSpec.choice("icaFunction", "ICA contrast", Stage.ICA, "FastICA non-linearity",
                    "logcosh", "exp", "cube"),
            ParamSpec.integer("icaMaxIter", "ICA max iterations", Stage.ICA, 1, 10000, 200, "iteration limit"),
            ParamSpec.real("icaTol", "ICA tolerance", Stage.ICA, 1e-12, 1, 1e-4, "convergence tolerance"));

    private ParamCatalog() {
    }

    public static List<ParamSpec> all() {
        return ALL;
    }

    public static ParamSpec get(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown parameter '" + key + "'"));
    }

    public static ParameterSet defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        ALL.forEach(p -> m.put(p.key(), p.defaultValue()));
        return new ParameterSet(m);
    }
}
