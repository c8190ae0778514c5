package org.ncw.engine.cluster;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a clustering: one label in [0, k) per point, the requested number of clusters,
 * warnings (e.g. disconnected graph, fewer distinct clusters than asked) and numeric diagnostics
 * (eigenvalues, iterations, inertia, ...). Immutable: arrays and collections are copied in and out.
 */
public record ClusteringResult(int[] labels, int k, List<String> warnings, Map<String, Double> diagnostics) {
    public ClusteringResult {
        Objects.requireNonNull(labels, "labels");
        labels = labels.clone();
        for (int label : labels) {
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("label " + label + " is outside [0, " + k + ")");
            }
        }
        warnings = List.copyOf(warnings);
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Number of distinct labels actually used (can be below k, see warnings). */
    public int distinctLabels() {
        return (int) Arrays.stream(labels).distinct().count();
    }

    /** Points per label, index = label. */
    public int[] clusterSizes() {
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        return sizes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusteringResult r && k == r.k && Arrays.equals(labels, r.labels)
                && warnings.equals(r.warnings) && diagnostics.equals(r.diagnostics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(labels), k, warnings, diagnostics);
    }

    @Override
    public String toString() {
        return "ClusteringResult[n=" + labels.length + ", k=" + k + ", sizes=" + Arrays.toString(clusterSizes())
                + ", warnings=" + warnings + ", diagnostics=" + diagnostics + "]";
    }
}
