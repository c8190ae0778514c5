package org.ncw.engine.cluster;

import org.ncw.engine.core.Checks;

/**
 * Settings of {@link AgglomerativeClusterer} (Ward linkage, as sklearn's {@code AgglomerativeClustering} default).
 *
 * @param maxPoints refuse larger inputs: Ward's time grows as n^2 (20 000 points: about 1.2 s of one core)
 */
public record AgglomerativeOptions(int nClusters, FeatureScaling scaling, int maxPoints) {
    public AgglomerativeOptions {
        Checks.atLeast("nClusters", nClusters, 1);
        Checks.notNull("scaling", scaling);
        Checks.atLeast("maxPoints", maxPoints, 2);
    }

    public static AgglomerativeOptions defaults() {
        return new AgglomerativeOptions(2, FeatureScaling.NONE, 20_000);
    }

    public AgglomerativeOptions withNClusters(int v) {
        return new AgglomerativeOptions(v, scaling, maxPoints);
    }

    public AgglomerativeOptions withScaling(FeatureScaling v) {
        return new AgglomerativeOptions(nClusters, v, maxPoints);
    }

    public AgglomerativeOptions withMaxPoints(int v) {
        return new AgglomerativeOptions(nClusters, scaling, v);
    }
}
