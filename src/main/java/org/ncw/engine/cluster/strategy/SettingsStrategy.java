package org.ncw.engine.cluster.strategy;

import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.core.Checks;

import java.util.List;
import java.util.function.IntFunction;

/** A strategy driven by its options, the clusterer settings and the factory that builds clusterers from them. */
abstract class SettingsStrategy implements ClusteringStrategy {
    final StrategyOptions options;
    final ClusterSettings settings;
    final ClustererFactory factory;

    SettingsStrategy(StrategyOptions options, ClusterSettings settings, ClustererFactory factory) {
        this.options = Checks.notNull("options", options);
        this.settings = Checks.notNull("settings", settings);
        this.factory = Checks.notNull("factory", factory);
    }

    /** The settings that run: with gamma auto and an rbf affinity, gamma from the median heuristic on the problems. */
    ClusterSettings effectiveSettings(int problems, IntFunction<Points> problem) {
        if (!settings.autoGamma()) {
            return settings;
        }
        if (settings.algorithm() != ClusterSettings.Algorithm.SPECTRAL
                || settings.spectral().affinity() != AffinityKind.RBF) {
            return settings.withGammaMode(ClusterSettings.GammaMode.VALUE);
        }
        List<Points> all = java.util.stream.IntStream.range(0, problems).mapToObj(problem).toList();
        return settings.withEffectiveGamma(GammaHeuristic.of(all, settings.spectral().seed()));
    }
}
