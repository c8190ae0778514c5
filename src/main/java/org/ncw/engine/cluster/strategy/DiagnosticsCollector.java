package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.dsp.Intensity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gathers per-problem figures while a strategy runs (each problem index is written by one thread only) and turns
 * them into {@link ClusterDiagnostics} with warnings that name a likely cause and a concrete suggestion.
 */
final class DiagnosticsCollector {
    private final StrategyOptions options;
    private final ClusterSettings settings;
    /** The run asked for gamma auto (settings then hold the heuristic's value, mode VALUE). */
    private final boolean autoGamma;
    private final int k;
    private final int[] components;
    private final long[] isolated;
    private final double[] nearZero;
    private final double[] eigenGap;
    private final long[][] sizes;
    private final boolean[] degenerate;

    /**
     * @param settings  the settings that ran (with the effective gamma)
     * @param autoGamma whether that gamma came from gamma auto, so no warning suggests gamma auto again
     */
    DiagnosticsCollector(StrategyOptions options, ClusterSettings settings, int problems, boolean autoGamma) {
        this.options = options;
        this.settings = settings;
        this.autoGamma = autoGamma;
        this.k = settings.nClusters();
        components = new int[problems];
        isolated = new long[problems];
        nearZero = new double[problems];
        eigenGap = new double[problems];
        sizes = new long[problems][];
        degenerate = new boolean[problems];
        Arrays.fill(components, -1);
        Arrays.fill(isolated, -1);
        Arrays.fill(nearZero, Double.NaN);
        Arrays.fill(eigenGap, Double.NaN);
    }

    private boolean rbf() {
        return settings.algorithm() == ClusterSettings.Algorithm.SPECTRAL
                && settings.spectral().affinity() == AffinityKind.RBF;
    }

    /** Records one problem: its points (for the rbf graph statistics), raw labels and the clusterer's report. */
    void record(int problem, Points points, int[] raw, ClusteringResult result, double laplacianGap) {
        record(problem, points, raw, result, laplacianGap, null);
    }

    /** ... with the graph statistics already known ({@code grouped}, from the grouped fast path), or null. */
    void record(int problem, Points points, int[] raw, ClusteringResult result, double laplacianGap,
                AffinityStats grouped) {
        if (rbf()) {
            AffinityStats a = grouped != null ? grouped : AffinityStats.rbf(points, settings.spectral().gamma());
            components[problem] = a.components();
            isolated[problem] = a.isolated();
            nearZero[problem] = a.nearZeroShare();
        } else if (result != null && result.diagnostics().containsKey("components")) {
            components[problem] = (int) Math.round(result.diagnostics().get("components"));
            isolated[problem] = 0;
            double n = points.n();
            Double stored = result.diagnostics().get("affinity.storedEntries");
            if (stored != null) {
                nearZero[problem] = Math.max(0, 1 - stored / (n * n));
            }
        }
        eigenGap[problem] = laplacianGap;
        if (Double.isNaN(laplacianGap) && result != null) {
            Double first = result.diagnostics().get("eigenvalue.0");
            Double last = result.diagnostics().get("eigenvalue." + (k - 1));
            if (first != null && last != null) {
                eigenGap[problem] = last - first;
            }
        }
        int max = k;
        for (int v : raw) {
            max = Math.max(max, v + 1);
        }
        long[] count = new long[max];
        for (int v : raw) {
            count[v]++;
        }
        long[] desc = Arrays.stream(count).boxed().sorted((a, b) -> Long.compare(b, a)).mapToLong(Long::longValue)
                .toArray();
        sizes[problem] = desc;
        int present = 0;
        long smallest = Long.MAX_VALUE;
        for (long c : desc) {
            if (c > 0) {
                present++;
                smallest = Math.min(smallest, c);
            }
        }
        degenerate[problem] = present < 2 || smallest < ClusterDiagnostics.DEGENERATE_SHARE * raw.length;
    }

    ClusterDiagnostics result() {
        int problems = components.length;
        int worst = -1;
        int worstAt = -1;
        long iso = 0;
        boolean isoKnown = true;
        double nz = 0;
        int nzCount = 0;
        double[] gaps = new double[problems];
        int gapCount = 0;
        long[] summed = new long[k];
        int bad = 0;
        for (int p = 0; p < problems; p++) {
            if (components[p] > worst) {
                worst = components[p];
                worstAt = p;
            }
            if (isolated[p] < 0) {
                isoKnown = false;
            } else {
                iso += isolated[p];
            }
            if (!Double.isNaN(nearZero[p])) {
                nz += nearZero[p];
                nzCount++;
            }
            if (!Double.isNaN(eigenGap[p])) {
                gaps[gapCount++] = eigenGap[p];
            }
            if (sizes[p] != null) {
                if (sizes[p].length > summed.length) {
                    summed = Arrays.copyOf(summed, sizes[p].length);
                }
                for (int c = 0; c < sizes[p].length; c++) {
                    summed[c] += sizes[p][c];
                }
            }
            if (degenerate[p]) {
                bad++;
            }
        }
        Arrays.sort(gaps, 0, gapCount);
        double gap = gapCount == 0 ? Double.NaN : gaps[gapCount / 2];
        double share = nzCount == 0 ? Double.NaN : nz / nzCount;
        double degenerateFraction = problems == 0 ? 0 : (double) bad / problems;
        double gamma = rbf() ? settings.spectral().gamma() : Double.NaN;
        List<String> warnings = warnings(worst, worstAt, share, degenerateFraction, gamma);
        return new ClusterDiagnostics(problems, worst, worst < 0 ? -1 : worstAt, isoKnown ? iso : -1, share, gap,
                summed, degenerateFraction, gamma, warnings);
    }

    private List<String> warnings(int worst, int worstAt, double nearZeroShare, double degenerateFraction,
                                  double gamma) {
        List<String> w = new ArrayList<>();
        if (degenerateFraction <= 0.5) {
            return w;
        }
        String what = String.format(Locale.ROOT, "%.0f %% of the partitions are degenerate (a cluster under 1 %% of the"
                + " points)", 100 * degenerateFraction);
        Intensity intensity = options.intensity();
        String values = intensity.columnName();
        // never suggest gamma auto to a run that already uses it
        String gammaHint = autoGamma ? "try a smaller gamma or the kNN affinity"
                : "try gamma auto or a smaller gamma";
        if (rbf() && nearZeroShare > 0.5) {
            String suggestion = intensity == Intensity.DB
                    ? (autoGamma ? "try magnitude" : "try gamma auto or magnitude")
                    : gammaHint;
            w.add(String.format(Locale.ROOT, "%s: gamma %s on %s values: %.0f %% of weights are 0 — %s",
                    what, shortNumber(gamma), values, 100 * nearZeroShare, suggestion));
        } else if (worst > 1) {
            w.add(String.format(Locale.ROOT, "%s: the affinity graph falls apart (%d components in %s %d) — %s",
                    what, worst, options.strategy() == StrategyKind.COLUMN ? "frame" : "problem", worstAt,
                    settings.spectral().affinity() == AffinityKind.NEAREST_NEIGHBORS ? "try more neighbors"
                            : gammaHint));
        } else {
            w.add(what + ": the clusterer splits off a few outlying points — try the k-means clusterer, the 3-D table"
                    + (intensity == Intensity.MAGNITUDE ? "" : " or magnitude values"));
        }
        return w;
    }

    private static String shortNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
