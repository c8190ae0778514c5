package org.ncw.engine.cluster.strategy;

import java.util.List;

/**
 * What a clustering run looked like, to explain its result (printed by {@code ncw cluster}, written to the
 * experiment output, shown by the GUI). Figures over several problems (column-by-column) are summarised as noted.
 *
 * @param problems             clustering problems solved (1 for complete, one per frame for column-by-column)
 * @param worstComponents      most connected components of any problem's affinity graph (negligible weights
 *                             removed); -1 = not known (no affinity graph, or too many points to count)
 * @param worstProblem         the problem (frame, for column-by-column) with that many components; -1 = not known
 * @param isolatedPoints       points without any non-negligible affinity, summed over the problems; -1 = not known
 * @param nearZeroWeightShare  share of point pairs with negligible affinity, mean over the problems; NaN = not known
 * @param eigenGap             lambda_(k-1) - lambda_0 of the normalised Laplacian (for k = 2 the Fiedler value: near
 *                             0 means the graph nearly falls apart), median over the problems; NaN = not known
 * @param clusterSizes         each problem's raw cluster sizes sorted descending, summed over the problems
 * @param degenerateFraction   share of problems whose partition has a cluster under 1 % of the points (or only one
 *                             cluster)
 * @param effectiveGamma       the rbf gamma that ran (the heuristic's value with gamma auto); NaN when no rbf
 *                             affinity ran
 * @param warnings             what looks wrong, each with its likely cause and a suggestion
 */
public record ClusterDiagnostics(int problems, int worstComponents, int worstProblem, long isolatedPoints,
                                 double nearZeroWeightShare, double eigenGap, long[] clusterSizes,
                                 double degenerateFraction, double effectiveGamma, List<String> warnings) {
    /** A cluster smaller than this share of its problem's points makes the partition degenerate. */
    public static final double DEGENERATE_SHARE = 0.01;

    public ClusterDiagnostics {
        clusterSizes = clusterSizes.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public long[] clusterSizes() {
        return clusterSizes.clone();
    }

    /** Nothing measured (a result made without diagnostics). */
    public static ClusterDiagnostics none() {
        return new ClusterDiagnostics(0, -1, -1, -1, Double.NaN, Double.NaN, new long[0], 0, Double.NaN, List.of());
    }

    public boolean degenerate() {
        return degenerateFraction > 0.5;
    }
}
