package org.ncw.engine.cluster;

import java.util.List;
import java.util.Map;

/** TEMPORARY STUB of the core API (branch cluster); deleted when main brings the real one. */
public record ClusteringResult(int[] labels, int k, List<String> warnings, Map<String, Double> diagnostics) {
}
