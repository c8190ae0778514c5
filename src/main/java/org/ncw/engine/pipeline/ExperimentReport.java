package org.ncw.engine.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncw.engine.cluster.strategy.ClusterDiagnostics;
import org.ncw.engine.core.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The experiment file written after a run: the experiment (readable again by every {@code --options}, which ignores
 * the extra member) plus a {@code diagnostics} member; and the same diagnostics as lines for a terminal.
 * Unknown figures (NaN, -1) are written as null and printed as "n/a".
 */
public final class ExperimentReport {
    private ExperimentReport() {
    }

    /** The experiment file's text ({@code experimentJson}, one object) with the run's diagnostics added. */
    public static String json(String experimentJson, ClusterDiagnostics d) {
        ObjectNode root;
        try {
            root = (ObjectNode) Json.mapper().readTree(experimentJson);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalArgumentException("not an experiment object: " + e.getMessage(), e);
        }
        ObjectNode n = root.putObject("diagnostics");
        n.put("problems", d.problems());
        putKnown(n, "worstComponents", d.worstComponents());
        putKnown(n, "worstProblem", d.worstProblem());
        putKnown(n, "isolatedPoints", d.isolatedPoints());
        putKnown(n, "nearZeroWeightShare", d.nearZeroWeightShare());
        putKnown(n, "eigenGap", d.eigenGap());
        ArrayNode sizes = n.putArray("clusterSizes");
        Arrays.stream(d.clusterSizes()).forEach(sizes::add);
        n.put("degenerateFraction", d.degenerateFraction());
        putKnown(n, "effectiveGamma", d.effectiveGamma());
        ArrayNode warnings = n.putArray("warnings");
        d.warnings().forEach(warnings::add);
        return Json.write(root);
    }

    /** "diagnostics ..." lines for {@code ncw cluster}. */
    public static List<String> lines(ClusterDiagnostics d) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "graph      components %s (worst %s), isolated points %s, near-zero weights %s,"
                        + " eigen-gap %s, gamma %s", known(d.worstComponents()), where(d), known(d.isolatedPoints()),
                percent(d.nearZeroWeightShare()), number(d.eigenGap()), number(d.effectiveGamma())));
        out.add(String.format(Locale.ROOT, "clusters   sizes %s, degenerate partitions %.1f %% of %d",
                Arrays.toString(d.clusterSizes()), 100 * d.degenerateFraction(), d.problems()));
        return out;
    }

    private static String where(ClusterDiagnostics d) {
        return d.worstProblem() < 0 ? "n/a" : (d.problems() > 1 ? "frame " : "problem ") + d.worstProblem();
    }

    private static void putKnown(ObjectNode n, String name, long v) {
        if (v < 0) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    private static void putKnown(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    private static String known(long v) {
        return v < 0 ? "n/a" : Long.toString(v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
